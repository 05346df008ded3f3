import { describe, expect, it } from 'vitest'
import { auditEvents, exclusionReasons, memberships, reviews } from '../../db/schema.ts'
import { DEFAULT_EXCLUSION_REASONS } from '../../src/domain/exclusion-reasons.ts'
import { reviewOwnedBy, signedIn, testWeft } from '../support/app.ts'

const PROTOCOL = {
  title: 'Link workers’ experiences of social prescribing',
  slug: 'link-workers',
  question: 'What shapes link workers’ experiences?',
  registrationId: 'CRD42022300000',
  spiderSample: 'Social prescribing link workers',
  spiderPhenomenon: 'Experiences of the role',
  spiderDesign: 'Interviews, focus groups, ethnography',
  spiderEvaluation: 'Experiences, perceptions',
  spiderResearchType: 'Qualitative',
  picoPopulation: 'Link workers',
  picoInterest: 'Role experiences',
  picoContext: 'Primary care',
  inclusionCriteria: 'Primary qualitative research',
  exclusionCriteria: 'Reviews and commentaries',
  prismaTemplate: 'new_databases_registers_other',
  reviewersPerRecord: '2',
  blindScreening: 'on',
}

describe('creating a review', () => {
  it('stores the protocol, makes the creator its owner, gives it default exclusion reasons and lands on the dashboard', async () => {
    const weft = testWeft()
    const owner = await signedIn(weft, 'owner@example.org')
    const created = await owner.post('/reviews', PROTOCOL)
    expect(created.status).toBe(303)
    expect(created.headers.get('location')).toBe('/reviews/link-workers')
    const [review] = weft.db.select().from(reviews).all()
    expect(review).toMatchObject({ ...PROTOCOL, reviewersPerRecord: 2, blindScreening: true })
    expect(weft.db.select().from(memberships).all()).toMatchObject([{ role: 'owner' }])
    expect(
      weft.db
        .select()
        .from(exclusionReasons)
        .all()
        .map((reason) => reason.label),
    ).toEqual(DEFAULT_EXCLUSION_REASONS)
    const dashboard = await (await owner.get('/reviews/link-workers')).text()
    expect(dashboard).toContain('Review “Link workers’ experiences of social prescribing” created.')
    expect(dashboard).toContain('Where the review stands')
    for (const stage of [
      'Identification',
      'Title/abstract screening',
      'Retrieval',
      'Full-text eligibility',
      'Included',
      'Quality appraisal',
      'Extraction',
      'Synthesis',
    ]) {
      expect(dashboard).toContain(stage)
    }
  })

  it('shows the new-review form with blind dual screening preselected', async () => {
    const weft = testWeft()
    const owner = await signedIn(weft, 'owner@example.org')
    const response = await owner.get('/reviews/new')
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toContain('<h1>New review</h1>')
    expect(html).toMatch(/name="blindScreening" type="checkbox" checked/)
  })

  it('keeps the short name “new” for the new-review form', async () => {
    const weft = testWeft()
    const owner = await signedIn(weft, 'owner@example.org')
    const response = await owner.post('/reviews', { title: 'New', slug: 'new' })
    expect(response.status).toBe(422)
    expect(await response.text()).toContain('That short name is taken by a Weft page')
  })

  it('defaults to the PRISMA template for new reviews with databases, registers and other sources', async () => {
    const weft = testWeft()
    const owner = await signedIn(weft, 'owner@example.org')
    await owner.post('/reviews', { title: 'Minimal', slug: 'minimal' })
    expect(weft.db.select().from(reviews).get()).toMatchObject({
      prismaTemplate: 'new_databases_registers_other',
      blindScreening: false,
    })
  })

  it('records the creation in the audit trail, in the same transaction', async () => {
    const weft = testWeft()
    const owner = await signedIn(weft, 'owner@example.org')
    await owner.post('/reviews', PROTOCOL)
    const events = weft.db
      .select()
      .from(auditEvents)
      .all()
      .filter((event) => event.action === 'review.created')
    expect(events).toHaveLength(1)
    expect(events[0]?.after).toMatchObject({ slug: 'link-workers', title: PROTOCOL.title })
  })

  it.each([
    ['title', { title: '' }, 'Enter the review’s title.'],
    ['title', { title: '   ' }, 'Enter the review’s title.'],
    ['title', { title: 'x'.repeat(301) }, 'Title must be at most 300 characters.'],
    ['slug', { slug: 'Not A Slug!' }, 'Use 2–63 lower-case letters'],
    ['slug', { slug: '' }, 'Enter a short name'],
    ['question', { question: 'q'.repeat(4001) }, 'Review question must be at most 4,000 characters.'],
    ['prismaTemplate', { prismaTemplate: 'flowchart' }, 'Choose one of the four PRISMA 2020 templates.'],
    ['reviewersPerRecord', { reviewersPerRecord: '3' }, 'Choose 1 or 2 reviewers per record.'],
  ])('refuses a bad %s with a message at the field and stores nothing', async (field, change, message) => {
    const weft = testWeft()
    const owner = await signedIn(weft, 'owner@example.org')
    const response = await owner.post('/reviews', { ...PROTOCOL, ...change })
    expect(response.status).toBe(422)
    const html = await response.text()
    expect(html).toContain(`id="error-${field}"`)
    expect(html).toContain(message)
    expect(html).toContain('value="CRD42022300000"') // what was typed is kept
    expect(weft.db.select().from(reviews).all()).toHaveLength(0)
  })

  it('refuses a short name another review already uses', async () => {
    const weft = testWeft()
    const owner = await signedIn(weft, 'owner@example.org')
    await reviewOwnedBy(owner, 'link-workers')
    const response = await owner.post('/reviews', { ...PROTOCOL, title: 'Another' })
    expect(response.status).toBe(422)
    expect(await response.text()).toContain('Another review already uses the address “link-workers”.')
    expect(weft.db.select().from(reviews).all()).toHaveLength(1)
  })

  it('lists only the reviews a person belongs to', async () => {
    const weft = testWeft()
    const owner = await signedIn(weft, 'owner@example.org')
    const stranger = await signedIn(weft, 'stranger@example.org')
    await reviewOwnedBy(owner, 'link-workers', 'Link workers review')
    expect(await (await owner.get('/reviews')).text()).toContain('Link workers review')
    expect(await (await stranger.get('/reviews')).text()).not.toContain('Link workers review')
  })
})

