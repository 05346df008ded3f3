import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import {
  auditEvents,
  constructQuotes,
  firstOrderConstructs,
  records,
  reports,
  secondOrderConstructs,
} from '../../db/schema.ts'
import { appraisalTeam } from '../support/included-studies.ts'

async function study() {
  const team = await appraisalTeam([{ label: 'Moffatt 2017', pdf: true }, { label: 'Wildman 2019' }])
  const base = (index = 0) => `/reviews/${team.slug}/studies/${team.studyIds[index]}/constructs`
  const quotes = () => team.weft.db.select().from(firstOrderConstructs).orderBy(firstOrderConstructs.position).all()
  const constructs = () => team.weft.db.select().from(secondOrderConstructs).all()
  const links = () => team.weft.db.select().from(constructQuotes).all()
  return { ...team, base, quotes, constructs, links }
}

const HTMX = { 'HX-Request': 'true', 'HX-Request-Type': 'partial' }

describe('first-order constructs (quotes)', () => {
  it('adds a quote with its page and participant by a plain post, then shows it on the page', async () => {
    const s = await study()
    const response = await s.first.post(`${s.base()}/quotes`, {
      quote: 'I’m the glue between the GP and the community.',
      page: '7',
      participant: 'LW3, 2 years in post',
    })
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toMatch(/\/constructs#quote-\d+$/)
    const html = await (await s.viewer.get(s.base())).text()
    expect(html).toContain('I’m the glue between the GP and the community.')
    expect(html).toContain('LW3, 2 years in post · p. 7')
    expect(s.weft.db.select().from(auditEvents).where(eq(auditEvents.action, 'quote.added')).all()).toHaveLength(1)
  })

  it('answers an htmx post with the study’s panel, fresh form tokens and the next quote box focused', async () => {
    const s = await study()
    const response = await s.first.post(
      `${s.base()}/quotes`,
      { quote: 'It’s relentless.', page: '9', participant: '' },
      { headers: HTMX },
    )
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html.startsWith('<div id="constructs-panel"')).toBe(true)
    expect(html).toContain('Quote added.')
    expect(html).toMatch(/<textarea id="new-quote-quote" name="quote" rows="3" required="" autofocus=""/)
    expect(html).toContain('name="_csrf"')
    expect(html).not.toContain('<html')
  })

  it('refuses an empty quote with a message at the field and stores nothing (htmx and plain)', async () => {
    const s = await study()
    const partial = await s.first.post(`${s.base()}/quotes`, { quote: '   ', page: '3' }, { headers: HTMX })
    expect(partial.status).toBe(422)
    const html = await partial.text()
    expect(html).toContain('Paste the participant’s words.')
    expect(html).toContain('value="3"')
    const plain = await s.first.post(`${s.base()}/quotes`, { quote: '', page: 'x'.repeat(41) })
    expect(plain.status).toBe(422)
    expect(await plain.text()).toContain('The page must be at most 40 characters.')
    expect(s.quotes()).toEqual([])
  })

  it('edits a quote in place and reorders quotes', async () => {
    const s = await study()
    for (const quote of ['First words', 'Second words']) await s.first.post(`${s.base()}/quotes`, { quote })
    const [first, second] = s.quotes()
    expect(
      (
        await s.first.post(`${s.base()}/quotes/${first!.id}`, {
          quote: 'First words, corrected',
          page: '12',
          participant: 'LW1',
        })
      ).status,
    ).toBe(303)
    expect((await s.first.post(`${s.base()}/quotes/${second!.id}/move`, { direction: 'up' })).status).toBe(303)
    expect(s.quotes().map((quote) => quote.quote)).toEqual(['Second words', 'First words, corrected'])
    const refused = await s.first.post(`${s.base()}/quotes/${first!.id}/move`, { direction: 'sideways' })
    expect(refused.status).toBe(422)
    expect(await refused.text()).toContain('Move an item up or down.')
  })
})

