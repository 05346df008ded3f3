/**
 * Inviting a co-reviewer who has no account: the owner makes a link on the Members page, the invitee opens
 * it in their own browser, sets a name and password and is in the review; the administrator sees the links
 * still waiting and withdraws one.
 */
import { describe, expect, it } from 'vitest'
import { pageProblems } from '../support/browser.ts'
import { browserAndWeft, DESKTOP, screenshot, seedReview, signedInTab } from '../support/e2e-review.ts'

const OWNER = 'owner@invite.org'
const SLUG = 'invite'

const run = browserAndWeft({
  demo: false,
  seed: (db) =>
    seedReview(db, {
      slug: SLUG,
      title: 'Carers and respite',
      people: [{ email: OWNER, name: 'Olive Owner', role: 'owner' }],
    }),
})

describe('inviting a co-reviewer by link', () => {
  it('brings someone without an account into the review in the role the owner chose', async () => {
    const owner = await signedInTab(run.browser, run.weft.baseURL, OWNER)
    await owner.page.goto(`/reviews/${SLUG}/members`)
    await owner.page.getByLabel('Their email').fill('bea@invite.org')
    await owner.page.getByLabel('Role', { exact: true }).selectOption('reviewer')
    await owner.page.getByRole('button', { name: 'Make an invitation link' }).click()
    const link = owner.page.getByLabel('Invitation link')
    await link.waitFor()
    const url = await link.inputValue()
    expect(url).toMatch(new RegExp(`^${run.weft.baseURL}/invitations/[\\w-]{40,}$`))
    await owner.page.getByRole('button', { name: 'Copy link' }).waitFor()
    expect(await owner.page.locator('table.pending-invitations').textContent()).toContain('bea@invite.org')
    await screenshot(owner.page, 'members-invitation-link.png', { fullPage: true })

    // The invitee, in a browser of their own, never signed in to this Weft.
    const context = await run.browser.newContext({ viewport: DESKTOP })
    context.setDefaultTimeout(10_000)
    const page = await context.newPage()
    const problems = pageProblems(page)
    await page.goto(url)
    await page.getByRole('heading', { name: 'Join “Carers and respite”' }).waitFor()
    await screenshot(page, 'invitation-accept.png')
    await page.getByLabel('Your name').fill('Bea Reviewer')
    await page.getByLabel('Password').fill('respite care reviews')
    await page.getByRole('button', { name: 'Create my account and join' }).click()
    await page.waitForURL(`**/reviews/${SLUG}`)
    await page.getByText('you joined “Carers and respite” as reviewer').waitFor()
    expect(await page.locator('.review-title .role').textContent()).toBe('reviewer')

    // The link has done its work: opened again, it says so.
    await page.goto(url)
    await page.getByText('This invitation has already been used.').waitFor()
    await owner.page.goto(`/reviews/${SLUG}/members`)
    expect(await owner.page.locator('table.members').textContent()).toContain('Bea Reviewer')
    expect(await owner.page.locator('section[aria-labelledby="add-heading"]').textContent()).toContain(
      'No invitation is waiting to be used.',
    )
    expect(problems).toEqual([])
    expect(owner.problems).toEqual([])
    await context.close()
    await owner.context.close()
  })

  it('lists the links still waiting for the administrator, who withdraws one', async () => {
    const owner = await signedInTab(run.browser, run.weft.baseURL, OWNER)
    await owner.page.goto(`/reviews/${SLUG}/members`)
    await owner.page.getByLabel('Their email').fill('cam@invite.org')
    await owner.page.getByLabel('Role', { exact: true }).selectOption('viewer')
    await owner.page.getByRole('button', { name: 'Make an invitation link' }).click()
    const url = await owner.page.getByLabel('Invitation link').inputValue()
    await owner.page.goto('/admin/people')
    const row = owner.page.locator('table.pending-invitations tr', { hasText: 'cam@invite.org' })
    expect(await row.textContent()).toContain('Carers and respite')
    await screenshot(owner.page, 'admin-pending-invitations.png', { fullPage: true })
    await row.getByRole('button', { name: 'Withdraw the invitation for cam@invite.org' }).click()
    await owner.page.getByText('The invitation for cam@invite.org was withdrawn').waitFor()
    await owner.page.goto(url)
    await owner.page.getByText('withdrew this invitation').waitFor()
    expect(owner.problems).toEqual([])
    await owner.context.close()
  })
})