describe('editing the protocol', () => {
  it('saves the changes and audits only the fields that changed', async () => {
    const weft = testWeft()
    const owner = await signedIn(weft, 'owner@example.org')
    await owner.post('/reviews', PROTOCOL)
    const form = await (await owner.get('/reviews/link-workers/protocol/edit')).text()
    expect(form).toContain('value="CRD42022300000"')
    const saved = await owner.post('/reviews/link-workers/protocol', {
      ...PROTOCOL,
      registrationId: 'CRD42022399999',
      reviewersPerRecord: '1',
    })
    expect(saved.status).toBe(303)
    const review = weft.db.select().from(reviews).get()
    expect(review).toMatchObject({ registrationId: 'CRD42022399999', reviewersPerRecord: 1 })
    const update = weft.db
      .select()
      .from(auditEvents)
      .all()
      .find((event) => event.action === 'review.updated')
    expect(update?.before).toEqual({ registrationId: 'CRD42022300000', reviewersPerRecord: 2 })
    expect(update?.after).toEqual({ registrationId: 'CRD42022399999', reviewersPerRecord: 1 })
  })

  it('moves the review to its new address when the short name changes', async () => {
    const weft = testWeft()
    const owner = await signedIn(weft, 'owner@example.org')
    await owner.post('/reviews', PROTOCOL)
    const saved = await owner.post('/reviews/link-workers/protocol', { ...PROTOCOL, slug: 'lw-meta-ethnography' })
    expect(saved.headers.get('location')).toBe('/reviews/lw-meta-ethnography/protocol')
    expect((await owner.get('/reviews/lw-meta-ethnography')).status).toBe(200)
    expect((await owner.get('/reviews/link-workers')).status).toBe(404)
  })

  it('keeps the stored protocol when an edit is invalid', async () => {
    const weft = testWeft()
    const owner = await signedIn(weft, 'owner@example.org')
    await owner.post('/reviews', PROTOCOL)
    await reviewOwnedBy(owner, 'taken')
    const response = await owner.post('/reviews/link-workers/protocol', {
      ...PROTOCOL,
      slug: 'taken',
      question: 'Changed',
    })
    expect(response.status).toBe(422)
    expect(
      weft.db
        .select()
        .from(reviews)
        .all()
        .find((review) => review.slug === 'link-workers')?.question,
    ).toBe(PROTOCOL.question)
  })
})
