/**
 * The screening card keeps the decision in reach: Include / Exclude / Maybe stay inside the window
 * whatever the length of the abstract, on a desktop and on a phone; the undo notice is readable and
 * announced; `?` opens the key help where it can be seen.
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import {
  boxInViewport,
  browserAndWeft,
  DESKTOP,
  type E2eReview,
  PHONE,
  screenshot,
  seedReview,
  signedInTab,
} from '../support/e2e-review.ts'

const OWNER = 'owner@layout.org'
const SLUG = 'layout'
const SENTENCE =
  'Link workers described how they negotiated their role with general practitioners, patients and voluntary groups, '
// About 3,300 words: a long structured abstract, longer than any window.
const LONG_ABSTRACT = SENTENCE.repeat(220).trim()

let review: E2eReview

const run = browserAndWeft({
  demo: false,
  seed: async (db) => {
    review = await seedReview(db, {
      slug: SLUG,
      people: [
        { email: OWNER, name: 'Olive Owner', role: 'owner' },
        { email: 'rita@layout.org', name: 'Rita Reviewer', role: 'reviewer' },
      ],
      records: [
        { title: 'A short one', abstract: 'Link workers in general practice.' },
        { title: 'A very long one', abstract: LONG_ABSTRACT },
        { title: 'A third one', abstract: 'Navigators and loneliness.' },
      ],
    })
  },
})

const VERDICTS = ['include', 'exclude', 'maybe'] as const

async function decisionButtonsInView(page: Page): Promise<Record<string, boolean>> {
  const seen: Record<string, boolean> = {}
  for (const verdict of VERDICTS) seen[verdict] = await boxInViewport(page, `button.vote-${verdict}`)
  return seen
}

const ALL_IN_VIEW = { include: true, exclude: true, maybe: true }

/** WCAG contrast of an element's text against the first opaque background behind it. */
async function textContrast(page: Page, selector: string): Promise<number> {
  // In-page code reaches the window through the element: the project's TypeScript has no DOM library.
  return page.locator(selector).evaluate((element) => {
    const style = (node: typeof element) => node.ownerDocument.defaultView.getComputedStyle(node)
    const rgb = (value: string) => (value.match(/[\d.]+/g) ?? []).map(Number)
    const luminance = ([r, g, b]: number[]) => {
      const channel = (c: number) => {
        const s = c / 255
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
      }
      return 0.2126 * channel(r!) + 0.7152 * channel(g!) + 0.0722 * channel(b!)
    }
    let background = [255, 255, 255]
    for (let node = element; node; node = node.parentElement) {
      const colour = rgb(style(node).backgroundColor)
      if (colour.length >= 3 && (colour[3] ?? 1) > 0.5) {
        background = colour
        break
      }
    }
    const foreground = luminance(rgb(style(element).color))
    const behind = luminance(background)
    return (Math.max(foreground, behind) + 0.05) / (Math.min(foreground, behind) + 0.05)
  })
}

describe('the screening card keeps the decision in reach', () => {
  for (const [device, viewport] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const) {
    it(`keeps Include, Exclude and Maybe inside the window on a ${device}, for a short and a very long abstract`, async () => {
      const { context, page, problems } = await signedInTab(run.browser, run.weft.baseURL, OWNER, { viewport })
      for (const [length, recordId] of [
        ['short', review.recordIds[0]!],
        ['long', review.recordIds[1]!],
      ] as const) {
        await page.goto(`/reviews/${SLUG}/screening/title-abstract/records/${recordId}`)
        expect(await decisionButtonsInView(page), `${length} abstract, as the page opens`).toEqual(ALL_IN_VIEW)
        await screenshot(page, `screening-card-${length}-${device}.png`)
        // Reading on: halfway down the abstract, then at its last line.
        await page.locator('.abstract').evaluate((element) => {
          const box = element.getBoundingClientRect()
          const window = element.ownerDocument.defaultView
          window.scrollTo(0, window.scrollY + box.top + box.height / 2)
        })
        expect(await decisionButtonsInView(page), `${length} abstract, half read`).toEqual(ALL_IN_VIEW)
        await page.locator('.abstract').evaluate((element) => element.scrollIntoView({ block: 'end' }))
        expect(await decisionButtonsInView(page), `${length} abstract, read to the end`).toEqual(ALL_IN_VIEW)
        if (length === 'long') await screenshot(page, `screening-card-long-read-${device}.png`)
      }
      expect(problems).toEqual([])
      await context.close()
    })
  }

  it('shows the undo notice in readable colours and announces it in a live region that stays on the page', async () => {
    const { context, page, problems } = await signedInTab(run.browser, run.weft.baseURL, OWNER)
    await page.goto(`/reviews/${SLUG}/screening/title-abstract`)
    const recordId = (await page.locator('form.vote-form').getAttribute('action'))?.match(/records\/(\d+)\//)?.[1]
    // Mark the live regions the page has now: the announcement must come through one of them, because a
    // region inserted together with its text is not read out by screen readers.
    await page.locator('body').evaluate((body) =>
      body.querySelectorAll('[aria-live], [role="status"]').forEach((region: typeof body) => {
        region.dataset.before = 'yes'
      }),
    )
    await page.keyboard.press('i')
    await page.getByText(`Included: record ${recordId}.`).first().waitFor()
    const announced: string[] = await page
      .locator('body')
      .evaluate((body) =>
        [...body.querySelectorAll('[data-before="yes"]')]
          .filter((region: typeof body) => region.isConnected && region.getAttribute('aria-live') !== 'off')
          .map((region: typeof body) => region.textContent ?? ''),
      )
    expect(announced.join(' ')).toContain(`Included: record ${recordId}.`)
    const undo = page.getByRole('button', { name: 'Undo my last vote' })
    await undo.waitFor()
    expect(await boxInViewport(page, '.notice button')).toBe(true)
    expect(await textContrast(page, '.notice button')).toBeGreaterThanOrEqual(4.5)
    expect(await textContrast(page, '.notice span')).toBeGreaterThanOrEqual(4.5)
    await screenshot(page, 'screening-undo-notice-desktop.png')
    await undo.click()
    await page.getByText(`Your vote on record ${recordId} was withdrawn`).first().waitFor()
    expect(problems).toEqual([])
    await context.close()
  })

  for (const [device, viewport] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const) {
    it(`opens the key help inside the window with ? on a ${device}, and closes it with Escape`, async () => {
      const { context, page, problems } = await signedInTab(run.browser, run.weft.baseURL, OWNER, { viewport })
      await page.goto(`/reviews/${SLUG}/screening/title-abstract/records/${review.recordIds[1]}`)
      await page.keyboard.press('?')
      await expect.poll(() => page.locator('details.keyboard-help').getAttribute('open')).not.toBeNull()
      expect(await boxInViewport(page, 'details.keyboard-help dl')).toBe(true)
      await screenshot(page, `screening-key-help-${device}.png`)
      await page.keyboard.press('Escape')
      await expect.poll(() => page.locator('details.keyboard-help').getAttribute('open')).toBeNull()
      expect(problems).toEqual([])
      await context.close()
    })
  }
})
