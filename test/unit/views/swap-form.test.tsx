import { describe, expect, it } from 'vitest'
import { SwapForm } from '../../../views/components/swap-form.tsx'

describe('SwapForm', () => {
  it('posts without JavaScript and, with htmx, swaps the element it names for the answer', () => {
    const html = String(
      <SwapForm action='/reviews/r/duplicates/4/undo' swap='duplicate-queue' csrf={() => 'TOKEN'} class='inline'>
        <button type='submit'>Undo</button>
      </SwapForm>,
    )
    expect(html).toBe(
      '<form method="post" action="/reviews/r/duplicates/4/undo" class="inline" hx-post="/reviews/r/duplicates/4/undo"' +
        ' hx-target="#duplicate-queue" hx-swap="outerHTML"><input type="hidden" name="_csrf" value="TOKEN"/>' +
        '<button type="submit">Undo</button></form>',
    )
  })

  it('carries further attributes and leaves out those without a value', () => {
    const html = String(
      <SwapForm
        action='/a'
        swap='panel'
        csrf={() => 'T'}
        attributes={{ 'aria-label': 'Edit quote 1', 'data-confirm': undefined, 'data-keyboard-submit': true }}
      >
        {null}
      </SwapForm>,
    )
    expect(html).toContain('aria-label="Edit quote 1"')
    expect(html).toContain('data-keyboard-submit="true"')
    expect(html).not.toContain('data-confirm')
    expect(html).not.toContain('class=')
  })
})
