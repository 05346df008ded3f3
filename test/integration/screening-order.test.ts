import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { records } from '../../db/schema.ts'
import { testWeft, type Agent, type TestWeft } from '../support/app.ts'
import { HTMX_PARTIAL, screeningTeam, type ScreeningTeam } from '../support/screening.ts'

/**
 * After the team's first record (about link workers, from screeningTeam), six more in this import order:
 * statin, statin, statin, link workers, statin, link workers.
 */
const TOPICS = ['statin', 'statin', 'statin', 'link', 'statin', 'link'] as const
const TEXT = {
  statin: [
    'Statin dosing and LDL cholesterol: a randomised controlled trial',
    'A randomised trial of statin therapy measured cholesterol and cardiovascular events.',
  ],
  link: [
    'Social prescribing link workers: a qualitative interview study',
    'Link workers described their experiences of social prescribing in primary care.',
  ],
}

function ris(): string {
  return TOPICS.map((topic, index) => {
    const [title, abstract] = TEXT[topic]
    return [
      `TY  - JOUR`,
      `TI  - ${title} (${index + 2})`,
      `AU  - Author${index}, B.`,
      `PY  - 2021`,
      `AB  - ${abstract}`,
      `ER  - `,
      '',
    ].join('\r\n')
  }).join('\r\n')
}

async function rankedReview(weft: TestWeft, reviewersPerRecord: 1 | 2) {
  const team = await screeningTeam(weft, { records: 1, reviewersPerRecord, blind: true })
  await team.owner.postMultipart(`/reviews/${team.slug}/imports`, { sourceName: 'Embase', sourceKind: 'database' }, [
    ['files', 'embase.ris', ris()],
  ])
  const ids = weft.db
    .select({ id: records.id })
    .from(records)
    .where(eq(records.reviewId, team.reviewId))
    .all()
    .map((row) => row.id)
    .sort((a, b) => a - b)
  const [first, ...rest] = ids
  const byTopic = (topic: 'statin' | 'link') => rest.filter((_, i) => TOPICS[i] === topic)
  return { team, first: first!, statin: byTopic('statin'), link: byTopic('link') }
}

const queue = (team: ScreeningTeam) => `/reviews/${team.slug}/screening/title-abstract`

async function vote(agent: Agent, team: ScreeningTeam, recordId: number, verdict: 'include' | 'exclude') {
  const response = await agent.post(`${queue(team)}/records/${recordId}/vote`, { verdict }, { headers: HTMX_PARTIAL })
  expect(response.status).toBe(200)
  return response.text()
}

/** The record the page offers to vote on, and the relevance line shown with it. */
async function shown(agent: Agent, team: ScreeningTeam) {
  const html = await (await agent.get(queue(team))).text()
  return {
    recordId: Number(html.match(/\/records\/(\d+)\/vote/)?.[1]),
    relevance: html.match(/Relevance [^<]*/)?.[0] ?? null,
    html,
  }
}

