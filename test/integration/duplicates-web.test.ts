import { createHash } from 'node:crypto'
import { asc, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { auditEvents, duplicateCandidates, records, reviews } from '../../db/schema.ts'
import { runDeduplication } from '../../src/store/duplicates.ts'
import { importReferenceFile } from '../../src/store/imports.ts'
import { createSource } from '../../src/store/sources.ts'
import { addAccount, Agent, reviewOwnedBy, signedIn, testWeft, type TestWeft } from '../support/app.ts'

/** MEDLINE's export: the more complete copies (abstracts, issues, pages). */
const MEDLINE_RIS = `TY  - JOUR
TI  - Social prescribing link workers and the boundaries of their role: an ethnography
AU  - Moreno, L.
AU  - Hughes, T.
PY  - 2021
JO  - Health and Social Care in the Community
VL  - 29
IS  - 4
SP  - 1010
EP  - 1019
DO  - 10.1111/hsc.13001
AB  - Link workers in three practices were observed for a year.
ER  - 

TY  - JOUR
TI  - Loneliness among older adults in rural Wales: a cohort study
AU  - Evans, R.
AU  - Price, M.
PY  - 2015
JO  - Age and Ageing
VL  - 44
IS  - 2
SP  - 220
EP  - 226
AB  - A cohort of 1,200 people over 65 in rural Wales.
ER  - 

TY  - JOUR
TI  - <script>alert(1)</script> Community connectors in rural general practice
AU  - Smith, A.
AU  - Jones, B.
PY  - 2020
JO  - British Journal of General Practice
ER  - 
`

/** Scopus's export of the same searches: the same DOI in capitals, an erratum, a later printing. */
const SCOPUS_RIS = `TY  - JOUR
TI  - Social prescribing link workers and the boundaries of their role: an ethnography
AU  - Moreno L.
AU  - Hughes T.
PY  - 2021
T2  - Health and Social Care in the Community
VL  - 29
IS  - 4
SP  - 1010
EP  - 1019
DO  - 10.1111/HSC.13001
ER  - 

TY  - JOUR
TI  - Erratum: Social prescribing link workers and the boundaries of their role: an ethnography
AU  - Moreno L.
PY  - 2021
T2  - Health and Social Care in the Community
VL  - 29
IS  - 6
SP  - 2101
DO  - 10.1111/hsc.13456
ER  - 

TY  - JOUR
TI  - Loneliness among older adults in rural Wales: a cohort study
AU  - Evans R.
AU  - Price M.
PY  - 2019
T2  - Age and Ageing
ER  - 

TY  - JOUR
TI  - <script>alert(1)</script> Community connectors in rural general practice
AU  - Smith A.
AU  - Jones B.
PY  - 2023
T2  - British Journal of General Practice
ER  - 
`

/** A third printing of the loneliness study, more complete than either: it wins a merge with them. */
const CINAHL_RIS = `TY  - JOUR
TI  - Loneliness among older adults in rural Wales: a cohort study
AU  - Evans, R.
AU  - Price, M.
PY  - 2022
JO  - Age and Ageing
VL  - 51
IS  - 3
SP  - 301
EP  - 309
DO  - 10.1093/ageing/afz123
PM  - 35000001
AB  - A cohort of 1,200 people over 65 in rural Wales, followed for seven years with interviews.
ER  - 
`

const SOURCE = {
  platform: '',
  kind: 'database',
  dateRun: '',
  coverage: '',
  strategy: '',
  limits: '',
  filters: '',
  notes: '',
} as const

function importInto(weft: TestWeft, reviewId: number, name: string, text: string) {
  const source = createSource(weft.db, reviewId, { ...SOURCE, name }, null)
  const bytes = new TextEncoder().encode(text)
  const sha256 = createHash('sha256').update(bytes).digest('hex')
  const outcome = importReferenceFile(weft.db, {
    reviewId,
    sourceId: source.id,
    fileName: `${name.toLowerCase()}.ris`,
    sha256,
    sizeBytes: bytes.length,
    chunks: [bytes],
    actorId: null,
  })
  if (outcome.status !== 'imported') throw new Error(`import into ${name} failed: ${JSON.stringify(outcome)}`)
  return source
}

/** A review with MEDLINE and Scopus (and, if asked, CINAHL) imported and deduplicated. */
async function reviewWithCandidates(options: { cinahl?: boolean } = {}) {
  const weft = testWeft()
  const owner = await signedIn(weft, 'owner@example.org')
  const slug = await reviewOwnedBy(owner)
  const reviewId = weft.db.select().from(reviews).where(eq(reviews.slug, slug)).get()!.id
  const medline = importInto(weft, reviewId, 'MEDLINE', MEDLINE_RIS)
  const scopus = importInto(weft, reviewId, 'Scopus', SCOPUS_RIS)
  const cinahl = options.cinahl ? importInto(weft, reviewId, 'CINAHL', CINAHL_RIS) : null
  runDeduplication(weft.db, reviewId, null)
  const base = `/reviews/${slug}/duplicates`

  const allRecords = () => weft.db.select().from(records).orderBy(asc(records.id)).all()
  const record = (sourceId: number, titleStart: string) => {
    const found = allRecords().find((r) => r.sourceId === sourceId && r.title?.startsWith(titleStart))
    if (!found) throw new Error(`no record "${titleStart}" in source ${sourceId}`)
    return found
  }
  const candidate = (x: number, y: number) => {
    const [a, b] = x < y ? [x, y] : [y, x]
    const found = weft.db
      .select()
      .from(duplicateCandidates)
      .all()
      .find((c) => c.recordA === a && c.recordB === b)
    if (!found) throw new Error(`no candidate pair ${a}–${b}`)
    return found
  }
  const candidateNow = (id: number) =>
    weft.db.select().from(duplicateCandidates).where(eq(duplicateCandidates.id, id)).get()!
  const links = () => Object.fromEntries(allRecords().map((r) => [r.id, r.duplicateOf]))
  const perSource = () => {
    const counts: Record<number, number> = {}
    for (const r of allRecords()) counts[r.sourceId] = (counts[r.sourceId] ?? 0) + 1
    return counts
  }
  const events = (action: string) =>
    weft.db
      .select()
      .from(auditEvents)
      .all()
      .filter((e) => e.action === action)
  return {
    weft,
    owner,
    slug,
    reviewId,
    base,
    medline,
    scopus,
    cinahl,
    record,
    candidate,
    candidateNow,
    links,
    perSource,
    events,
  }
}

const HTMX = { 'HX-Request': 'true', 'HX-Request-Type': 'partial' }

describe('the duplicate queue', () => {
  it('shows a waiting pair side by side, with the differing words marked and each record’s source', async () => {
    const { owner, base } = await reviewWithCandidates()
    const response = await owner.get(base)
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toContain('Pair 1 of 4')
    expect(html).toContain('Same title, but published more than a year apart')
    expect(html).toMatch(/Record 2<br\/?>\s*<span class="muted">MEDLINE · medline\.ris/)
    expect(html).toMatch(/Record 6<br\/?>\s*<span class="muted">Scopus · scopus\.ris/)
    expect(html).toContain('<mark>2015</mark>')
    expect(html).toContain('<mark>2019</mark>')
    // The same title and authors (written differently) are not marked.
    expect(html).not.toContain('<mark>Loneliness')
    expect(html).not.toContain('<mark>Evans')
    expect(html).toContain('action="/reviews/link-workers/duplicates/2/duplicate"')
    expect(html).toContain('action="/reviews/link-workers/duplicates/2/not-duplicate"')
    expect(html).toContain('aria-current="page">Duplicates</a>')
  })

  it('makes the PRISMA diagram provisional while pairs wait, naming them on the report and in the JSON', async () => {
    const { owner, slug } = await reviewWithCandidates()
    const report = await (await owner.get(`/reviews/${slug}/report`)).text()
    expect(report).toContain('4 possible duplicate pairs waiting for a reviewer')
    const json = (await (await owner.get(`/reviews/${slug}/report/prisma.json`)).json()) as {
      status: string
      pending: string[]
    }
    expect(json.status).toBe('provisional')
    expect(json.pending).toContain('4 possible duplicate pairs waiting for a reviewer')
  })

  it('escapes HTML in titles: a <script> in a title shows as text', async () => {
    const { owner, base } = await reviewWithCandidates()
    const pages = await Promise.all([0, 1, 2, 3].map(async (at) => (await owner.get(`${base}?at=${at}`)).text()))
    const page = pages.find((html) => html.includes('alert(1)'))
    expect(page).toBeDefined()
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt; Community connectors')
    expect(page).not.toContain('<script>alert(1)')
  })
})

describe('deciding a pair', () => {
  it('“duplicate” links the less complete record to the more complete one and keeps every record in its source', async () => {
    const { owner, base, record, candidate, candidateNow, links, perSource, events, medline, scopus } =
      await reviewWithCandidates()
    const medlineCopy = record(medline.id, 'Loneliness')
    const scopusCopy = record(scopus.id, 'Loneliness')
    const pair = candidate(medlineCopy.id, scopusCopy.id)
    const countsBefore = perSource()
    const linksBefore = links()

    const response = await owner.post(`${base}/${pair.id}/duplicate`)
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe(`${base}?undo=${pair.id}`)

    expect(links()).toEqual({ ...linksBefore, [scopusCopy.id]: medlineCopy.id })
    expect(perSource()).toEqual(countsBefore)
    expect(candidateNow(pair.id)).toMatchObject({ status: 'confirmed', decidedBy: expect.any(Number) })
    const [event] = events('duplicate.confirmed')
    expect(event?.before).toMatchObject({ status: 'pending', links: [{ record: scopusCopy.id, duplicateOf: null }] })
    expect(event?.after).toMatchObject({ status: 'confirmed', primary: medlineCopy.id })

    const next = await (await owner.get(response.headers.get('location')!)).text()
    expect(next).toContain(`Marked as duplicates: record ${medlineCopy.id} stays the primary.`)
    expect(next).toContain(`action="${base}/${pair.id}/undo"`)
    expect(next).toContain('Pair 1 of 3')
  })

  it('merges two clusters under the more complete primary, even when it is the later import', async () => {
    const { owner, base, record, candidate, links, perSource, medline, scopus, cinahl } = await reviewWithCandidates({
      cinahl: true,
    })
    const [m, s, c] = [
      record(medline.id, 'Loneliness'),
      record(scopus.id, 'Loneliness'),
      record(cinahl!.id, 'Loneliness'),
    ]
    const counts = perSource()
    expect((await owner.post(`${base}/${candidate(m.id, s.id).id}/duplicate`)).status).toBe(303)
    expect((await owner.post(`${base}/${candidate(s.id, c.id).id}/duplicate`)).status).toBe(303)
    // One level deep: both earlier copies point straight at the CINAHL record, which has the most fields.
    expect(links()).toMatchObject({ [m.id]: c.id, [s.id]: c.id, [c.id]: null })
    expect(perSource()).toEqual(counts)
    // The third pair of the cluster is already joined: confirming it changes no record.
    const before = links()
    expect((await owner.post(`${base}/${candidate(m.id, c.id).id}/duplicate`)).status).toBe(303)
    expect(links()).toEqual(before)
  })

  it('“not duplicate” records the decision and leaves the records alone', async () => {
    const { owner, base, record, candidate, candidateNow, links, events, medline, scopus } =
      await reviewWithCandidates()
    const pair = candidate(record(medline.id, 'Social prescribing').id, record(scopus.id, 'Erratum').id)
    const before = links()
    expect((await owner.post(`${base}/${pair.id}/not-duplicate`)).status).toBe(303)
    expect(links()).toEqual(before)
    expect(candidateNow(pair.id).status).toBe('rejected')
    expect(events('duplicate.rejected')).toHaveLength(1)
  })

  it('refuses to decide a pair twice (a double click, a stale page) and changes nothing', async () => {
    const { weft, owner, base, record, candidate, candidateNow, links, medline, scopus } = await reviewWithCandidates()
    const pair = candidate(record(medline.id, 'Loneliness').id, record(scopus.id, 'Loneliness').id)
    await owner.post(`${base}/${pair.id}/duplicate`)
    const after = links()
    const eventCount = weft.db.select().from(auditEvents).all().length

    for (const action of ['duplicate', 'not-duplicate']) {
      const again = await owner.post(`${base}/${pair.id}/${action}`)
      expect(again.status).toBe(409)
      const html = await again.text()
      expect(html).toContain('This pair has already been marked as duplicates by owner, so nothing was changed.')
      expect(html).toContain('Pair 1 of 3')
    }
    expect(links()).toEqual(after)
    expect(candidateNow(pair.id).status).toBe('confirmed')
    expect(weft.db.select().from(auditEvents).all()).toHaveLength(eventCount)
  })
})

describe('undo', () => {
  it('puts back exactly what “duplicate” changed, and the pair waits in the queue again', async () => {
    const { owner, base, record, candidate, candidateNow, links, events, medline, scopus } =
      await reviewWithCandidates()
    const pair = candidate(record(medline.id, 'Loneliness').id, record(scopus.id, 'Loneliness').id)
    const before = links()
    await owner.post(`${base}/${pair.id}/duplicate`)
    const undone = await owner.post(`${base}/${pair.id}/undo`)
    expect(undone.status).toBe(303)
    expect(links()).toEqual(before)
    expect(candidateNow(pair.id)).toMatchObject({ status: 'pending', decidedBy: null, decidedAt: null })
    expect(events('duplicate.undone')[0]?.after).toMatchObject({ status: 'pending' })
    expect(await (await owner.get(undone.headers.get('location')!)).text()).toContain('Decision undone')

    // Undoing again: there is nothing left to undo.
    const again = await owner.post(`${base}/${pair.id}/undo`)
    expect(again.status).toBe(409)
    expect(await again.text()).toContain('is still waiting for a decision, so there is no decision to undo')
  })

  it('undoes “not duplicate” too', async () => {
    const { owner, base, record, candidate, candidateNow, medline, scopus } = await reviewWithCandidates()
    const pair = candidate(record(medline.id, 'Social prescribing').id, record(scopus.id, 'Erratum').id)
    await owner.post(`${base}/${pair.id}/not-duplicate`)
    expect((await owner.post(`${base}/${pair.id}/undo`)).status).toBe(303)
    expect(candidateNow(pair.id).status).toBe('pending')
  })

  it('refuses to undo a decision whose records a later decision moved, and says to undo that first', async () => {
    const { owner, base, record, candidate, links, medline, scopus, cinahl } = await reviewWithCandidates({
      cinahl: true,
    })
    const [m, s, c] = [
      record(medline.id, 'Loneliness'),
      record(scopus.id, 'Loneliness'),
      record(cinahl!.id, 'Loneliness'),
    ]
    const initial = links()
    const first = candidate(m.id, s.id)
    const second = candidate(s.id, c.id)
    await owner.post(`${base}/${first.id}/duplicate`)
    const afterFirst = links()
    await owner.post(`${base}/${second.id}/duplicate`)
    const afterSecond = links()

    const refused = await owner.post(`${base}/${first.id}/undo`)
    expect(refused.status).toBe(409)
    expect(await refused.text()).toContain('Undo the later decision first, then this one.')
    expect(links()).toEqual(afterSecond)

    expect((await owner.post(`${base}/${second.id}/undo`)).status).toBe(303)
    expect(links()).toEqual(afterFirst)
    expect((await owner.post(`${base}/${first.id}/undo`)).status).toBe(303)
    expect(links()).toEqual(initial)
  })
})

describe('automatic merges', () => {
  it('lists them, and “not duplicate” splits the later record off; undo merges it again', async () => {
    const { owner, base, record, candidate, candidateNow, links, medline, scopus } = await reviewWithCandidates()
    const [m, s] = [record(medline.id, 'Social prescribing'), record(scopus.id, 'Social prescribing')]
    const pair = candidate(m.id, s.id)
    expect(pair.status).toBe('merged_automatically')
    expect(links()[s.id]).toBe(m.id)
    const page = await (await owner.get(base)).text()
    expect(page).toContain('Merged automatically')
    expect(page).toContain(`action="${base}/${pair.id}/not-duplicate"`)

    const split = await owner.post(`${base}/${pair.id}/not-duplicate`)
    expect(split.status).toBe(303)
    expect(links()[s.id]).toBeNull()
    expect(candidateNow(pair.id).status).toBe('rejected')
    expect(await (await owner.get(split.headers.get('location')!)).text()).toContain(
      `Marked as not duplicates: record ${s.id} stands on its own again.`,
    )

    expect((await owner.post(`${base}/${pair.id}/undo`)).status).toBe(303)
    expect(links()[s.id]).toBe(m.id)
    expect(candidateNow(pair.id).status).toBe('merged_automatically')
  })
  it('splits off whichever record of the pair is the duplicate, and leaves the rest of the cluster alone', async () => {
    const { weft, owner, base, record, candidate, links, medline, scopus } = await reviewWithCandidates()
    const [m, s] = [record(medline.id, 'Social prescribing'), record(scopus.id, 'Social prescribing')]
    // As if the later record had been the more complete one: the earlier points at it.
    weft.db.update(records).set({ duplicateOf: s.id }).where(eq(records.id, m.id)).run()
    weft.db.update(records).set({ duplicateOf: null }).where(eq(records.id, s.id)).run()
    const before = links()
    expect((await owner.post(`${base}/${candidate(m.id, s.id).id}/not-duplicate`)).status).toBe(303)
    expect(links()).toEqual({ ...before, [m.id]: null })
  })
})

describe('with htmx', () => {
  it('answers a decision with the queue fragment: the next pair, the message and its Undo button', async () => {
    const { owner, base, record, candidate, medline, scopus } = await reviewWithCandidates()
    const pair = candidate(record(medline.id, 'Loneliness').id, record(scopus.id, 'Loneliness').id)
    const response = await owner.post(`${base}/${pair.id}/duplicate`, {}, { headers: HTMX })
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).not.toContain('<html')
    expect(html).toMatch(/^<div id="duplicate-queue">/)
    expect(html).toContain('Marked as duplicates')
    expect(html).toContain(`hx-post="${base}/${pair.id}/undo"`)
    expect(html).toContain('Pair 1 of 3')

    const again = await owner.post(`${base}/${pair.id}/duplicate`, {}, { headers: HTMX })
    expect(again.status).toBe(409)
    const refusal = await again.text()
    expect(refusal).toMatch(/^<div id="duplicate-queue">/)
    expect(refusal).toContain('role="alert"')
    expect(refusal).toContain('already been marked as duplicates')
  })
})

