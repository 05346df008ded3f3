/**
 * Destructive actions ask first, with or without JavaScript: without it, a confirmation page instead of a
 * silent post (No goes back, Yes does it); with it, the browser's dialog, and no extra page.
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { browserAndWeft, screenshot, seedReview, signedInTab } from '../support/e2e-review.ts'

const OWNER = 'owner@confirm.org'
const SLUG = 'confirm'

const run = browserAndWeft({
  demo: false,
  seed: (db) =>
    seedReview(db, {
      slug: SLUG,
      reviewersPerRecord: 1,
      people: [
        { email: OWNER, name: 'Olive Owner', role: 'owner' },
        { email: 'bea@confirm.org', name: 'Bea Reviewer', role: 'reviewer' },
        { email: 'cam@confirm.org', name: 'Cam Reviewer', role: 'reviewer' },
      ],
      records: [{ title: 'Link workers in general practice', abstract: 'Interviews with link workers.' }],
    }),
})

const membersTable = (page: Page) => page.locator('table.members').textContent()

describe('confirm steps', () => {
  it('asks on a page of its own without JavaScript: No goes back, Yes removes the member', async () => {
    const { context, page, problems } = await signedInTab(run.browser, run.weft.baseURL, OWNER, { javaScript: false })
    await page.goto(`/reviews/${SLUG}/members`)
    await page
      .getByRole('row', { name: /Bea Reviewer/ })
      .getByRole('button', { name: 'Remove' })
      .click()
    await page.getByRole('heading', { name: 'Please confirm' }).waitFor()
    await page.getByText('Remove Bea Reviewer from this review?').waitFor()
    await screenshot(page, 'confirm-step-no-javascript.png')
    await page.getByRole('link', { name: 'No, go back' }).click()
    await page.waitForURL(`**/reviews/${SLUG}/members`)
    expect(await membersTable(page)).toContain('Bea Reviewer')

    await page
      .getByRole('row', { name: /Bea Reviewer/ })
      .getByRole('button', { name: 'Remove' })
      .click()
    await page.getByRole('button', { name: 'Remove Bea Reviewer' }).click()
    await page.getByText('Member removed.').waitFor()
    expect(await membersTable(page)).not.toContain('Bea Reviewer')
    expect(problems).toEqual([])
    await context.close()
  })

  it('asks before reopening a decided record without JavaScript', async () => {
    const { context, page, problems } = await signedInTab(run.browser, run.weft.baseURL, OWNER, { javaScript: false })
    await page.goto(`/reviews/${SLUG}/screening/title-abstract`)
    await page.getByRole('button', { name: 'Include' }).click()
    await page.goto(`/reviews/${SLUG}/screening/title-abstract/records/1`)
    await page.getByText('Reopen this record').click()
    await page.getByLabel('Why reopen it?').fill('Second thoughts on the setting')
    await page.getByRole('button', { name: 'Reopen', exact: true }).click()
    await page.getByText(/^Reopen record 1\? Its decision is set aside/).waitFor()
    await page.getByRole('button', { name: 'Reopen it' }).click()
    await page.getByText('Record 1 reopened').first().waitFor()
    expect(problems).toEqual([])
    await context.close()
  })

  it('asks in the browser’s dialog with JavaScript, and acts at once when the answer is Yes', async () => {
    const { context, page, problems } = await signedInTab(run.browser, run.weft.baseURL, OWNER)
    await page.goto(`/reviews/${SLUG}/members`)
    const questions: string[] = []
    page.once('dialog', (dialog) => {
      questions.push(dialog.message())
      void dialog.dismiss()
    })
    await page
      .getByRole('row', { name: /Cam Reviewer/ })
      .getByRole('button', { name: 'Remove' })
      .click()
    await expect.poll(() => questions).toEqual(['Remove Cam Reviewer from this review?'])
    expect(await membersTable(page)).toContain('Cam Reviewer')

    page.once('dialog', (dialog) => void dialog.accept())
    await page
      .getByRole('row', { name: /Cam Reviewer/ })
      .getByRole('button', { name: 'Remove' })
      .click()
    await page.getByText('Member removed.').waitFor()
    expect(await membersTable(page)).not.toContain('Cam Reviewer')
    expect(await page.getByRole('heading', { name: 'Please confirm' }).count()).toBe(0)
    expect(problems).toEqual([])
    await context.close()
  })
})
