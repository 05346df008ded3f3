/**
 * Walks the app's own route table: every route under /reviews/:slug, including routes added by later
 * work, is checked for 404 (unknown review), 403 (non-member), 403 (role too low) and sign-in redirects.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { roleAtLeast, type MemberRole } from '../../src/domain/vocabulary.ts'
import { isUnsafeMethod } from '../../src/http/env.ts'
import type { RoleGuard } from '../../src/http/review-access.ts'
import { addAccount, Agent, reviewOwnedBy, signedIn, testWeft, type TestWeft } from '../support/app.ts'

interface ReviewRoute {
  method: string
  path: string
  requiredRole: MemberRole
}

function reviewRoutesOf(weft: TestWeft): ReviewRoute[] {
  const byKey = new Map<string, ReviewRoute>()
  for (const route of weft.app.routes) {
    if (route.method === 'ALL' || !route.path.startsWith('/reviews/:slug')) continue
    const key = `${route.method} ${route.path}`
    const baseline: MemberRole = isUnsafeMethod(route.method) ? 'reviewer' : 'viewer'
    const entry = byKey.get(key) ?? { method: route.method, path: route.path, requiredRole: baseline }
    const guard = (route.handler as Partial<RoleGuard>).requiredRole
    if (guard && roleAtLeast(guard, entry.requiredRole)) entry.requiredRole = guard
    byKey.set(key, entry)
  }
  return [...byKey.values()]
}

/** Fills the path's parameters: the review's slug, and ids that name nothing (so no request changes data). */
function urlFor(route: ReviewRoute, slug: string): string {
  return route.path.replace(':slug', slug).replace(/:[A-Za-z]+/g, '999999')
}

function send(agent: Agent, route: ReviewRoute, slug: string): Promise<Response> {
  const url = urlFor(route, slug)
  return route.method === 'GET' ? agent.get(url) : agent.post(url, {})
}

const weft = testWeft()
const routes = reviewRoutesOf(weft)
const agents = {} as Record<MemberRole | 'stranger', Agent>
let slug = ''

beforeAll(async () => {
  agents.owner = await signedIn(weft, 'owner@example.org')
  slug = await reviewOwnedBy(agents.owner)
  for (const role of ['reviewer', 'viewer'] as const) {
    await addAccount(weft.db, `${role}@example.org`)
    await agents.owner.post(`/reviews/${slug}/members`, { email: `${role}@example.org`, role })
    agents[role] = new Agent(weft)
    await agents[role].signIn(`${role}@example.org`)
  }
  agents.stranger = await signedIn(weft, 'stranger@example.org')
})

describe('access to every review route', () => {
  it('finds the review routes in the route table', () => {
    expect(routes.length).toBeGreaterThanOrEqual(15)
    expect(routes.some((route) => route.path === '/reviews/:slug/members' && route.requiredRole === 'owner')).toBe(true)
  })

  describe.each(routes.map((route) => [`${route.method} ${route.path}`, route] as const))('%s', (_name, route) => {
    it('sends someone not signed in to the sign-in page', async () => {
      const response = await send(new Agent(weft), route, slug)
      expect(response.status).toBe(303)
      expect(response.headers.get('location')).toMatch(/^\/sign-in\?next=/)
    })

    it('answers 404 for a review that does not exist', async () => {
      expect((await send(agents.owner, route, 'no-such-review')).status).toBe(404)
    })

    it('answers 403 for a signed-in person who is not a member', async () => {
      expect((await send(agents.stranger, route, slug)).status).toBe(403)
    })

    it.each(['viewer', 'reviewer', 'owner'] as const)('lets a %s through only if the role allows it', async (role) => {
      const status = (await send(agents[role], route, slug)).status
      if (roleAtLeast(role, route.requiredRole)) expect(status).not.toBe(403)
      else expect(status).toBe(403)
    })
  })
})