describe('second-order constructs and their supporting quotes', () => {
  async function withQuotes() {
    const s = await study()
    for (const quote of ['I hold it all together', 'Nobody knows what I do'])
      await s.first.post(`${s.base()}/quotes`, { quote })
    await s.first.post(`${s.base(1)}/quotes`, { quote: 'A quote of the other study' })
    const [glue, invisible, otherStudy] = s.weft.db
      .select()
      .from(firstOrderConstructs)
      .orderBy(firstOrderConstructs.id)
      .all()
    return { ...s, glue: glue!, invisible: invisible!, otherStudy: otherStudy! }
  }

  function constructBody(fields: Record<string, string>, quoteIds: number[]) {
    const body = new URLSearchParams(fields)
    for (const id of quoteIds) body.append('quoteIds', String(id))
    return body
  }

  async function postConstruct(
    s: Awaited<ReturnType<typeof withQuotes>>,
    url: string,
    fields: Record<string, string>,
    quoteIds: number[],
  ) {
    const body = constructBody(fields, quoteIds)
    body.set('_csrf', s.first.formToken() as string)
    return s.first.request(url, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' },
    })
  }

  it('links a construct to the quotes that support it, and the links survive editing both', async () => {
    const s = await withQuotes()
    const added = await postConstruct(
      s,
      `${s.base()}/second-order`,
      { label: 'Holding the system together', description: 'Link workers absorb the gaps.', page: '8' },
      [s.glue.id, s.invisible.id],
    )
    expect(added.status).toBe(303)
    const [construct] = s.constructs()
    expect(
      s
        .links()
        .map((link) => link.firstOrderId)
        .sort(),
    ).toEqual([s.glue.id, s.invisible.id].sort())

    await s.first.post(`${s.base()}/quotes/${s.glue.id}`, {
      quote: 'I hold it all together, really',
      page: '8',
      participant: 'LW2',
    })
    expect(s.links()).toHaveLength(2)
    const edited = await postConstruct(
      s,
      `${s.base()}/second-order/${construct!.id}`,
      { label: 'Holding it together', description: '', page: '8-9' },
      [s.glue.id, s.invisible.id],
    )
    expect(edited.status).toBe(303)
    expect(s.links()).toHaveLength(2)
    const html = await (await s.viewer.get(s.base())).text()
    expect(html).toContain('Holding it together')
    expect(html).toMatch(/<a href="#quote-\d+">Q1<\/a> “I hold it all together, really”/)
    expect(html).toContain('supports C1')
  })

  it('refuses a link to a quote of another study, or of another review, and stores nothing', async () => {
    const s = await withQuotes()
    const other = await appraisalTeam([{ label: 'Elsewhere 2021' }], s.weft, 'other-review')
    await other.first.post(`/reviews/other-review/studies/${other.studyIds[0]}/constructs/quotes`, {
      quote: 'From another review',
    })
    const foreign = s.weft.db
      .select()
      .from(firstOrderConstructs)
      .all()
      .find((quote) => quote.quote === 'From another review')!
    for (const quoteId of [s.otherStudy.id, foreign.id]) {
      const response = await postConstruct(s, `${s.base()}/second-order`, { label: 'Invisible work' }, [
        s.glue.id,
        quoteId,
      ])
      expect(response.status).toBe(422)
      expect(await response.text()).toContain('A construct can only be linked to quotes of its own study.')
    }
    expect(s.constructs()).toEqual([])
    expect(s.links()).toEqual([])
  })

  it('refuses a construct without a label and keeps the ticked quotes', async () => {
    const s = await withQuotes()
    const response = await postConstruct(
      s,
      `${s.base()}/second-order`,
      { label: '', description: 'Kept description' },
      [s.invisible.id],
    )
    expect(response.status).toBe(422)
    const html = await response.text()
    expect(html).toContain('Give the construct a label')
    expect(html).toContain('Kept description')
    expect(html).toContain(`name="quoteIds" value="${s.invisible.id}" checked=""`)
    expect(s.constructs()).toEqual([])
  })

  it('removes the links of a deleted quote and names them in the audit event', async () => {
    const s = await withQuotes()
    await postConstruct(s, `${s.base()}/second-order`, { label: 'Invisible work' }, [s.glue.id, s.invisible.id])
    expect((await s.first.post(`${s.base()}/quotes/${s.invisible.id}/delete`)).status).toBe(303)
    expect(s.links().map((link) => link.firstOrderId)).toEqual([s.glue.id])
    const event = s.weft.db.select().from(auditEvents).where(eq(auditEvents.action, 'quote.deleted')).get()
    expect(event?.before).toMatchObject({ quote: 'Nobody knows what I do', links: [s.constructs()[0]!.id] })
  })

  it('exports the study’s concept list as CSV', async () => {
    const s = await withQuotes()
    await postConstruct(s, `${s.base()}/second-order`, { label: 'Invisible work', page: '4' }, [s.invisible.id])
    const csv = (await (await s.viewer.get(`${s.base()}.csv`)).text()).replace(/^\uFEFF/, '').split('\r\n')
    expect(csv[0]).toBe('Study,Order,Position,Construct,Participant / description,Page,Supporting quotes / supports')
    expect(csv[1]).toBe('Moffatt 2017,second,C1,Invisible work,,4,Q2')
    expect(csv[3]).toBe('Moffatt 2017,first,Q2,Nobody knows what I do,,,C1')
  })
})

