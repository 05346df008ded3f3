/**
 * A whole review through the app, then every box of its PRISMA 2020 diagram against numbers worked out by
 * hand. Twelve works (test/fixtures/prisma-scenario/README.md) found by five databases and two other
 * methods; two reviewers screen every record blind, disagree, and the owner resolves; reports are
 * retrieved (or not), screened at full text with several reasons, and grouped into studies.
 *
 * Worked by hand (template: new review with other sources):
 *   Databases: MEDLINE 4 (W1–W4), Embase 3 (W1 W5 W6), CINAHL 3 (W2 W5 W7), PsycINFO 2 (W8 W3),
 *   Scopus 2 (W4 W9) → database_results 14; registers 0.
 *   Duplicates removed: Embase W1, CINAHL W2 and W5, PsycINFO W3, Scopus W4 → 5.
 *   Records screened: 14 − 5 = 9 (W1–W9).
 *     W1 W5 W7 include/include → included; W2 W6 W8 exclude/exclude → excluded;
 *     W3 include/exclude → conflict → resolved include; W4 exclude/include → conflict → resolved exclude;
 *     W9 include/maybe → conflict (maybe is a conflict) → resolved include.
 *   Records excluded: W2 W4 W6 W8 → 4. Reports sought (databases): W1 W3 W5 W7 W9 → 5.
 *   Not retrieved: W7 → 1. Assessed: 4 (W1 W3 W5 W9).
 *     W1 include/include → included; W3 exclude (population) / exclude (design) → conflict (one reason
 *     per report) → resolved exclude for design; W5 exclude (publication type) ×2 → excluded;
 *     W9 include / exclude (population) → conflict → resolved include.
 *   Reports excluded (databases): publication type 1, study design 1 (in the review's order) → 2.
 *   Other methods: reference lists 3 (W1 W10 W11: citation searching), Google Scholar alerts 1 (W12: other).
 *     W1 was already found by the databases → a note, not sought. Sought: W10 W11 W12 → 3.
 *     Not retrieved: W11 → 1. Assessed: W10 (exclude population ×2) and W12 (include ×2) → 2;
 *     reports excluded (other): population 1.
 *   Included reports: W1 W9 W12 → 3. Each becomes a study of its own (3); W12 is merged into W1's study
 *   (Moffatt 2017), W9 stays Tanaka 2023 → 2 studies.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { exclusionReasons, records, reports, reviews, screeningStatus } from '../../db/schema.ts'
import type { PrismaJson } from '../../src/domain/prisma/json.ts'
import { addAccount, Agent, reviewOwnedBy, signedIn, testWeft, type TestWeft } from '../support/app.ts'

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../fixtures/prisma-scenario', name))

const SEARCHES = [
  ['MEDLINE', 'database', 'medline.nbib'],
  ['Embase', 'database', 'embase.ris'],
  ['CINAHL', 'database', 'cinahl.ris'],
  ['PsycINFO', 'database', 'psycinfo.bib'],
  ['Scopus', 'database', 'scopus.json'],
  ['Reference lists', 'citation', 'reference-lists.ris'],
  ['Google Scholar alerts', 'other', 'scholar-alerts.ris'],
] as const

const TITLE_WORDS: Record<string, string> = {
  W1: 'patients they see: a qualitative study',
  W2: 'Building trust',
  W3: 'Emotional labour',
  W4: 'randomised trial',
  W5: 'role boundaries',
  W6: 'Green prescriptions',
  W7: 'rural practices',
  W8: 'Arts on prescription',
  W9: 'What link workers need',
  W10: 'review of the evidence',
  W11: 'caseloads',
  W12: 'follow-up interviews',
}

interface Team {
  weft: TestWeft
  slug: string
  reviewId: number
  owner: Agent
  a: Agent
  b: Agent
}

async function team(): Promise<Team> {
  const weft = testWeft()
  const owner = await signedIn(weft, 'owner@scenario.org')
  const slug = await reviewOwnedBy(owner, 'scenario', 'Scenario review')
  const reviewId = weft.db.select().from(reviews).where(eq(reviews.slug, slug)).get()!.id
  // As test/support/screening.ts does: a Maybe among the votes sends the record to the conflict queue.
  weft.db.update(reviews).set({ maybeIsConflict: true }).where(eq(reviews.id, reviewId)).run()
  const agents: Agent[] = []
  for (const email of ['alex@scenario.org', 'bea@scenario.org']) {
    await addAccount(weft.db, email)
    await owner.post(`/reviews/${slug}/members`, { email, role: 'reviewer' })
    const agent = new Agent(weft)
    await agent.signIn(email)
    agents.push(agent)
  }
  return { weft, slug, reviewId, owner, a: agents[0]!, b: agents[1]! }
}

/** The primary (unique) record of a work: the one deduplication kept. */
function recordOf(t: Team, work: string): number {
  const words = TITLE_WORDS[work]!
  const rows = t.weft.db.select().from(records).where(eq(records.reviewId, t.reviewId)).all()
  const primary = rows.filter((row) => row.title?.includes(words) && row.duplicateOf === null)
  expect(primary, work).toHaveLength(1)
  return primary[0]!.id
}

