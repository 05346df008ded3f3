import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { and, eq } from 'drizzle-orm'
import { describe, expect, it, onTestFinished } from 'vitest'
import { records, reviews, screeningDecisions, screeningStatus, screeningVotes } from '../../db/schema.ts'
import { testWeft } from '../support/app.ts'
import { voteAtOnce } from '../support/race.ts'
import { HTMX_PARTIAL, screeningTeam } from '../support/screening.ts'

function outcomeOf(
  weft: ReturnType<typeof testWeft>,
  recordId: number,
  stage: 'title_abstract' | 'full_text' = 'title_abstract',
) {
  return weft.db
    .select()
    .from(screeningStatus)
    .where(and(eq(screeningStatus.recordId, recordId), eq(screeningStatus.stage, stage)))
    .get()?.outcome
}

describe('title/abstract screening, one record at a time', () => {
  it('shows the first waiting record with Include, Exclude and Maybe', async () => {
    const weft = testWeft()
    const team = await screeningTeam(weft)
    const html = await (await team.reviewerA.get(`/reviews/${team.slug}/screening/title-abstract`)).text()
    expect(html).toContain('Link worker study number 1')
    for (const name of ['Include', 'Exclude', 'Maybe'])
      expect(html).toMatch(new RegExp(`<button[^>]*>${name}</button>`))
    expect(html).toContain('Mine: 0 of 4 screened')
  })

  it('stores the vote and answers with the next record in the same htmx swap', async () => {
    const weft = testWeft()
    const team = await screeningTeam(weft)
    const [first] = team.recordIds
    const response = await team.reviewerA.post(
      `/reviews/${team.slug}/screening/title-abstract/records/${first}/vote`,
      { verdict: 'include' },
      { headers: HTMX_PARTIAL },
    )
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).not.toContain('<html')
    expect(html).toContain(`Included: record ${first}.`)
    expect(html).toContain('Link worker study number 2')
    const progress = await (
      await team.reviewerA.get(`/reviews/${team.slug}/screening/title-abstract/progress`, HTMX_PARTIAL)
    ).text()
    expect(progress).toContain('Mine: 1 of 4 screened')
    const vote = weft.db.select().from(screeningVotes).where(eq(screeningVotes.recordId, first!)).get()
    expect(vote).toMatchObject({ verdict: 'include', reviewerId: team.userIds.reviewerA })
  })

  it('works without JavaScript: a plain post redirects to the next record with a notice', async () => {
    const weft = testWeft()
    const team = await screeningTeam(weft)
    const [first] = team.recordIds
    const response = await team.reviewerA.post(`/reviews/${team.slug}/screening/title-abstract/records/${first}/vote`, {
      verdict: 'exclude',
      note: 'protocol paper',
    })
    expect(response.status).toBe(303)
    const next = await team.reviewerA.get(response.headers.get('location')!)
    const html = await next.text()
    expect(html).toContain(`Excluded: record ${first}.`)
    expect(html).toContain('Link worker study number 2')
  })

  it('counts a double-submitted vote once', async () => {
    const weft = testWeft()
    const team = await screeningTeam(weft)
    const [first] = team.recordIds
    const token = team.reviewerA.formToken()
    const url = `/reviews/${team.slug}/screening/title-abstract/records/${first}/vote`
    const responses = await Promise.all([
      team.reviewerA.post(url, { verdict: 'include' }, { token }),
      team.reviewerA.post(url, { verdict: 'include' }, { token }),
    ])
    expect(responses.map((response) => response.status)).toEqual([303, 303])
    expect(responses.map((response) => response.headers.get('location')).sort()).toEqual([
      `/reviews/${team.slug}/screening/title-abstract/records/${first}`,
      `/reviews/${team.slug}/screening/title-abstract?after=${first}`,
    ])
    expect(weft.db.select().from(screeningDecisions).where(eq(screeningDecisions.recordId, first!)).all()).toHaveLength(
      1,
    )
  })

  it('lands a vote changed on a stale page (after Back) on the record as it stands, saying what happened', async () => {
    const weft = testWeft()
    const team = await screeningTeam(weft)
    const [first] = team.recordIds
    const stalePage = team.reviewerA.formToken()
    const url = `/reviews/${team.slug}/screening/title-abstract/records/${first}/vote`
    await team.reviewerA.post(url, { verdict: 'include' }, { token: stalePage })
    // Back, then Exclude on the page that still carries the form already used.
    const replay = await team.reviewerA.post(url, { verdict: 'exclude' }, { token: stalePage })
    expect(replay.status).toBe(303)
    const card = `/reviews/${team.slug}/screening/title-abstract/records/${first}`
    expect(replay.headers.get('location')).toBe(card)
    const html = await (await team.reviewerA.get(card)).text()
    expect(html).toContain('This form was already used, so nothing was changed; here is the record as it stands.')
    expect(html).toMatch(/Your vote:<\/strong> <span class="verdict verdict-include">Included/)
    expect(html).toContain(`action="${url}"`)
    const htmx = await team.reviewerA.post(url, { verdict: 'exclude' }, { token: stalePage, headers: HTMX_PARTIAL })
    expect(htmx.status).toBe(303)
    const fragment = await (await team.reviewerA.get(htmx.headers.get('location')!, HTMX_PARTIAL)).text()
    expect(fragment).not.toContain('<html')
    expect(fragment).toContain('This form was already used')
    expect(outcomeOf(weft, first!)).toBe('pending')
  })

  it('counts every vote once when two reviewers vote on the same records at once, from two processes', async () => {
    // The second reviewer votes from a thread of their own with its own connection, as from a second server
    // process: the two reviewers' transactions really interleave (in one process they cannot). Every record
    // must end with both votes, one decision each and the outcome they agree on.
    const folder = mkdtempSync(join(tmpdir(), 'weft-race-'))
    const dbPath = join(folder, 'weft.db')
    const weft = testWeft(dbPath)
    onTestFinished(() => {
      weft.db.$client.close()
      rmSync(folder, { recursive: true, force: true })
    })
    const team = await screeningTeam(weft, { records: 30 })
    const urls = team.recordIds.map((id) => `/reviews/${team.slug}/screening/title-abstract/records/${id}/vote`)
    const statuses = await voteAtOnce(
      { agent: team.reviewerA, urls },
      { dbPath, cookie: team.reviewerB.cookie, now: weft.clock.now.getTime(), urls },
    )
    expect(statuses.flat().filter((status) => status !== 303)).toEqual([])
    for (const recordId of team.recordIds) {
      expect(weft.db.select().from(screeningVotes).where(eq(screeningVotes.recordId, recordId)).all()).toHaveLength(2)
      expect(
        weft.db.select().from(screeningDecisions).where(eq(screeningDecisions.recordId, recordId)).all(),
      ).toHaveLength(2)
      expect(outcomeOf(weft, recordId)).toBe('included')
    }
  }, 60_000)

  it('undoes the reviewer’s last vote and shows that record again', async () => {
    const weft = testWeft()
    const team = await screeningTeam(weft)
    const [first] = team.recordIds
    await team.reviewerA.post(`/reviews/${team.slug}/screening/title-abstract/records/${first}/vote`, {
      verdict: 'exclude',
    })
    const response = await team.reviewerA.post(
      `/reviews/${team.slug}/screening/title-abstract/undo`,
      {},
      { headers: HTMX_PARTIAL },
    )
    const html = await response.text()
    expect(html).toContain(`Your vote on record ${first} was withdrawn`)
    expect(html).toContain('Link worker study number 1')
    expect(weft.db.select().from(screeningVotes).where(eq(screeningVotes.recordId, first!)).all()).toHaveLength(0)
    const history = weft.db.select().from(screeningDecisions).where(eq(screeningDecisions.recordId, first!)).all()
    expect(history.map((row) => row.verdict)).toEqual(['exclude', 'withdrawn'])
  })
})

