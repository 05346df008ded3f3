/**
 * A new review's characteristics form starts with the generic fields of a qualitative evidence synthesis
 * (ENTREQ item 8, eMERGe item 10), not with the demo's link-worker fields; the demo keeps its own.
 */
import { describe, expect, it } from 'vitest'
import { DEMO_LOGIN } from '../../src/demo/seed.ts'
import { browserAndWeft, screenshot, signedInTab } from '../support/e2e-review.ts'

const run = browserAndWeft({ demo: true })

const LINK_WORKER_FIELDS = ['Number of link workers', 'Host organisation', 'Link-worker job title']

describe('the characteristics form of a new review', () => {
  it('offers the generic qualitative fields, while the demo keeps its link-worker fields', async () => {
    const { context, page, problems } = await signedInTab(run.browser, run.weft.baseURL, DEMO_LOGIN.email, {
      password: DEMO_LOGIN.password,
    })
    await page.goto('/reviews/new')
    await page.getByLabel('Title').fill('Carers’ experiences of respite care')
    await page.getByLabel('Short name').fill('respite')
    await page.getByRole('button', { name: 'Create review' }).click()
    await page.waitForURL('**/reviews/respite')

    await page.goto('/reviews/respite/characteristics/form')
    const offer = (await page.locator('section.defaults').textContent()) ?? ''
    for (const label of LINK_WORKER_FIELDS) expect(offer).not.toContain(label)
    expect(offer).not.toMatch(/link.?worker/i)
    await page.getByRole('button', { name: /^Use these \d+ fields$/ }).click()
    await page.locator('ol.form-fields li').first().waitFor()
    const fields = await page.locator('ol.form-fields li').allTextContents()
    const form = fields.join('\n')
    for (const generic of ['Country', 'Setting', 'Aim', 'Methodology', 'Data collection', 'Participants'])
      expect(form).toContain(generic)
    expect(form).toContain('Sample size')
    expect(form).toContain('Analysis approach')
    for (const label of LINK_WORKER_FIELDS) expect(form).not.toContain(label)
    expect(form).not.toMatch(/link.?worker/i)
    await screenshot(page, 'characteristics-form-new-review.png', { fullPage: true })

    await page.goto('/reviews/link-workers/characteristics/form')
    const demoForm = (await page.locator('ol.form-fields').textContent()) ?? ''
    for (const label of LINK_WORKER_FIELDS) expect(demoForm).toContain(label)
    expect(problems).toEqual([])
    await context.close()
  })
})
