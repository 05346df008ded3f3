/**
 * Who may use each route of the app, written out: the table below names every route and the access it
 * needs, and the tests check the app against it. A route the table does not know fails the first test,
 * so a new route joins the table with the access it needs; a forgotten guard fails the role tests.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { roleAtLeast, type MemberRole } from '../../src/domain/vocabulary.ts'
import { addAccount, Agent, reviewOwnedBy, signedIn, testWeft } from '../support/app.ts'

/**
 * `anyone`: no account needed; `signed-in`: any account; `admin`: the instance's administrators; a review
 * role: members with at least that role; `resolver`: the review's owners and its named third reviewer.
 */
type Access = 'anyone' | 'signed-in' | 'admin' | MemberRole | 'resolver'

const ROUTE_ACCESS: Readonly<Record<string, Access>> = {
  'GET /assets/*': 'anyone',
  'GET /invitations/:token': 'anyone',
  'POST /invitations/:token': 'anyone',
  'GET /': 'anyone',
  'GET /setup': 'anyone',
  'POST /setup': 'anyone',
  'GET /sign-in': 'anyone',
  'POST /sign-in': 'anyone',
  'POST /sign-out': 'anyone',
  'GET /admin/people': 'admin',
  'POST /admin/people': 'admin',
  'POST /admin/invitations/:invitationId/revoke': 'admin',
  'GET /reviews': 'signed-in',
  'GET /reviews/new': 'signed-in',
  'POST /reviews': 'signed-in',
  'GET /reviews/:slug': 'viewer',
  'GET /reviews/:slug/protocol': 'viewer',
  'GET /reviews/:slug/protocol/edit': 'owner',
  'POST /reviews/:slug/protocol': 'owner',
  'GET /reviews/:slug/exclusion-reasons': 'viewer',
  'POST /reviews/:slug/exclusion-reasons': 'owner',
  'POST /reviews/:slug/exclusion-reasons/:reasonId': 'owner',
  'POST /reviews/:slug/exclusion-reasons/:reasonId/move': 'owner',
  'POST /reviews/:slug/exclusion-reasons/:reasonId/delete': 'owner',
  'GET /reviews/:slug/members': 'viewer',
  'POST /reviews/:slug/members': 'owner',
  'POST /reviews/:slug/members/:userId': 'owner',
  'POST /reviews/:slug/members/:userId/remove': 'owner',
  'POST /reviews/:slug/invitations': 'owner',
  'POST /reviews/:slug/invitations/:invitationId/revoke': 'owner',
  'GET /reviews/:slug/sources': 'viewer',
  'GET /reviews/:slug/sources/new': 'reviewer',
  'POST /reviews/:slug/sources': 'reviewer',
  'GET /reviews/:slug/sources/:sourceId/edit': 'reviewer',
  'POST /reviews/:slug/sources/:sourceId': 'reviewer',
  'POST /reviews/:slug/sources/:sourceId/delete': 'reviewer',
  'GET /reviews/:slug/imports/deduplication': 'viewer',
  'POST /reviews/:slug/imports/deduplication': 'reviewer',
  'GET /reviews/:slug/imports': 'viewer',
  'GET /reviews/:slug/imports/uploads/:uploadId': 'viewer',
  'GET /reviews/:slug/imports/:batchId': 'viewer',
  'GET /reviews/:slug/imports/:batchId/deduplication': 'viewer',
  'POST /reviews/:slug/imports': 'reviewer',
  'GET /reviews/:slug/duplicates': 'viewer',
  'POST /reviews/:slug/duplicates/:candidateId/duplicate': 'reviewer',
  'POST /reviews/:slug/duplicates/:candidateId/not-duplicate': 'reviewer',
  'POST /reviews/:slug/duplicates/:candidateId/undo': 'reviewer',
  'GET /reviews/:slug/screening/allocation': 'owner',
  'POST /reviews/:slug/screening/allocation/third-reviewer': 'owner',
  'POST /reviews/:slug/screening/allocation/batches': 'owner',
  'POST /reviews/:slug/screening/allocation/pilot': 'owner',
  'POST /reviews/:slug/screening/allocation/pilot/end': 'owner',
  'GET /reviews/:slug/screening/agreement': 'viewer',
  'GET /reviews/:slug/screening/import': 'owner',
  'POST /reviews/:slug/screening/import': 'owner',
  'POST /reviews/:slug/screening/import/rayyan': 'owner',
  'GET /reviews/:slug/screening': 'viewer',
  'GET /reviews/:slug/screening/:stage': 'viewer',
  'GET /reviews/:slug/screening/:stage/progress': 'viewer',
  'GET /reviews/:slug/screening/:stage/records/:recordId': 'viewer',
  'POST /reviews/:slug/screening/:stage/records/:recordId/vote': 'reviewer',
  'POST /reviews/:slug/records/:recordId/labels': 'reviewer',
  'POST /reviews/:slug/records/:recordId/labels/remove': 'reviewer',
  'POST /reviews/:slug/screening/:stage/undo': 'reviewer',
  'GET /reviews/:slug/screening/:stage/list': 'viewer',
  'GET /reviews/:slug/screening/:stage/conflicts': 'viewer',
  'POST /reviews/:slug/screening/:stage/records/:recordId/resolve': 'resolver',
  'POST /reviews/:slug/screening/:stage/records/:recordId/reopen': 'owner',
  'GET /reviews/:slug/retrieval': 'viewer',
  'POST /reviews/:slug/reports/:recordId/retrieved': 'reviewer',
  'POST /reviews/:slug/reports/:recordId/not-retrieved': 'reviewer',
  'POST /reviews/:slug/reports/:recordId/awaiting': 'reviewer',
  'GET /reviews/:slug/reports/:recordId/file': 'viewer',
  'GET /reviews/:slug/studies': 'viewer',
  'POST /reviews/:slug/studies/unlinked': 'reviewer',
  'POST /reviews/:slug/studies/:studyId/rename': 'reviewer',
  'POST /reviews/:slug/studies/:studyId/merge': 'reviewer',
  'POST /reviews/:slug/studies/:studyId/reports/:recordId/split': 'reviewer',
  'GET /reviews/:slug/activity': 'viewer',
  'GET /reviews/:slug/appraisal': 'viewer',
  'POST /reviews/:slug/appraisal/settings': 'owner',
  'GET /reviews/:slug/appraisal/matrix.csv': 'viewer',
  'GET /reviews/:slug/appraisal/matrix.html': 'viewer',
  'GET /reviews/:slug/appraisal/:studyId': 'viewer',
  'POST /reviews/:slug/appraisal/:studyId': 'reviewer',
  'POST /reviews/:slug/appraisal/:studyId/reopen': 'reviewer',
  'POST /reviews/:slug/appraisal/:studyId/consensus': 'reviewer',
  'POST /reviews/:slug/appraisal/:studyId/exclude': 'owner',
  'POST /reviews/:slug/appraisal/:studyId/reinstate': 'owner',
  'GET /reviews/:slug/characteristics': 'viewer',
  'POST /reviews/:slug/characteristics/settings': 'owner',
  'GET /reviews/:slug/characteristics/table.csv': 'viewer',
  'GET /reviews/:slug/characteristics/table.html': 'viewer',
  'GET /reviews/:slug/characteristics/form': 'viewer',
  'POST /reviews/:slug/characteristics/form/defaults': 'owner',
  'POST /reviews/:slug/characteristics/form/fields': 'owner',
  'POST /reviews/:slug/characteristics/form/fields/:fieldId': 'owner',
  'POST /reviews/:slug/characteristics/form/fields/:fieldId/move': 'owner',
  'POST /reviews/:slug/characteristics/form/fields/:fieldId/archive': 'owner',
  'POST /reviews/:slug/characteristics/form/fields/:fieldId/restore': 'owner',
  'GET /reviews/:slug/characteristics/:studyId': 'viewer',
  'POST /reviews/:slug/characteristics/:studyId': 'reviewer',
  'POST /reviews/:slug/characteristics/:studyId/consensus': 'reviewer',
  'GET /reviews/:slug/constructs': 'viewer',
  'GET /reviews/:slug/constructs.csv': 'viewer',
  'GET /reviews/:slug/studies/:studyId/constructs.csv': 'viewer',
  'GET /reviews/:slug/studies/:studyId/constructs': 'viewer',
  'POST /reviews/:slug/studies/:studyId/constructs/quotes': 'reviewer',
  'POST /reviews/:slug/studies/:studyId/constructs/quotes/:quoteId': 'reviewer',
  'POST /reviews/:slug/studies/:studyId/constructs/second-order': 'reviewer',
  'POST /reviews/:slug/studies/:studyId/constructs/second-order/:constructId': 'reviewer',
  'POST /reviews/:slug/studies/:studyId/constructs/quotes/:quoteId/move': 'reviewer',
  'POST /reviews/:slug/studies/:studyId/constructs/quotes/:quoteId/delete': 'reviewer',
  'POST /reviews/:slug/studies/:studyId/constructs/second-order/:constructId/move': 'reviewer',
  'POST /reviews/:slug/studies/:studyId/constructs/second-order/:constructId/delete': 'reviewer',
  'GET /reviews/:slug/synthesis': 'viewer',
  'GET /reviews/:slug/synthesis/grid': 'viewer',
  'GET /reviews/:slug/synthesis/grid/export/:format': 'viewer',
  'POST /reviews/:slug/synthesis/grid/map': 'reviewer',
  'POST /reviews/:slug/synthesis/grid/mappings/:mappingId/unmap': 'reviewer',
  'GET /reviews/:slug/synthesis/concepts': 'viewer',
  'POST /reviews/:slug/synthesis/concepts': 'reviewer',
  'POST /reviews/:slug/synthesis/concepts/:conceptId': 'reviewer',
  'POST /reviews/:slug/synthesis/concepts/:conceptId/merge': 'reviewer',
  'GET /reviews/:slug/synthesis/concepts/:conceptId/delete': 'viewer',
  'POST /reviews/:slug/synthesis/concepts/:conceptId/delete': 'reviewer',
  'GET /reviews/:slug/synthesis/constructs/:secondOrderId/delete': 'viewer',
  'POST /reviews/:slug/synthesis/constructs/:secondOrderId/delete': 'reviewer',
  'GET /reviews/:slug/synthesis/translation': 'viewer',
  'GET /reviews/:slug/synthesis/translation/britten/:format': 'viewer',
  'GET /reviews/:slug/synthesis/translation/chain/:format': 'viewer',
  'POST /reviews/:slug/synthesis/translation/order': 'reviewer',
  'POST /reviews/:slug/synthesis/translation/mappings/:mappingId': 'reviewer',
  'GET /reviews/:slug/synthesis/third-order': 'viewer',
  'GET /reviews/:slug/synthesis/third-order/:thirdOrderId': 'viewer',
  'POST /reviews/:slug/synthesis/third-order': 'reviewer',
  'POST /reviews/:slug/synthesis/third-order/:thirdOrderId': 'reviewer',
  'GET /reviews/:slug/synthesis/third-order/:thirdOrderId/delete': 'viewer',
  'POST /reviews/:slug/synthesis/third-order/:thirdOrderId/delete': 'reviewer',
  'GET /reviews/:slug/synthesis/line-of-argument': 'viewer',
  'GET /reviews/:slug/synthesis/line-of-argument/figure.svg': 'viewer',
  'GET /reviews/:slug/synthesis/line-of-argument/figure.png': 'viewer',
  'POST /reviews/:slug/synthesis/line-of-argument/statement': 'reviewer',
  'POST /reviews/:slug/synthesis/line-of-argument/levels': 'reviewer',
  'POST /reviews/:slug/synthesis/line-of-argument/levels/:levelId': 'reviewer',
  'POST /reviews/:slug/synthesis/line-of-argument/levels/:levelId/delete': 'reviewer',
  'POST /reviews/:slug/synthesis/line-of-argument/nodes': 'reviewer',
  'POST /reviews/:slug/synthesis/line-of-argument/nodes/:nodeId/remove': 'reviewer',
  'POST /reviews/:slug/synthesis/line-of-argument/relations': 'reviewer',
  'POST /reviews/:slug/synthesis/line-of-argument/relations/:relationId/remove': 'reviewer',
  'GET /reviews/:slug/synthesis/findings': 'viewer',
  'GET /reviews/:slug/synthesis/findings/soqf/:format': 'viewer',
  'GET /reviews/:slug/synthesis/findings/evidence-profile/:format': 'viewer',
  'GET /reviews/:slug/synthesis/findings/:findingId': 'viewer',
  'POST /reviews/:slug/synthesis/findings': 'reviewer',
  'POST /reviews/:slug/synthesis/findings/:findingId': 'reviewer',
  'POST /reviews/:slug/synthesis/findings/:findingId/delete': 'reviewer',
  'GET /reviews/:slug/synthesis/checklists/:checklist': 'viewer',
  'GET /reviews/:slug/synthesis/checklists/:checklist/export/:format': 'viewer',
  'POST /reviews/:slug/synthesis/checklists/:checklist': 'reviewer',
  'GET /reviews/:slug/synthesis/report': 'viewer',
  'GET /reviews/:slug/synthesis/report/export/:format': 'viewer',
  'GET /reviews/:slug/report': 'viewer',
  'GET /reviews/:slug/report/diagram.svg': 'viewer',
  'GET /reviews/:slug/report/diagram.png': 'viewer',
  'GET /reviews/:slug/report/print': 'viewer',
  'GET /reviews/:slug/report/report.css': 'viewer',
  'GET /reviews/:slug/report/prisma.json': 'viewer',
  'GET /reviews/:slug/report/prisma.csv': 'viewer',
  'GET /reviews/:slug/report/export': 'viewer',
}