describe('undo without JavaScript', () => {
  it('withdraws the vote and opens that record again, whatever the screening order', async () => {
    const weft = testWeft()
    const team = await screeningTeam(weft)
    const [, second] = team.recordIds
    await team.reviewerA.post(`/reviews/${team.slug}/screening/title-abstract/records/${second}/vote`, {
      verdict: 'include',
    })
    const response = await team.reviewerA.post(`/reviews/${team.slug}/screening/title-abstract/undo`)
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe(`/reviews/${team.slug}/screening/title-abstract/records/${second}`)
    const page = await (await team.reviewerA.get(response.headers.get('location')!)).text()
    expect(page).toContain(`Your vote on record ${second} was withdrawn`)
  })
})

describe('dual blind screening', () => {
  it('hides the other reviewer’s vote until the record is decided', async () => {
    const weft = testWeft()
    const team = await screeningTeam(weft)
    const [first] = team.recordIds
    const url = `/reviews/${team.slug}/screening/title-abstract/records/${first}`
    await team.reviewerA.post(`${url}/vote`, { verdict: 'include', note: 'clearly about link workers' })
    const blind = await (await team.reviewerB.get(url)).text()
    expect(blind).toContain('One other reviewer has voted (hidden: blind screening)')
    expect(blind).not.toContain('clearly about link workers')
    await team.reviewerB.post(`${url}/vote`, { verdict: 'include' })
    expect(outcomeOf(weft, first!)).toBe('included')
    const open = await (await team.reviewerB.get(url)).text()
    expect(open).toContain('Alex Reviewer:')
    expect(open).toContain('clearly about link workers')
  })

  it('makes a conflict when the two reviewers disagree, and keeps the votes hidden from reviewers', async () => {
    const weft = testWeft()
    const team = await screeningTeam(weft)
    const [first] = team.recordIds
    const url = `/reviews/${team.slug}/screening/title-abstract/records/${first}`
    await team.reviewerA.post(`${url}/vote`, { verdict: 'include' })
    await team.reviewerB.post(`${url}/vote`, { verdict: 'exclude' })
    expect(outcomeOf(weft, first!)).toBe('conflict')
    expect(await (await team.reviewerB.get(url)).text()).toContain('hidden: blind screening')
    const ownerView = await (await team.owner.get(url)).text()
    expect(ownerView).toContain('Alex Reviewer:')
    expect(ownerView).toContain('Bea Reviewer:')
  })

  it('keeps a record out of a reviewer’s queue once it has its two votes', async () => {
    const weft = testWeft()
    const team = await screeningTeam(weft, { records: 2 })
    const [first] = team.recordIds
    const url = `/reviews/${team.slug}/screening/title-abstract/records/${first}/vote`
    await team.reviewerA.post(url, { verdict: 'include' })
    await team.reviewerB.post(url, { verdict: 'include' })
    const html = await (await team.owner.get(`/reviews/${team.slug}/screening/title-abstract`)).text()
    expect(html).toContain('Link worker study number 2')
    const refused = await team.owner.post(url, { verdict: 'exclude' })
    expect(refused.status).toBe(409)
    expect(await refused.text()).toContain('already has the votes it needs')
  })
})

