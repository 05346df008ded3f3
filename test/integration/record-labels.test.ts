import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { auditEvents, recordLabels } from '../../db/schema.ts'
import { testWeft } from '../support/app.ts'
import { HTMX_PARTIAL, screeningTeam, type ScreeningTeam } from '../support/screening.ts'

const card = (team: ScreeningTeam, recordId: number) =>
  `/reviews/${team.slug}/screening/title-abstract/records/${recordId}`
const labelsUrl = (team: ScreeningTeam, recordId: number) => `/reviews/${team.slug}/records/${recordId}/labels`

function labelsIn(team: ScreeningTeam) {
  return team.reviewerA.weft.db
    .select({ recordId: recordLabels.recordId, label: recordLabels.label })
    .from(recordLabels)
    .all()
}

describe('labels on records', () => {
  it('lets a reviewer label a record from its card, with htmx answering just the labels', async () => {
    const team = await screeningTeam(testWeft())
    const [first] = team.recordIds
    const response = await team.reviewerA.post(
      labelsUrl(team, first!),
      { label: '  to   check ', back: card(team, first!) },
      { headers: HTMX_PARTIAL },
    )
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).not.toContain('<html')
    expect(html).toContain(`id="record-labels-${first}"`)
    expect(html).toContain('<span>to check</span>')
    expect(labelsIn(team)).toEqual([{ recordId: first, label: 'to check' }])
    const page = await (await team.reviewerB.get(card(team, first!))).text()
    expect(page).toContain('<span>to check</span>')
    const events = team.reviewerA.weft.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'record.label_added'))
      .all()
    expect(events).toHaveLength(1)
  })

  it('works without JavaScript: a plain post goes back to the card, and × removes the label', async () => {
    const team = await screeningTeam(testWeft())
    const [, second] = team.recordIds
    const added = await team.owner.post(labelsUrl(team, second!), { label: 'Qualitative', back: card(team, second!) })
    expect(added.status).toBe(303)
    expect(added.headers.get('location')).toBe(card(team, second!))
    // The same label in another case is the same label.
    await team.reviewerA.post(labelsUrl(team, team.recordIds[2]!), { label: 'qualitative' })
    expect(labelsIn(team).map((row) => row.label)).toEqual(['Qualitative', 'Qualitative'])
    const removed = await team.owner.post(`${labelsUrl(team, second!)}/remove`, {
      label: 'Qualitative',
      back: 'https://evil.example/',
    })
    expect(removed.headers.get('location')).toBe(`/reviews/${team.slug}`)
    expect(labelsIn(team)).toEqual([{ recordId: team.recordIds[2], label: 'Qualitative' }])
  })

  it('refuses an empty label, a label twice, and viewers', async () => {
    const team = await screeningTeam(testWeft())
    const [first] = team.recordIds
    const empty = await team.reviewerA.post(labelsUrl(team, first!), { label: '  ' }, { headers: HTMX_PARTIAL })
    expect(empty.status).toBe(422)
    expect(await empty.text()).toContain('Type a label to add.')
    await team.reviewerA.post(labelsUrl(team, first!), { label: 'to check' })
    const twice = await team.reviewerB.post(labelsUrl(team, first!), { label: 'To Check' }, { headers: HTMX_PARTIAL })
    expect(twice.status).toBe(422)
    expect(await twice.text()).toContain('already has the label “to check”')
    expect((await team.viewer.post(labelsUrl(team, first!), { label: 'mine' })).status).toBe(403)
    expect((await team.reviewerA.post(labelsUrl(team, 99_999), { label: 'x' })).status).toBe(404)
    expect(labelsIn(team)).toHaveLength(1)
  })

  it('filters the screening list by label and shows each row’s labels', async () => {
    const team = await screeningTeam(testWeft())
    const [first, second, third] = team.recordIds
    await team.reviewerA.post(labelsUrl(team, first!), { label: 'qualitative' })
    await team.reviewerA.post(labelsUrl(team, third!), { label: 'qualitative' })
    await team.reviewerA.post(labelsUrl(team, third!), { label: 'ask Sam' })
    const list = await (
      await team.reviewerB.get(`/reviews/${team.slug}/screening/title-abstract/list?label=qualitative`)
    ).text()
    expect(list).toContain(`/records/${first}"`)
    expect(list).toContain(`/records/${third}"`)
    expect(list).not.toContain(`/records/${second}"`)
    expect(list).toContain('<option value="qualitative" selected="">qualitative (2)</option>')
    expect(list).toContain('<li class="label-chip">ask Sam</li>')
  })

  it('shows labels under blind screening without showing anyone’s vote', async () => {
    const team = await screeningTeam(testWeft(), { blind: true })
    const [first] = team.recordIds
    await team.reviewerA.post(`${card(team, first!)}/vote`, {
      verdict: 'exclude',
      note: 'Wrong population: GPs only',
    })
    await team.reviewerA.post(labelsUrl(team, first!), { label: 'ask Sam' })
    const seen = await (await team.reviewerB.get(card(team, first!))).text()
    const labels = seen.slice(seen.indexOf(`id="record-labels-${first}"`))
    expect(labels).toContain('ask Sam')
    expect(seen).toContain('One other reviewer has voted')
    expect(seen).not.toContain('Alex Reviewer')
    expect(seen).not.toContain('Wrong population')
    expect(seen).not.toMatch(/Excluded by|excluded it/i)
  })

  it('exports labels in the records CSV and in RIS notes (N1)', async () => {
    const team = await screeningTeam(testWeft())
    const [first] = team.recordIds
    await team.reviewerA.post(labelsUrl(team, first!), { label: 'qualitative' })
    await team.reviewerA.post(labelsUrl(team, first!), { label: 'ask Sam' })
    const csv = await (await team.owner.get(`/reviews/${team.slug}/report/export?what=records&format=csv`)).text()
    const [header, row] = csv.replace(/^\uFEFF/, '').split('\r\n')
    expect(header!.split(',').at(-1)).toBe('labels')
    expect(row!.endsWith(',ask Sam; qualitative')).toBe(true)
    const ris = await (await team.owner.get(`/reviews/${team.slug}/report/export?what=records&format=ris`)).text()
    expect(ris).toContain('N1  - Labels: ask Sam; qualitative')
  })
})
