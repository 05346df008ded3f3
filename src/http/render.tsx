/**
 * Every HTML answer goes through `c.render(content, props)`: this is the one place that decides between the
 * whole page and the fragment an htmx partial request (`HX-Request-Type: partial`, htmx 4) swaps in.
 *
 * The page's view draws itself inside `<Layout>`; for a partial request the layout steps aside
 * (`PageFrame`, views/layout.tsx) and only what the page holds inside `<main>` is sent, or `fragment`
 * when the route names a smaller part that its htmx widgets target (the screening panel, a report card).
 *
 * @example
 * ```tsx
 * app.get('/protocol', (c) => c.render(<ProtocolPage page={pageContext(c.var)} … />))
 * app.post('/vote', (c) => c.render(<ScreeningPage … />, { status: 422, fragment: <ScreeningPanel … /> }))
 * ```
 */
import type { Context, MiddlewareHandler } from 'hono'
import type { Child } from 'hono/jsx'
import { jsxRenderer } from 'hono/jsx-renderer'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { PageFrame } from '../../views/layout.tsx'

/**
 * htmx 4 says which part of the page it wants (`HX-Request-Type: partial` for a swap into an element,
 * `full` for a boosted page). The one reader of that header: pages and fragments are decided here, and a
 * form's success (redirect or fragment in place, src/http/form-action.ts) asks here too.
 */
export function wantsPartial(c: Context): boolean {
  return c.req.header('HX-Request-Type') === 'partial'
}

export interface RenderOptions {
  /** 200 unless given: 422 for a refused field, 409 for a state conflict (src/http/form-action.ts). */
  status?: ContentfulStatusCode
  /** What a partial request gets instead of the page's main content. */
  fragment?: Child
}

declare module 'hono' {
  interface ContextRenderer {
    (content: Child, options?: RenderOptions): Response | Promise<Response>
  }
}

export function pageRenderer(): MiddlewareHandler {
  return jsxRenderer(
    function page({ children, status, fragment }, c) {
      if (status) c.status(status)
      if (!wantsPartial(c)) return <PageFrame.Provider value='page'>{children}</PageFrame.Provider>
      return <PageFrame.Provider value='fragment'>{fragment ?? children}</PageFrame.Provider>
    },
    // The layout writes its own doctype, and a fragment has none.
    { docType: false },
  )
}
