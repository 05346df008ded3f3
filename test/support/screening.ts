/**
 * A review ready for screening: an owner, two reviewers and a viewer, and records imported from a
 * database search (screened at title/abstract) plus, when asked, from citation searching.
 */
import { asc, eq } from 'drizzle-orm'
import { records, reviews, users } from '../../db/schema.ts'
import { Agent, addAccount, reviewOwnedBy, signedIn, type TestWeft } from './app.ts'

export interface ScreeningTeam {
  slug: string
  reviewId: number
  owner: Agent
  reviewerA: Agent
  reviewerB: Agent
  viewer: Agent
  /** Ids of the records screened at title/abstract, in import order. */
  recordIds: number[]
  userIds: Record<'owner' | 'reviewerA' | 'reviewerB' | 'viewer', number>
}

export function risRecords(
  titles: string[],
  abstract = 'Link workers described their experiences of social prescribing.',
): string {
  return titles
    .map((title, index) =>
      [
        `TY  - JOUR`,
        `TI  - ${title}`,
        `AU  - Author${index}, A.`,
        `PY  - 2020`,
        `AB  - ${abstract}`,
        `ER  - `,
        '',
      ].join('\r\n'),
    )
    .join('\r\n')
}

export async function screeningTeam(
  weft: TestWeft,
  options: {
    records?: number
    reviewersPerRecord?: 1 | 2
    blind?: boolean
    maybeIsConflict?: boolean
    slug?: string
  } = {},
): Promise<ScreeningTeam> {
  const slug = options.slug ?? 'screening-review'
  const owner = await signedIn(weft, `owner@${slug}.org`)
  await reviewOwnedBy(owner, slug, 'Screening review')
  const reviewId = weft.db.select().from(reviews).where(eq(reviews.slug, slug)).get()!.id
  weft.db
    .update(reviews)
    .set({
      reviewersPerRecord: options.reviewersPerRecord ?? 2,
      blindScreening: options.blind ?? true,
      maybeIsConflict: options.maybeIsConflict ?? true,
    })
    .where(eq(reviews.id, reviewId))
    .run()
  const agents: Record<string, Agent> = {}
  for (const [name, role] of [
    ['reviewerA', 'reviewer'],
    ['reviewerB', 'reviewer'],
    ['viewer', 'viewer'],
  ] as const) {
    const email = `${name.toLowerCase()}@${slug}.org`
    await addAccount(
      weft.db,
      email,
      name === 'reviewerA' ? 'Alex Reviewer' : name === 'reviewerB' ? 'Bea Reviewer' : 'Vic Viewer',
    )
    await owner.post(`/reviews/${slug}/members`, { email, role })
    agents[name] = new Agent(weft)
    await agents[name]!.signIn(email)
  }
  const count = options.records ?? 4
  const titles = Array.from({ length: count }, (_, index) => `Link worker study number ${index + 1}`)
  const response = await owner.postMultipart(
    `/reviews/${slug}/imports`,
    { sourceName: 'MEDLINE', sourceKind: 'database' },
    [['files', 'medline.ris', risRecords(titles)]],
  )
  if (response.status >= 400) throw new Error(`import failed: ${response.status} ${await response.text()}`)
  const recordIds = weft.db
    .select({ id: records.id })
    .from(records)
    .where(eq(records.reviewId, reviewId))
    .orderBy(asc(records.id))
    .all()
    .map((row) => row.id)
  const userId = (email: string) => weft.db.select().from(users).where(eq(users.email, email)).get()!.id
  const userIds = {
    owner: userId(`owner@${slug}.org`),
    reviewerA: userId(`reviewera@${slug}.org`),
    reviewerB: userId(`reviewerb@${slug}.org`),
    viewer: userId(`viewer@${slug}.org`),
  }
  return {
    slug,
    reviewId,
    owner,
    reviewerA: agents.reviewerA!,
    reviewerB: agents.reviewerB!,
    viewer: agents.viewer!,
    recordIds,
    userIds,
  }
}

/** The headers htmx 4 sends for a partial swap. */
export const HTMX_PARTIAL = { 'HX-Request': 'true', 'HX-Request-Type': 'partial' }
