/** A review with three seeded studies and a signed-in owner, reviewer and viewer, for synthesis route tests. */
import { and, eq } from 'drizzle-orm'
import { auditEvents } from '../../db/schema.ts'
import { addAccount, Agent, reviewOwnedBy, signedIn, testWeft } from './app.ts'
import { LINK_WORKER_STUDIES, reviewIdOf, seedStudies } from './synthesis-fixtures.ts'

export async function synthesisReview(slug = 'link-workers') {
  const weft = testWeft()
  const owner = await signedIn(weft, 'owner@example.org')
  await reviewOwnedBy(owner, slug)
  const agents: Record<'reviewer' | 'viewer', Agent> = {} as never
  for (const role of ['reviewer', 'viewer'] as const) {
    await addAccount(weft.db, `${role}@example.org`)
    await owner.post(`/reviews/${slug}/members`, { email: `${role}@example.org`, role })
    agents[role] = new Agent(weft)
    await agents[role].signIn(`${role}@example.org`)
  }
  const reviewId = reviewIdOf(weft.db, slug)
  const studies = seedStudies(weft.db, reviewId, LINK_WORKER_STUDIES)
  const construct = (label: string) => studies.flatMap((study) => study.constructs).find((c) => c.label === label)!
  const auditCount = (action: string) =>
    weft.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.reviewId, reviewId), eq(auditEvents.action, action)))
      .all().length
  return {
    weft,
    db: weft.db,
    owner,
    reviewer: agents.reviewer,
    viewer: agents.viewer,
    slug,
    reviewId,
    studies,
    construct,
    base: `/reviews/${slug}/synthesis`,
    auditCount,
  }
}
