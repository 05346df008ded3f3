import { Hono } from 'hono'
import { ActivityPage } from '../../../views/activity/activity.tsx'
import type { ReviewEnv } from '../../http/env.ts'
import { pageContext } from '../../http/page-context.ts'
import { voteViewerOf } from '../../http/review-access.ts'
import { activitySeenBy } from '../../store/activity.ts'
import { reviewNav, reviewPath } from './nav.ts'

export const activityRoutes = new Hono<ReviewEnv>()

const PAGE_SIZE = 50

activityRoutes.get('/', (c) => {
  const before = c.req.query('before')
  const beforeId = before && /^\d{1,15}$/.test(before) ? Number(before) : undefined
  // One more than a page tells whether an older page exists without counting the whole table.
  const events = activitySeenBy(c.get('deps').db, c.get('review').id, voteViewerOf(c), {
    beforeId,
    limit: PAGE_SIZE + 1,
  })
  const page = events.slice(0, PAGE_SIZE)
  const oldest = page.at(-1)
  const olderHref = events.length > PAGE_SIZE && oldest ? reviewPath(c, `/activity?before=${oldest.id}`) : null
  return c.render(
    <ActivityPage page={pageContext(c.var)} nav={reviewNav(c, 'activity')} events={page} olderHref={olderHref} />,
  )
})