interface Route {
  method: string
  path: string
  access: Access
}

const weft = testWeft()

/** The app's own routes (middleware registered for ALL methods left out), each once. */
function appRoutes(): string[] {
  const keys = weft.app.routes.filter((route) => route.method !== 'ALL').map((route) => `${route.method} ${route.path}`)
  return [...new Set(keys)]
}

const routes: Route[] = Object.entries(ROUTE_ACCESS).map(([key, access]) => {
  const [method = '', path = ''] = key.split(' ')
  return { method, path, access }
})

/** Fills the path's parameters: the review's slug, a real stage, format and checklist, and ids that name nothing. */
function urlFor(route: Route, slug: string): string {
  return route.path
    .replace(':slug', slug)
    .replace(':stage', 'title_abstract')
    .replace(':format', 'csv')
    .replace(':checklist', 'emerge')
    .replace(/:[A-Za-z]+/g, '999999')
}

function send(agent: Agent, route: Route, slug: string): Promise<Response> {
  const url = urlFor(route, slug)
  return route.method === 'GET' ? agent.get(url) : agent.post(url, {})
}

const sentToSignIn = (response: Response) =>
  response.status === 303 && /^\/sign-in\?next=/.test(response.headers.get('location') ?? '')

const agents = {} as Record<MemberRole | 'third' | 'admin' | 'stranger', Agent>
let slug = ''
let thirdReviewerId = 0

