/**
 * Labels on records in the demo review: put on from the screening card at title/abstract and full text
 * (htmx swaps just the labels), the list filtered by one, seen by the second reviewer under blind
 * screening without the owner's vote, and carried in the CSV and RIS exports.
 */
import { describe, expect, it } from 'vitest'
import { DEMO_PASSWORD, DEMO_PEOPLE } from '../../src/demo/link-worker-review.ts'
import { recordByTitle } from '../../src/demo/screening-demo.ts'
import { browserAndWeft, screenshot, signedInTab } from '../support/e2e-review.ts'

const [OWNER, SECOND] = DEMO_PEOPLE
const BASE = '/reviews/link-workers'

let realist = 0
let nurseLed = 0

const run = browserAndWeft({
  demo: true,
  seed: (db) => {
    realist = recordByTitle(db, 1, 'The consequences of micro-discretions')
    // The owner has voted on it, the second reviewer not yet: blind screening hides the owner's vote.
    nurseLed = recordByTitle(db, 1, 'Nurse-led telephone follow-up')
  },
})

describe('labels on records', () => {
  it('labels a record at both stages, filters the list by a label and exports labels', async () => {
    const { context, page, problems } = await signedInTab(run.browser, run.weft.baseURL, OWNER.email, {
      password: DEMO_PASSWORD,
    })
    await page.goto(`${BASE}/screening/title-abstract/records/${realist}`)
    const labels = page.locator(`#record-labels-${realist}`)
    await labels.getByLabel('New label').fill('realist evaluation')
    await labels.getByRole('button', { name: 'Add label' }).click()
    await labels.getByText('realist evaluation').waitFor()
    // Only the labels were swapped: the page and the vote form stay as they were.
    expect(page.url()).toContain(`/title-abstract/records/${realist}`)
    expect(await page.locator('form.vote-form').count()).toBe(1)
    await screenshot(page, 'record-labels-card.png')

    await page.goto(`${BASE}/screening/full-text/records/${realist}`)
    await labels.getByText('realist evaluation').waitFor()
    await labels.getByLabel('New label').fill('key paper')
    await labels.getByLabel('New label').press('Enter')
    await labels.getByText('key paper').waitFor()

    await page.goto(`${BASE}/screening/title-abstract/list`)
    await page.getByLabel('Label', { exact: true }).selectOption('realist evaluation')
    await page.getByRole('button', { name: 'Show' }).click()
    await page.waitForURL(/label=realist/)
    const rows = page.locator('table.screening-list tbody tr')
    await expect.poll(() => rows.count()).toBe(1)
    expect(await rows.first().textContent()).toContain('The consequences of micro-discretions')
    expect(await rows.first().locator('.label-chip').allTextContents()).toEqual(['key paper', 'realist evaluation'])
    await screenshot(page, 'record-labels-list.png')

    const csv = await (await context.request.get(`${BASE}/report/export?what=records&format=csv`)).text()
    expect(csv).toMatch(new RegExp(`\\r\\n${realist},.*,key paper; realist evaluation\\r\\n`))
    const ris = await (await context.request.get(`${BASE}/report/export?what=records&format=ris`)).text()
    expect(ris).toContain('N1  - Labels: key paper; realist evaluation')
    expect(problems).toEqual([])
    await context.close()
  })

  it('shows the second reviewer a label, but never the vote hidden by blind screening', async () => {
    const owner = await signedInTab(run.browser, run.weft.baseURL, OWNER.email, { password: DEMO_PASSWORD })
    await owner.page.goto(`${BASE}/screening/title-abstract/records/${nurseLed}`)
    await owner.page.locator(`#record-labels-${nurseLed}`).getByLabel('New label').fill('ask Sam')
    await owner.page.getByRole('button', { name: 'Add label' }).click()
    await owner.page.locator(`#record-labels-${nurseLed}`).getByText('ask Sam').waitFor()
    await owner.context.close()

    const second = await signedInTab(run.browser, run.weft.baseURL, SECOND.email, { password: DEMO_PASSWORD })
    await second.page.goto(`${BASE}/screening/title-abstract/records/${nurseLed}`)
    await second.page.locator(`#record-labels-${nurseLed}`).getByText('ask Sam').waitFor()
    await second.page.getByText('One other reviewer has voted (hidden: blind screening)').waitFor()
    const card = (await second.page.locator('article.screening-card').textContent()) ?? ''
    expect(card).not.toContain(OWNER.name)
    expect(card).not.toMatch(/Excluded/)
    await screenshot(second.page, 'record-labels-blind.png')
    expect(second.problems).toEqual([])
    await second.context.close()
  })
})