describe('refusals', () => {
  it('refuses a vote from a viewer', async () => {
    const weft = testWeft()
    const team = await screeningTeam(weft)
    const response = await team.viewer.post(
      `/reviews/${team.slug}/screening/title-abstract/records/${team.recordIds[0]}/vote`,
      { verdict: 'include' },
    )
    expect(response.status).toBe(403)
  })

  it('refuses a vote on a record of another review', async () => {
    const weft = testWeft()
    const team = await screeningTeam(weft)
    const other = await screeningTeam(weft, { slug: 'other-review' })
    const response = await team.reviewerA.post(
      `/reviews/${team.slug}/screening/title-abstract/records/${other.recordIds[0]}/vote`,
      { verdict: 'include' },
    )
    expect(response.status).toBe(404)
    expect(weft.db.select().from(screeningVotes).all()).toHaveLength(0)
  })

  it('refuses a verdict that is not Include, Exclude or Maybe, saying so', async () => {
    const weft = testWeft()
    const team = await screeningTeam(weft)
    const response = await team.reviewerA.post(
      `/reviews/${team.slug}/screening/title-abstract/records/${team.recordIds[0]}/vote`,
      { verdict: 'perhaps' },
    )
    expect(response.status).toBe(422)
    expect(await response.text()).toContain('Choose Include, Exclude or Maybe.')
  })

  it('refuses an exclusion reason at title/abstract', async () => {
    const weft = testWeft()
    const team = await screeningTeam(weft)
    const response = await team.reviewerA.post(
      `/reviews/${team.slug}/screening/title-abstract/records/${team.recordIds[0]}/vote`,
      { verdict: 'exclude', reasonId: '1' },
    )
    expect(response.status).toBe(422)
    expect(await response.text()).toContain('An exclusion reason goes only with a full-text exclusion.')
  })

  it('refuses full-text screening of a record that was never retrieved', async () => {
    const weft = testWeft()
    const team = await screeningTeam(weft)
    const response = await team.reviewerA.post(
      `/reviews/${team.slug}/screening/full-text/records/${team.recordIds[0]}/vote`,
      { verdict: 'include' },
    )
    expect(response.status).toBe(409)
    expect(await response.text()).toContain('is not a retrieved report')
  })
})