/** Names `third` the review's third reviewer (the table's own row for that form, posted empty, un-names them). */
async function nameThirdReviewer(): Promise<void> {
  const url = `/reviews/${slug}/screening/allocation/third-reviewer`
  expect((await agents.owner.post(url, { userId: String(thirdReviewerId) })).status).toBe(303)
}

beforeAll(async () => {
  // The first account is the instance's administrator; the review's owner is someone else.
  agents.admin = await signedIn(weft, 'admin@example.org')
  agents.owner = await signedIn(weft, 'owner@example.org')
  slug = await reviewOwnedBy(agents.owner)
  for (const [name, role] of [
    ['reviewer', 'reviewer'],
    ['viewer', 'viewer'],
    ['third', 'reviewer'],
  ] as const) {
    const user = await addAccount(weft.db, `${name}@example.org`)
    await agents.owner.post(`/reviews/${slug}/members`, { email: `${name}@example.org`, role })
    if (name === 'third') thirdReviewerId = user.id
    agents[name] = new Agent(weft)
    await agents[name].signIn(`${name}@example.org`)
  }
  agents.stranger = await signedIn(weft, 'stranger@example.org')
})

describe('the route table', () => {
  it('names every route of the app, and no route the app does not have', () => {
    const known = new Set(Object.keys(ROUTE_ACCESS))
    const actual = appRoutes()
    expect(
      actual.filter((key) => !known.has(key)),
      'routes missing from ROUTE_ACCESS',
    ).toEqual([])
    expect(
      [...known].filter((key) => !actual.includes(key)),
      'ROUTE_ACCESS rows for no route',
    ).toEqual([])
  })
})