async function vote(
  t: Team,
  agent: Agent,
  stage: 'title-abstract' | 'full-text',
  work: string,
  verdict: string,
  reasonId?: number,
) {
  const fields: Record<string, string> = { verdict, stay: '1' }
  if (reasonId !== undefined) fields.reasonId = String(reasonId)
  const res = await agent.post(`/reviews/${t.slug}/screening/${stage}/records/${recordOf(t, work)}/vote`, fields)
  expect(res.status, `${stage} vote on ${work}`).toBe(303)
}

async function resolve(
  t: Team,
  stage: 'title-abstract' | 'full-text',
  work: string,
  verdict: 'include' | 'exclude',
  reasonId?: number,
) {
  const res = await t.owner.post(`/reviews/${t.slug}/screening/${stage}/records/${recordOf(t, work)}/resolve`, {
    verdict,
    note: 'Discussed',
    ...(reasonId === undefined ? {} : { reasonId: String(reasonId) }),
  })
  expect(res.status).toBe(303)
}

function outcome(t: Team, work: string, stage: 'title_abstract' | 'full_text') {
  return t.weft.db
    .select()
    .from(screeningStatus)
    .where(and(eq(screeningStatus.recordId, recordOf(t, work)), eq(screeningStatus.stage, stage)))
    .get()?.outcome
}

/** Each `<g data-box>` of the SVG with its text, lines joined by a space. */
function svgBoxes(svg: string): Map<string, string> {
  const boxes = new Map<string, string>()
  for (const match of svg.matchAll(/<g data-box="([^"]+)"[^>]*>([\s\S]*?)<\/g>/g)) {
    const text = [...match[2]!.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((line) => line[1]).join(' ')
    boxes.set(match[1]!, text.replaceAll('&amp;', '&').replaceAll('&#39;', "'"))
  }
  return boxes
}

async function prismaJson(t: Team): Promise<PrismaJson> {
  return (await t.owner.get(`/reviews/${t.slug}/report/prisma.json`)).json() as Promise<PrismaJson>
}

