/**
 * Blind screening holds everywhere: reviewer B walks every GET route of the app (read from the Hono route
 * table, so a page added later is walked too), with every parameter filled from a seeded blind review,
 * as a full page and as an htmx fragment, plus the exports and list filters, and finds none of reviewer
 * A's votes on undecided records: not their notes, not their verdicts, not the conflict they make.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { exclusionReasons } from '../../db/schema.ts'
import { testWeft, type TestWeft } from '../support/app.ts'
import { walkAs } from '../support/route-walk.ts'
import { HTMX_PARTIAL, screeningTeam, type ScreeningTeam } from '../support/screening.ts'

/** A's notes on records nobody has decided: each must stay A's alone. */
const HIDDEN_NOTES = ['NOTE-A-PENDING-EXCLUDE', 'NOTE-A-PENDING-MAYBE', 'NOTE-A-IN-CONFLICT', 'NOTE-A-FULL-TEXT']

/** What a leaked vote or conflict looks like on a page (A only ever includes on decided records). */
const HIDDEN_MARKERS = [
  ...HIDDEN_NOTES,
  'verdict: exclude',
  'verdict: maybe',
  'verdict-exclude',
  'verdict-maybe',
  'outcome: conflict',
  'Conflict — waiting for a resolver',
  'in conflict',
  'open at title/abstract',
  'open at full text',
  'class="conflict-card"',
  // Agreement: r1 agreed (100%); with A's vote in the conflict counted it would read 50%.
  '50.0%',
]

const weft: TestWeft = testWeft()
let team: ScreeningTeam
const seenResponses: { url: string; body: string }[] = []

async function vote(
  agent: ScreeningTeam['reviewerA'],
  stage: string,
  recordId: number,
  fields: Record<string, string>,
) {
  const response = await agent.post(
    `/reviews/${team.slug}/screening/${stage}/records/${recordId}/vote`,
    fields,
    agent === team.reviewerB ? { headers: HTMX_PARTIAL } : {},
  )
  expect(response.status, `vote on ${recordId}`).toBeLessThan(400)
  return response
}

beforeAll(async () => {
  team = await screeningTeam(weft, { records: 6, blind: true })
  const [r1, r2, r3, r4, r5] = team.recordIds as [number, number, number, number, number, number]
  const ta = 'title-abstract'
  // Decided by agreement: everyone may see these votes.
  for (const id of [r1, r5]) {
    await vote(team.reviewerA, ta, id, { verdict: 'include' })
    await vote(team.reviewerB, ta, id, { verdict: 'include' })
  }
  // Undecided: A's alone.
  await vote(team.reviewerA, ta, r2, { verdict: 'exclude', note: HIDDEN_NOTES[0]! })
  await vote(team.reviewerA, ta, r3, { verdict: 'maybe', note: HIDDEN_NOTES[1]! })
  await vote(team.reviewerA, ta, r4, { verdict: 'exclude', note: HIDDEN_NOTES[2]! })
  // B disagrees on r4: a conflict, which B (not a resolver) must not learn of; B's own answer is walked too.
  const answer = await vote(team.reviewerB, ta, r4, { verdict: 'include' })
  seenResponses.push({ url: `POST vote on ${r4} (htmx)`, body: await answer.text() })
  // Full text: r5 retrieved, A excludes it with a reason; B has not voted.
  await team.owner.post(`/reviews/${team.slug}/reports/${r5}/retrieved`)
  const reason = weft.db.select().from(exclusionReasons).where(eq(exclusionReasons.reviewId, team.reviewId)).all()[3]!
  await vote(team.reviewerA, 'full-text', r5, {
    verdict: 'exclude',
    reasonId: String(reason.id),
    note: HIDDEN_NOTES[3]!,
  })
})

describe('blind screening, walked as reviewer B', () => {
  it('finds none of A’s votes on undecided records on any page, fragment or export B can reach', async () => {
    const answers = await walkAs(team.reviewerB, weft, team.slug)
    expect(answers.length).toBeGreaterThan(200)
    const reached = answers.filter((answer) => answer.status === 200).length
    const leaks: string[] = []
    for (const { url, body } of [...seenResponses, ...answers]) {
      for (const marker of HIDDEN_MARKERS) if (body.includes(marker)) leaks.push(`${url}: “${marker}”`)
      // Exports (CSV, text): no line of A's may carry a verdict other than the includes everyone sees.
      for (const line of body.split('\n')) {
        if (line.includes('reviewera@') && /,(exclude|maybe),/.test(line)) leaks.push(`${url}: ${line.trim()}`)
      }
    }
    expect(leaks).toEqual([])
    expect(reached).toBeGreaterThan(60)
  })

  it('lists no record by a vote B may not see, whatever the filter', async () => {
    const [, r2, r3, r4] = team.recordIds
    const title = (id: number) => `Link worker study number ${team.recordIds.indexOf(id) + 1}<`
    for (const query of ['others=exclude', 'others=maybe', 'conflicts=1']) {
      const html = await (
        await team.reviewerB.get(`/reviews/${team.slug}/screening/title-abstract/list?${query}`)
      ).text()
      for (const id of [r2!, r3!, r4!]) expect(html, `${query} lists record ${id}`).not.toContain(title(id))
    }
  })

  it('still shows the owner, who resolves conflicts, the conflict and its votes', async () => {
    const [, , , r4] = team.recordIds
    const conflicts = await (await team.owner.get(`/reviews/${team.slug}/screening/title-abstract/conflicts`)).text()
    expect(conflicts).toContain(`conflict-${r4}`)
    expect(conflicts).toContain(HIDDEN_NOTES[2])
    // …but not a vote still waiting for its second reviewer.
    const decisions = await (
      await team.owner.get(`/reviews/${team.slug}/report/export?what=decisions&format=csv`)
    ).text()
    expect(decisions).toContain(HIDDEN_NOTES[2])
    expect(decisions).not.toContain(HIDDEN_NOTES[0])
  })

  it('shows A’s votes to everyone once the record is decided', async () => {
    const [, r2] = team.recordIds
    await vote(team.reviewerB, 'title-abstract', r2!, { verdict: 'exclude' })
    const card = await (await team.reviewerB.get(`/reviews/${team.slug}/screening/title-abstract/records/${r2}`)).text()
    expect(card).toContain(HIDDEN_NOTES[0])
    const activity = await (await team.reviewerB.get(`/reviews/${team.slug}/activity`)).text()
    expect(activity).toContain('verdict: exclude')
  })
})