describe('access', () => {
  it('lets a viewer read the queue but not decide', async () => {
    const { weft, owner, slug, base, record, candidate, candidateNow, medline, scopus } = await reviewWithCandidates()
    await addAccount(weft.db, 'viewer@example.org')
    await owner.post(`/reviews/${slug}/members`, { email: 'viewer@example.org', role: 'viewer' })
    const viewer = new Agent(weft)
    await viewer.signIn('viewer@example.org')
    const page = await viewer.get(base)
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain('Pair 1 of 4')
    expect(html).not.toContain('/duplicate"')
    expect(html).not.toContain('/not-duplicate"')

    const pair = candidate(record(medline.id, 'Loneliness').id, record(scopus.id, 'Loneliness').id)
    expect((await viewer.post(`${base}/${pair.id}/duplicate`)).status).toBe(403)
    expect(candidateNow(pair.id).status).toBe('pending')
  })

  it('answers 404 for a pair that does not exist or belongs to another review', async () => {
    const { weft, owner, base, candidateNow } = await reviewWithCandidates()
    const other = await reviewOwnedBy(owner, 'other-review', 'Other review')
    expect((await owner.post(`${base}/999999/duplicate`)).status).toBe(404)
    expect((await owner.post(`${base}/not-a-number/undo`)).status).toBe(404)
    const foreign = weft.db.select().from(duplicateCandidates).get()!
    const response = await owner.post(`/reviews/${other}/duplicates/${foreign.id}/not-duplicate`)
    expect(response.status).toBe(404)
    expect(candidateNow(foreign.id).status).toBe(foreign.status)
  })
})
