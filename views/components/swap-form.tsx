import type { Child } from 'hono/jsx'

/**
 * A form that is a plain post without JavaScript; with htmx it posts the same and the server's answer
 * replaces the element with id `swap` (a panel, a queue, a card), so one form serves both.
 */
export function SwapForm(props: {
  action: string
  /** The id of the element the answer replaces. */
  swap: string
  csrf: () => string
  class?: string | undefined
  /** Further attributes of the form element (aria-label, data-confirm…). */
  attributes?: Record<string, string | boolean | undefined>
  children: Child
}) {
  return (
    <form
      method='post'
      action={props.action}
      class={props.class}
      hx-post={props.action}
      hx-target={`#${props.swap}`}
      hx-swap='outerHTML'
      {...props.attributes}
    >
      <input type='hidden' name='_csrf' value={props.csrf()} />
      {props.children}
    </form>
  )
}