describe.each(
  routes.filter((route) => route.access === 'anyone').map((route) => [`${route.method} ${route.path}`, route] as const),
)('%s (anyone)', (_name, route) => {
  it('answers someone not signed in without sending them to sign in', async () => {
    const response = await send(new Agent(weft), route, slug)
    expect(sentToSignIn(response)).toBe(false)
    expect(response.status).not.toBe(403)
  })
})

describe.each(
  routes
    .filter((route) => route.access === 'signed-in' || route.access === 'admin')
    .map((route) => [`${route.method} ${route.path}`, route] as const),
)('%s (%s)', (_name, route) => {
  it('sends someone not signed in to the sign-in page', async () => {
    expect(sentToSignIn(await send(new Agent(weft), route, slug))).toBe(true)
  })

  it(route.access === 'admin' ? 'refuses an account that is not an administrator' : 'answers any account', async () => {
    const status = (await send(agents.stranger, route, slug)).status
    if (route.access === 'admin') expect(status).toBe(403)
    else expect(status).not.toBe(403)
  })

  it('answers an administrator', async () => {
    expect((await send(agents.admin, route, slug)).status).not.toBe(403)
  })
})

const reviewRoutes = routes.filter(
  (route): route is Route & { access: MemberRole | 'resolver' } =>
    route.access === 'viewer' || route.access === 'reviewer' || route.access === 'owner' || route.access === 'resolver',
)

