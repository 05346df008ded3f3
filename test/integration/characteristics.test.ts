import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { auditEvents, extractedValues, extractionFields, extractorValues } from '../../db/schema.ts'
import { DEFAULT_QUALITATIVE_FIELDS } from '../../src/domain/extraction/fields.ts'
import { appraisalTeam, type AppraisalTeam } from '../support/included-studies.ts'

async function withDefaultForm() {
  const team = await appraisalTeam()
  const response = await team.owner.post(`/reviews/${team.slug}/characteristics/form/defaults`)
  if (response.status !== 303) throw new Error(`defaults failed with ${response.status}`)
  const fieldId = (label: string) =>
    team.weft.db
      .select()
      .from(extractionFields)
      .all()
      .find((field) => field.label === label)!.id
  const studyPage = (index = 0) => `/reviews/${team.slug}/characteristics/${team.studyIds[index]}`
  return { ...team, fieldId, studyPage }
}

function field(team: { fieldId: (label: string) => number }, label: string) {
  return `field-${team.fieldId(label)}`
}

function eventsOf(team: AppraisalTeam, action: string) {
  return team.weft.db.select().from(auditEvents).where(eq(auditEvents.action, action)).all()
}

describe('the characteristics form', () => {
  it('starts with the fields of a qualitative review, once, by an owner', async () => {
    const team = await withDefaultForm()
    expect(
      team.weft.db
        .select()
        .from(extractionFields)
        .all()
        .map((f) => f.label),
    ).toEqual(DEFAULT_QUALITATIVE_FIELDS.map((f) => f.label))
    expect((await team.owner.post(`/reviews/${team.slug}/characteristics/form/defaults`)).status).toBe(409)
    expect(
      (await team.first.post(`/reviews/${team.slug}/characteristics/form/fields`, { label: 'X', kind: 'short_text' }))
        .status,
    ).toBe(403)
    expect(eventsOf(team, 'extraction_form.defaults_added')).toHaveLength(1)
  })

  it.each([
    ['a field without a name', { label: ' ', kind: 'short_text' }, 'Name the field'],
    [
      'a choice field with one choice',
      { label: 'Urban or rural', kind: 'single_choice', options: 'Urban' },
      'A choice field needs at least two choices',
    ],
    ['an unknown kind', { label: 'Date', kind: 'date' }, 'Choose what kind of field this is.'],
    [
      'a name already on the form',
      { label: 'sample SIZE', kind: 'number' },
      'The form already has a field “Sample size”.',
    ],
  ])('refuses %s and adds nothing', async (_case, fields, message) => {
    const team = await withDefaultForm()
    const response = await team.owner.post(`/reviews/${team.slug}/characteristics/form/fields`, fields)
    expect(response.status).toBe(422)
    expect(await response.text()).toContain(message)
    expect(team.weft.db.select().from(extractionFields).all()).toHaveLength(DEFAULT_QUALITATIVE_FIELDS.length)
  })

  it('adds, edits and moves a field, each change audited', async () => {
    const team = await withDefaultForm()
    const base = `/reviews/${team.slug}/characteristics/form/fields`
    expect(
      (await team.owner.post(base, { label: 'Urban or rural', kind: 'single_choice', options: 'Urban\nRural\nMixed' }))
        .status,
    ).toBe(303)
    const id = team.fieldId('Urban or rural')
    expect(
      (await team.owner.post(`${base}/${id}`, { label: 'Urban / rural', options: 'Urban\nRural', hint: '' })).status,
    ).toBe(303)
    expect((await team.owner.post(`${base}/${id}/move`, { direction: 'up' })).status).toBe(303)
    const fields = team.weft.db.select().from(extractionFields).orderBy(extractionFields.position).all()
    expect(fields.at(-2)?.label).toBe('Urban / rural')
    expect(fields.at(-2)?.options).toEqual(['Urban', 'Rural'])
    for (const action of ['extraction_field.added', 'extraction_field.edited', 'extraction_field.moved'])
      expect(eventsOf(team, action)).toHaveLength(1)
  })
})