describe('screening order: most relevant first', () => {
  it('serves import order until there is an include and an exclude, then the most relevant record first', async () => {
    const weft = testWeft()
    const { team, first, statin, link } = await rankedReview(weft, 1)
    expect((await shown(team.reviewerA, team)).recordId).toBe(first)
    await vote(team.reviewerA, team, first, 'include')
    await weft.services.ranking.whenIdle()
    // One include alone teaches the model nothing: still import order, and no relevance shown.
    const beforeExclude = await shown(team.reviewerA, team)
    expect(beforeExclude.recordId).toBe(statin[0])
    expect(beforeExclude.relevance).toBeNull()

    await vote(team.reviewerA, team, statin[0]!, 'exclude')
    await weft.services.ranking.whenIdle()
    const ranked = await shown(team.reviewerA, team)
    // Import order would give the next statin trial; relevance skips to a link-worker study.
    expect(link).toContain(ranked.recordId)
    expect(ranked.relevance).toMatch(/^Relevance (0|1)\.\d\d \(rank 1 of 5\)/)
    expect(ranked.html).toContain('When could I stop?')
    expect(ranked.html).toContain('none is excluded automatically')
  })

  it('keeps import order when the owners choose it, and a fixed shuffle for random order', async () => {
    const weft = testWeft()
    const { team, first, statin } = await rankedReview(weft, 1)
    await vote(team.reviewerA, team, first, 'include')
    await vote(team.reviewerA, team, statin[0]!, 'exclude')
    await weft.services.ranking.whenIdle()
    const protocol = `/reviews/${team.slug}/protocol`
    expect(
      (await team.owner.post(protocol, { title: 'Screening review', slug: team.slug, screeningOrder: 'import' }))
        .status,
    ).toBe(303)
    const inImportOrder = await shown(team.reviewerA, team)
    expect(inImportOrder.recordId).toBe(statin[1])
    expect(inImportOrder.relevance).toBeNull()

    await team.owner.post(protocol, { title: 'Screening review', slug: team.slug, screeningOrder: 'random' })
    await shown(team.reviewerA, team)
    await weft.services.ranking.whenIdle()
    const shuffled = await shown(team.reviewerA, team)
    expect((await shown(team.reviewerA, team)).recordId).toBe(shuffled.recordId)
    expect(shuffled.relevance).toBeNull()

    const refused = await team.owner.post(protocol, {
      title: 'Screening review',
      slug: team.slug,
      screeningOrder: 'alphabetical',
    })
    expect(refused.status).toBe(422)
    expect(await refused.text()).toContain('Choose most relevant first, import order or random order.')
  })

  it('answers a vote at once and trains in the background', async () => {
    const weft = testWeft()
    const { team, first, statin } = await rankedReview(weft, 1)
    await vote(team.reviewerA, team, first, 'include')
    const html = await vote(team.reviewerA, team, statin[0]!, 'exclude')
    // The answer came before any training: it still carries the import-order next record.
    expect(html).toContain(`/records/${statin[1]}/vote`)
    expect(weft.services.ranking.retrainWaiting(team.reviewId, team.userIds.reviewerA)).toBe(true)
    await weft.services.ranking.whenIdle()
    expect(weft.services.ranking.retrainWaiting(team.reviewId, team.userIds.reviewerA)).toBe(false)
    expect((await shown(team.reviewerA, team)).relevance).not.toBeNull()
  })

  it('keeps blind screening blind: a reviewer’s ranking ignores another reviewer’s undecided votes', async () => {
    const weft = testWeft()
    const { team, first, statin, link } = await rankedReview(weft, 2)
    await vote(team.reviewerA, team, first, 'include')
    await vote(team.reviewerA, team, statin[0]!, 'exclude')
    await weft.services.ranking.whenIdle()
    const before = await shown(team.reviewerA, team)
    expect(link).toContain(before.recordId)

    // Reviewer B takes the opposite view; each vote is the only one on its record, so nothing is decided.
    await vote(team.reviewerB, team, statin[1]!, 'include')
    await vote(team.reviewerB, team, link[0]!, 'exclude')
    await shown(team.reviewerA, team) // the review changed: A's ranking is remade
    await weft.services.ranking.whenIdle()
    const after = await shown(team.reviewerA, team)
    expect(after.recordId).toBe(before.recordId)
    expect(after.relevance).toBe(before.relevance)

    // B's own ranking does learn from B's votes: statin trials first.
    await shown(team.reviewerB, team)
    await weft.services.ranking.whenIdle()
    expect(statin).toContain((await shown(team.reviewerB, team)).recordId)
  })

  it('drops an idle review’s rankings and features after the idle time, and rebuilds them when asked again', async () => {
    const weft = testWeft()
    const { ranking } = weft.services
    const { team, first, statin } = await rankedReview(weft, 1)
    await vote(team.reviewerA, team, first, 'include')
    await vote(team.reviewerA, team, statin[0]!, 'exclude')
    await ranking.whenIdle()
    expect((await shown(team.reviewerA, team)).relevance).not.toBeNull()
    expect(await ranking.held()).toEqual({ rankings: 1, featureSets: 1 })

    // The idle time is 30 minutes (TEST_CONFIG), measured on the app's clock from the last request.
    weft.clock.advance(29 * 60_000)
    expect(ranking.forgetIdle()).toEqual([])
    weft.clock.advance(2 * 60_000)
    expect(ranking.forgetIdle()).toEqual([team.reviewId])
    expect(await ranking.held()).toEqual({ rankings: 0, featureSets: 0 })

    // Asked again: import order at once, and a new ranking (features rebuilt) in the background.
    expect((await shown(team.reviewerA, team)).relevance).toBeNull()
    await ranking.whenIdle()
    expect((await shown(team.reviewerA, team)).relevance).not.toBeNull()
    expect(await ranking.held()).toEqual({ rankings: 1, featureSets: 1 })
  })
})