const MEMBERS = ['viewer', 'reviewer', 'third', 'owner'] as const

/** Whether the table lets this member through: the named third reviewer is a reviewer who also resolves. */
function allowed(member: MemberRole | 'third', access: MemberRole | 'resolver'): boolean {
  if (access === 'resolver') return member === 'owner' || member === 'third'
  return roleAtLeast(member === 'third' ? 'reviewer' : member, access)
}

describe.each(reviewRoutes.map((route) => [`${route.method} ${route.path}`, route] as const))('%s', (_name, route) => {
  it('sends someone not signed in to the sign-in page', async () => {
    expect(sentToSignIn(await send(new Agent(weft), route, slug))).toBe(true)
  })

  it('answers 404 for a review that does not exist', async () => {
    expect((await send(agents.owner, route, 'no-such-review')).status).toBe(404)
  })

  it('answers 403 for a signed-in person who is not a member (the administrator included)', async () => {
    expect((await send(agents.stranger, route, slug)).status).toBe(403)
    expect((await send(agents.admin, route, slug)).status).toBe(403)
  })

  // The named third reviewer is a reviewer everywhere else: checked only where resolving is at stake.
  it.each(route.access === 'resolver' ? MEMBERS : MEMBERS.filter((member) => member !== 'third'))(
    `lets a member (%s) through only if the table allows it`,
    async (member) => {
      if (member === 'third') await nameThirdReviewer()
      const status = (await send(agents[member], route, slug)).status
      if (allowed(member, route.access)) expect(status).not.toBe(403)
      else expect(status).toBe(403)
    },
  )
})
