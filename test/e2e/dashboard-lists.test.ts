/**
 * The demo review's dashboard and lists, as its owner, second reviewer and viewer see them: counts beside
 * their totals, a personal to-do, each review's stage and progress in the review list, conflicts with both
 * votes, reasons and notes beside the record, and the DOI linked on retrieval cards.
 */
import { describe, expect, it } from 'vitest'
import { DEMO_PASSWORD, DEMO_PEOPLE } from '../../src/demo/link-worker-review.ts'
import { browserAndWeft, screenshot, signedInTab } from '../support/e2e-review.ts'

const [OWNER, SECOND, VIEWER] = DEMO_PEOPLE
const BASE = '/reviews/link-workers'

const run = browserAndWeft({ demo: true })

const tab = (email: string) => signedInTab(run.browser, run.weft.baseURL, email, { password: DEMO_PASSWORD })

describe('the dashboard and the lists', () => {
  it('gives each person their own to-do on the dashboard, and every count its total', async () => {
    const owner = await tab(OWNER.email)
    await owner.page.goto(BASE)
    const todo = owner.page.getByRole('region', { name: 'Waiting for you' })
    // The owner has voted on 14 of the 16 records; one conflict waits at each stage (demo seed).
    expect(await todo.getByRole('link').allTextContents()).toEqual(
      expect.arrayContaining([
        '2 records wait for your title/abstract vote',
        '1 conflict to resolve at title/abstract',
        '1 conflict to resolve at full text',
      ]),
    )
    expect(await todo.getByRole('link', { name: '1 conflict to resolve at title/abstract' }).getAttribute('href')).toBe(
      `${BASE}/screening/title-abstract/conflicts`,
    )
    const screening = owner.page.locator('li.stage[data-stage="screening"]')
    expect(await screening.textContent()).toContain('12 of 16 records screened')
    expect(await screening.locator('.badge').textContent()).toBe('under way')
    expect(await owner.page.locator('li.stage[data-stage="eligibility"]').textContent()).toMatch(
      /\d+ of \d+ retrieved reports assessed for eligibility/,
    )
    await screenshot(owner.page, 'dashboard-todo.png', { fullPage: true })
    expect(owner.problems).toEqual([])
    await owner.context.close()

    const second = await tab(SECOND.email)
    await second.page.goto(BASE)
    const theirs = await second.page.getByRole('region', { name: 'Waiting for you' }).textContent()
    expect(theirs).toMatch(/\d+ records? waits? for your title\/abstract vote/)
    // Resolving is for owners and the third reviewer: a reviewer's to-do has no conflicts.
    expect(theirs).not.toContain('conflict')
    await second.context.close()

    const viewer = await tab(VIEWER.email)
    await viewer.page.goto(BASE)
    expect(await viewer.page.getByRole('region', { name: 'Waiting for you' }).count()).toBe(0)
    await viewer.context.close()
  })

  it('shows each review’s stage, progress and what waits for you in the review list', async () => {
    const owner = await tab(OWNER.email)
    await owner.page.goto('/reviews')
    const entry = owner.page.locator('.review-list li', { hasText: 'Link workers’ experiences of social prescribing' })
    expect(await entry.locator('.review-standing').textContent()).toBe(
      'Title/abstract screening: 12 of 16 records screened',
    )
    expect(await entry.locator('.review-todo').textContent()).toBe('2 records wait for you, 2 conflicts to resolve.')
    await screenshot(owner.page, 'review-list-progress.png')
    expect(owner.problems).toEqual([])
    await owner.context.close()
  })

  it('puts both votes, with their notes, beside the record on the conflicts page', async () => {
    const owner = await tab(OWNER.email)
    await owner.page.goto(`${BASE}/screening/title-abstract/conflicts`)
    const card = owner.page.locator('.conflict-card', { hasText: 'Green space prescriptions and blood pressure' })
    await card.waitFor()
    const record = card.locator('.conflict-record')
    // The record as the card shows it: authors, year, journal and the abstract (this one has none).
    expect(await record.textContent()).toMatch(/Oduya A\.; Lindgren P\. \(2020\) Preventive Medicine.*No abstract\./)
    const votes = card.locator('table.conflict-votes tbody tr')
    expect(await votes.allTextContents()).toEqual([
      `${OWNER.name} (you)Excluded—Outdoor activity scheme; nobody in a link-worker role.`,
      `${SECOND.name}Included—Green prescribing, but is anyone a link worker?`,
    ])
    const recordBox = (await record.boundingBox())!
    const votesBox = (await card.locator('table.conflict-votes').boundingBox())!
    expect(votesBox.x).toBeGreaterThan(recordBox.x + recordBox.width - 1)
    await screenshot(owner.page, 'conflicts-beside-record.png', { fullPage: true })

    await owner.page.goto(`${BASE}/screening/full-text/conflicts`)
    const fullText = owner.page.locator('.conflict-card').first()
    // At full text each vote carries its exclusion reason.
    expect(await fullText.locator('table.conflict-votes').textContent()).toMatch(/Excluded[^—]+\S/)
    expect(owner.problems).toEqual([])
    await owner.context.close()
  })

  it('links each retrieval card’s DOI', async () => {
    const owner = await tab(OWNER.email)
    await owner.page.goto(`${BASE}/retrieval`)
    const doi = owner.page.locator('.report', { hasText: 'Patient buy-in to social prescribing' }).getByRole('link', {
      name: /^doi:10\.3310\/etnd8254$/i,
    })
    expect((await doi.getAttribute('href'))?.toLowerCase()).toBe('https://doi.org/10.3310/etnd8254')
    await screenshot(owner.page, 'retrieval-doi.png')
    expect(owner.problems).toEqual([])
    await owner.context.close()
  })
})