describe('PRISMA scenario: five databases, two other methods, dual screening, retrieval, studies', () => {
  it('draws every box of the diagram as worked out by hand', async () => {
    const t = await team()
    for (const [name, kind, file] of SEARCHES) {
      const res = await t.owner.postMultipart(
        `/reviews/${t.slug}/imports`,
        { sourceName: name, sourceKind: kind, confirmOtherMethods: 'on' },
        [['files', file, fixture(file)]],
      )
      expect(res.status, file).toBeLessThan(400)
    }
    // Imports deduplicate on the way in: the five sure duplicates are merged already.
    let json = await prismaJson(t)
    expect(json).toMatchObject({ database_results: 14, duplicates: 5, records_screened: 0, status: 'provisional' })
    expect(json.pending).toEqual(['9 records not yet screened', '3 reports awaiting retrieval (other methods)'])

    // Title/abstract: both reviewers vote on every record.
    const ta: [string, string, string][] = [
      ['W1', 'include', 'include'],
      ['W2', 'exclude', 'exclude'],
      ['W3', 'include', 'exclude'],
      ['W4', 'exclude', 'include'],
      ['W5', 'include', 'include'],
      ['W6', 'exclude', 'exclude'],
      ['W7', 'include', 'include'],
      ['W8', 'exclude', 'exclude'],
      ['W9', 'include', 'maybe'],
    ]
    for (const [work, first, second] of ta) {
      await vote(t, t.a, 'title-abstract', work, first)
      await vote(t, t.b, 'title-abstract', work, second)
    }
    json = await prismaJson(t)
    expect(json.pending).toContain('3 conflicts open at title/abstract')
    expect(json.records_screened).toBe(6)
    await resolve(t, 'title-abstract', 'W3', 'include')
    await resolve(t, 'title-abstract', 'W4', 'exclude')
    await resolve(t, 'title-abstract', 'W9', 'include')
    expect(['W1', 'W3', 'W5', 'W7', 'W9'].map((work) => outcome(t, work, 'title_abstract'))).toEqual(
      Array(5).fill('included'),
    )

    // Retrieval, through the retrieval page's buttons.
    const retrieval: [string, 'retrieved' | 'not-retrieved'][] = [
      ['W1', 'retrieved'],
      ['W3', 'retrieved'],
      ['W5', 'retrieved'],
      ['W7', 'not-retrieved'],
      ['W9', 'retrieved'],
      ['W10', 'retrieved'],
      ['W11', 'not-retrieved'],
      ['W12', 'retrieved'],
    ]
    for (const [work, state] of retrieval) {
      const fields = state === 'not-retrieved' ? { note: 'Not held by the library; the authors did not answer.' } : {}
      const res = await t.a.post(`/reviews/${t.slug}/reports/${recordOf(t, work)}/${state}`, fields)
      expect(res.status, `${work} ${state}`).toBe(303)
    }
    json = await prismaJson(t)
    expect(json.pending).toEqual([
      '4 reports awaiting a full-text decision',
      '2 reports awaiting a full-text decision (other methods)',
    ])

    // Full text, with several reasons.
    const reasons = t.weft.db.select().from(exclusionReasons).where(eq(exclusionReasons.reviewId, t.reviewId)).all()
    const reason = (start: string) => reasons.find((r) => r.label.startsWith(start))!
    const type = reason('Wrong publication type')
    const design = reason('Wrong study design')
    const population = reason('Wrong population')
    expect(type.position < design.position && design.position < population.position).toBe(true)
    await vote(t, t.a, 'full-text', 'W1', 'include')
    await vote(t, t.b, 'full-text', 'W1', 'include')
    await vote(t, t.a, 'full-text', 'W3', 'exclude', population.id)
    await vote(t, t.b, 'full-text', 'W3', 'exclude', design.id)
    expect(outcome(t, 'W3', 'full_text')).toBe('conflict')
    await resolve(t, 'full-text', 'W3', 'exclude', design.id)
    await vote(t, t.a, 'full-text', 'W5', 'exclude', type.id)
    await vote(t, t.b, 'full-text', 'W5', 'exclude', type.id)
    await vote(t, t.a, 'full-text', 'W9', 'include')
    await vote(t, t.b, 'full-text', 'W9', 'exclude', population.id)
    await resolve(t, 'full-text', 'W9', 'include')
    await vote(t, t.a, 'full-text', 'W10', 'exclude', population.id)
    await vote(t, t.b, 'full-text', 'W10', 'exclude', population.id)
    await vote(t, t.a, 'full-text', 'W12', 'include')
    await vote(t, t.b, 'full-text', 'W12', 'include')
    // Each included report became a study of its own; W12 is a follow-up of W1's study, so they merge.
    json = await prismaJson(t)
    expect(json).toMatchObject({ new_studies: 3, new_reports: 3, pending: [] })
    const studyOf = (work: string) =>
      t.weft.db
        .select()
        .from(reports)
        .where(eq(reports.recordId, recordOf(t, work)))
        .get()!.studyId!
    const merged = await t.a.post(`/reviews/${t.slug}/studies/${studyOf('W12')}/merge`, { into: String(studyOf('W1')) })
    expect(merged.status).toBe(303)
    expect(studyOf('W12')).toBe(studyOf('W1'))

    json = await prismaJson(t)
    expect(json).toMatchObject({
      previous_studies: 0,
      previous_reports: 0,
      database_results: 14,
      database_specific_results: [
        { reason: 'MEDLINE', n: 4 },
        { reason: 'Embase', n: 3 },
        { reason: 'CINAHL', n: 3 },
        { reason: 'PsycINFO', n: 2 },
        { reason: 'Scopus', n: 2 },
      ],
      register_results: 0,
      website_results: 0,
      organisation_results: 0,
      citations_results: 3,
      other_results: 1,
      other_specific_results: [{ name: 'Google Scholar alerts', n: 1 }],
      duplicates: 5,
      excluded_automatic: 0,
      excluded_other: 0,
      records_screened: 9,
      records_excluded: 4,
      dbr_sought_reports: 5,
      dbr_notretrieved_reports: 1,
      dbr_assessed: 4,
      dbr_excluded: [
        { reason: type.label, n: 1 },
        { reason: design.label, n: 1 },
      ],
      dbr_excluded_total: 2,
      other_sought_reports: 3,
      other_notretrieved_reports: 1,
      other_assessed: 2,
      other_excluded: [{ reason: population.label, n: 1 }],
      other_already_found: 1,
      new_studies: 2,
      new_reports: 3,
      status: 'complete',
      pending: [],
      problems: [],
    })

    // The diagram says the same, box by box.
    const svg = await (await t.owner.get(`/reviews/${t.slug}/report/diagram.svg`)).text()
    const boxes = svgBoxes(svg)
    const expected: Record<string, string[]> = {
      database_results: [
        'Databases (n = 14)',
        'MEDLINE (n = 4)',
        'Embase (n = 3)',
        'CINAHL (n = 3)',
        'PsycINFO (n = 2)',
        'Scopus (n = 2)',
        'Registers (n = 0)',
      ],
      duplicates: ['Duplicate records removed (n = 5)', 'automation tools (n = 0)', 'other reasons (n = 0)'],
      records_screened: ['Records screened (n = 9)'],
      records_excluded: ['Records excluded** (n = 4)'],
      dbr_sought_reports: ['Reports sought for retrieval (n = 5)'],
      dbr_notretrieved_reports: ['Reports not retrieved (n = 1)'],
      dbr_assessed: ['Reports assessed for eligibility (n = 4)'],
      dbr_excluded: ['Reports excluded:', 'Wrong publication type', 'Wrong study design', '(n = 1)'],
      website_results: [
        'Websites (n = 0)',
        'Organisations (n = 0)',
        'Citation searching (n = 3)',
        'Google Scholar alerts (n = 1)',
      ],
      other_sought_reports: ['Reports sought for retrieval (n = 3)'],
      other_notretrieved_reports: ['Reports not retrieved (n = 1)'],
      other_assessed: ['Reports assessed for eligibility (n = 2)'],
      other_excluded: ['Reports excluded:', 'Wrong population', '(n = 1)'],
      new_studies: ['Studies included in review (n = 2)', 'Reports of included studies (n = 3)'],
    }
    for (const [box, parts] of Object.entries(expected)) {
      const text = boxes.get(box)?.replace(/\s+/g, ' ')
      for (const part of parts) expect(text, box).toContain(part)
    }
    expect(svg).toContain('data-status="complete"')

    // The exports list exactly what the diagram counts.
    const included = await (await t.owner.get(`/reviews/${t.slug}/report/export?what=included&format=ris`)).text()
    expect(included.match(/^TY {2}- /gm)).toHaveLength(3)
    const studyList = await (await t.owner.get(`/reviews/${t.slug}/report/export?what=studies&format=csv`)).text()
    expect(
      studyList
        .trim()
        .split('\r\n')
        .slice(1)
        .map((line) => line.split(',')[1]),
    ).toEqual(['Moffatt 2017', 'Tanaka 2023'])
    const decisions = await (await t.owner.get(`/reviews/${t.slug}/report/export?what=decisions&format=csv`)).text()
    // 18 title/abstract votes + 3 resolutions + 12 full-text votes + 2 resolutions.
    expect(decisions.trim().split('\r\n')).toHaveLength(1 + 18 + 3 + 12 + 2)
  })
})