describe('single extraction', () => {
  it('saves a study’s values and shows them in the table and its CSV', async () => {
    const team = await withDefaultForm()
    const response = await team.first.post(team.studyPage(), {
      [field(team, 'Country')]: 'england',
      [field(team, 'Setting')]: 'Voluntary and community sector',
      [field(team, 'Publication type')]: 'Thesis',
      [field(team, 'Sample size')]: '1,200',
      [field(team, 'Methodology')]: 'Ethnography, with "shadowing"',
    })
    expect(response.status).toBe(303)
    const html = await (await team.viewer.get(`/reviews/${team.slug}/characteristics`)).text()
    expect(html).toContain('England')
    expect(html).toContain('Voluntary and community sector')
    const csv = await (await team.viewer.get(`/reviews/${team.slug}/characteristics/table.csv`)).text()
    const [header, first] = csv.replace(/^\uFEFF/, '').split('\r\n')
    expect(header).toBe(['Study', ...DEFAULT_QUALITATIVE_FIELDS.map((f) => f.label)].join(','))
    expect(first).toBe(
      'Moffatt 2017,England,Voluntary and community sector,,"Ethnography, with ""shadowing""",,,1200,,,,Thesis,',
    )
    expect(eventsOf(team, 'extraction.values_saved')).toHaveLength(1)
  })

  it('saves the ticked boxes of a multiple-choice field', async () => {
    const team = await withDefaultForm()
    const body = new URLSearchParams()
    body.append(field(team, 'Data collection'), 'Observation')
    body.append(field(team, 'Data collection'), 'Semi-structured interviews')
    body.set('_csrf', team.first.formToken() as string)
    const response = await team.first.request(team.studyPage(), {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' },
    })
    expect(response.status).toBe(303)
    const values = team.weft.db.select().from(extractedValues).all()
    expect(values).toHaveLength(1)
    expect(values[0]?.value).toBe('["Semi-structured interviews","Observation"]')
  })

  it.each([
    ['a number that is not one', 'Sample size', 'about twenty', 'Sample size: enter a number, e.g. 24'],
    ['a country Weft does not know', 'Country', 'Atlantis', 'Country: “Atlantis” is not a country name Weft knows'],
    [
      'a choice that is not offered',
      'Publication type',
      'Blog post',
      'Publication type: choose one of the listed choices.',
    ],
  ])('refuses %s, keeps what was typed and stores nothing', async (_case, label, typed, message) => {
    const team = await withDefaultForm()
    const response = await team.first.post(team.studyPage(), {
      [field(team, 'Aim')]: 'Kept aim',
      [field(team, label)]: typed,
    })
    expect(response.status).toBe(422)
    const html = await response.text()
    expect(html).toContain(message)
    expect(html).toContain('Kept aim')
    expect(team.weft.db.select().from(extractedValues).all()).toEqual([])
  })

  it('keeps an archived field’s values, shows them under “Archived fields” and brings them back on restore', async () => {
    const team = await withDefaultForm()
    await team.first.post(team.studyPage(), { [field(team, 'Funding')]: 'NIHR School for Primary Care Research' })
    const fundingId = team.fieldId('Funding')
    expect(
      (await team.owner.post(`/reviews/${team.slug}/characteristics/form/fields/${fundingId}/archive`)).status,
    ).toBe(303)

    expect(team.weft.db.select().from(extractedValues).where(eq(extractedValues.fieldId, fundingId)).get()?.value).toBe(
      'NIHR School for Primary Care Research',
    )
    const study = await (await team.first.get(team.studyPage())).text()
    const archived = study.slice(study.indexOf('id="archived-heading"'))
    expect(archived).toContain('Funding')
    expect(archived).toContain('NIHR School for Primary Care Research')
    expect(study).not.toContain(`name="field-${fundingId}"`)
    const table = await (await team.first.get(`/reviews/${team.slug}/characteristics`)).text()
    expect(table).not.toContain('NIHR School for Primary Care Research')
    // Saving the form without the archived field leaves its value alone.
    await team.first.post(team.studyPage(), { [field(team, 'Aim')]: 'To explore' })
    expect(team.weft.db.select().from(extractedValues).where(eq(extractedValues.fieldId, fundingId)).get()?.value).toBe(
      'NIHR School for Primary Care Research',
    )

    expect(
      (await team.owner.post(`/reviews/${team.slug}/characteristics/form/fields/${fundingId}/restore`)).status,
    ).toBe(303)
    const restored = await (await team.first.get(team.studyPage())).text()
    expect(restored).toMatch(new RegExp(`name="field-${fundingId}"[^>]*value="NIHR School for Primary Care Research"`))
    expect(eventsOf(team, 'extraction_field.archived')).toHaveLength(1)
    expect(eventsOf(team, 'extraction_field.restored')).toHaveLength(1)
  })

  it('keeps a value that is no longer among a field’s choices, and says so', async () => {
    const team = await withDefaultForm()
    await team.first.post(team.studyPage(), { [field(team, 'Publication type')]: 'Thesis' })
    const publicationType = team.fieldId('Publication type')
    await team.owner.post(`/reviews/${team.slug}/characteristics/form/fields/${publicationType}`, {
      label: 'Publication type',
      options: 'Journal article\nReport',
      hint: '',
    })
    const html = await (await team.first.get(team.studyPage())).text()
    expect(html).toContain('Thesis (no longer a choice)')
  })
})

describe('dual extraction', () => {
  it('flags fields the two extractors disagree on, and shows the consensus once recorded', async () => {
    const team = await withDefaultForm()
    expect(
      (await team.owner.post(`/reviews/${team.slug}/characteristics/settings`, { dualExtraction: 'on' })).status,
    ).toBe(303)
    const methodology = field(team, 'Methodology')
    const country = field(team, 'Country')
    await team.first.post(team.studyPage(), { [methodology]: 'Ethnography', [country]: 'England' })
    let table = await (await team.viewer.get(`/reviews/${team.slug}/characteristics`)).text()
    expect(table).not.toContain('England') // one extractor: waiting for the second
    await team.second.post(team.studyPage(), { [methodology]: 'Grounded theory', [country]: 'ENGLAND' })
    expect(team.weft.db.select().from(extractorValues).all()).toHaveLength(2 * DEFAULT_QUALITATIVE_FIELDS.length)

    table = await (await team.viewer.get(`/reviews/${team.slug}/characteristics`)).text()
    expect(table).toContain('England')
    expect(table).toContain('Discrepancy')
    const study = await (await team.first.get(team.studyPage())).text()
    expect(study).toMatch(/<tr class="differs" data-field="Methodology">/)
    expect(study).toContain(`id="consensus-${methodology}"`)
    expect(study).not.toContain(`id="consensus-${country}"`)

    const consensus = await team.second.post(`${team.studyPage()}/consensus`, {
      settle: String(team.fieldId('Methodology')),
      [methodology]: 'Ethnography',
    })
    expect(consensus.status).toBe(303)
    table = await (await team.viewer.get(`/reviews/${team.slug}/characteristics`)).text()
    expect(table).not.toContain('Discrepancy')
    expect(table).toContain('Ethnography')
    expect(eventsOf(team, 'extraction.consensus_recorded')).toHaveLength(1)
  })
})