describe('the study’s full text beside the forms', () => {
  it('shows the attached PDF from the report’s file URL, and says when there is none', async () => {
    const s = await study()
    const [report] = s.weft.db
      .select()
      .from(reports)
      .innerJoin(records, eq(records.id, reports.recordId))
      .where(eq(reports.studyId, s.studyIds[0]!))
      .all()
    const html = await (await s.first.get(s.base())).text()
    expect(html).toContain(
      `<iframe class="full-text" src="/reviews/${s.slug}/reports/${report!.reports.recordId}/file"`,
    )
    expect(await (await s.first.get(s.base(1))).text()).toContain('No full text is attached')
  })
})

describe('the review-wide list of constructs', () => {
  it('finds quotes and constructs across studies by their words, and exports what it found', async () => {
    const s = await study()
    await s.first.post(`${s.base()}/quotes`, { quote: 'The GP just signposts 100% of the time', participant: 'LW1' })
    await s.first.post(`${s.base(1)}/quotes`, { quote: 'I feel like a social worker' })
    await s.first.post(`${s.base(1)}/second-order`, { label: 'Role creep towards social work', page: '5' })

    const all = await (await s.viewer.get(`/reviews/${s.slug}/constructs`)).text()
    expect(all).toContain('3 found.')
    const social = await (await s.viewer.get(`/reviews/${s.slug}/constructs?q=SOCIAL+WORK`)).text()
    expect(social).toContain('2 found.')
    expect(social).not.toContain('signposts')
    // LIKE's wildcards are taken literally: “like_a” does not match “like a”.
    const literal = await (await s.viewer.get(`/reviews/${s.slug}/constructs?q=like_a`)).text()
    expect(literal).toContain('0 found.')
    const secondOnly = await (await s.viewer.get(`/reviews/${s.slug}/constructs?q=social&order=second`)).text()
    expect(secondOnly).toContain('1 found.')

    const csv = (await (await s.viewer.get(`/reviews/${s.slug}/constructs.csv?q=social`)).text())
      .replace(/^\uFEFF/, '')
      .split('\r\n')
    expect(csv.slice(1, 3)).toEqual([
      'Wildman 2019,second,,Role creep towards social work,,5,0',
      'Wildman 2019,first,,I feel like a social worker,,,0',
    ])
  })
})