describe('highlighting the review’s terms', () => {
  it('marks include and exclude terms differently and keeps HTML in an abstract as text', async () => {
    const weft = testWeft()
    const team = await screeningTeam(weft, { records: 1 })
    weft.db
      .update(reviews)
      .set({ includeTerms: 'link work', excludeTerms: 'trial' })
      .where(eq(reviews.id, team.reviewId))
      .run()
    weft.db
      .update(records)
      .set({ abstract: 'Link workers <script>alert(1)</script> in a randomised trial' })
      .where(eq(records.id, team.recordIds[0]!))
      .run()
    const html = await (await team.reviewerA.get(`/reviews/${team.slug}/screening/title-abstract`)).text()
    expect(html).toContain('<mark class="term-include">Link workers</mark>')
    expect(html).toContain('<mark class="term-exclude">trial</mark>')
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(html).not.toContain('<script>alert(1)')
  })

  it('refuses a highlight term longer than the highlighter takes, naming the field', async () => {
    const weft = testWeft()
    const team = await screeningTeam(weft, { records: 1 })
    const response = await team.owner.post(`/reviews/${team.slug}/protocol`, {
      title: 'Screening review',
      slug: team.slug,
      includeTerms: 'x'.repeat(150),
    })
    expect(response.status).toBe(422)
    expect(await response.text()).toContain('Terms to highlight as relevant:')
  })
})

describe('the list of a stage’s records', () => {
  it('searches title and abstract and filters by my vote, a page at a time', async () => {
    const weft = testWeft()
    const team = await screeningTeam(weft, { records: 60 })
    const [first, second] = team.recordIds
    await team.reviewerA.post(`/reviews/${team.slug}/screening/title-abstract/records/${first}/vote`, {
      verdict: 'exclude',
    })
    const mine = await (
      await team.reviewerA.get(`/reviews/${team.slug}/screening/title-abstract/list?mine=exclude`)
    ).text()
    expect(mine).toContain('Link worker study number 1<')
    expect(mine).not.toContain('Link worker study number 2<')
    const searched = await (
      await team.reviewerA.get(`/reviews/${team.slug}/screening/title-abstract/list?q=number%2059`)
    ).text()
    expect(searched).toContain('Link worker study number 59')
    expect(searched).not.toContain('Link worker study number 58')
    const firstPage = await (
      await team.reviewerA.get(`/reviews/${team.slug}/screening/title-abstract/list?mine=none`)
    ).text()
    expect(firstPage).toContain(`/records/${second}"`)
    const more = firstPage.match(/href="([^"]*after=(\d+))"/)
    expect(more?.[1]).toContain('mine=none')
    const secondPage = await (await team.reviewerA.get(more![1]!.replaceAll('&amp;', '&'))).text()
    expect(secondPage).toContain('Link worker study number 60')
    expect(secondPage).not.toContain('Link worker study number 2<')
  })

  it('offers the conflicts filter to a blinded reviewer only as a resolver', async () => {
    const weft = testWeft()
    const team = await screeningTeam(weft)
    const reviewerPage = await (await team.reviewerA.get(`/reviews/${team.slug}/screening/title-abstract/list`)).text()
    expect(reviewerPage).not.toContain('Conflicts only')
    const ownerPage = await (
      await team.owner.get(`/reviews/${team.slug}/screening/title-abstract/list?conflicts=1`)
    ).text()
    expect(ownerPage).toContain('Conflicts only')
    expect(ownerPage).toContain('No record matches.')
  })
})
