import type { PageContext } from '../../views/page.ts'
import type { AppVariables } from './env.ts'
import { issueFormToken } from './form-token.ts'

/** What the layout needs about the request (pass `c.var`): who is signed in, form tokens, the flash. */
export function pageContext(vars: AppVariables): PageContext {
  const { user, session, deps } = vars
  return {
    user: user ? { name: user.name, email: user.email, isAdmin: user.isAdmin } : null,
    csrf: () => (session ? issueFormToken(session.formKey, deps.now()) : ''),
    flash: vars.flash,
    assets: {
      htmx: deps.assets.htmx.url,
      css: deps.assets.css.url,
      js: deps.assets.js.url,
      pdfViewer: deps.assets.pdfViewer.url,
      pdfjs: deps.assets.pdfjs.base,
    },
  }
}

/** A one-line notice shown inside a panel: what was done, or why it was refused. */
export interface PanelNotice {
  text: string
  refused: boolean
}

/**
 * For a page whose panel shows the flash itself (beside its Undo button, on the screening card): the
 * panel's own notice, else the flash, and a page context whose layout no longer repeats it.
 */
export function flashInPanel(
  vars: AppVariables,
  notice: PanelNotice | undefined,
): { page: PageContext; notice: PanelNotice | undefined } {
  const page = pageContext(vars)
  return {
    page: { ...page, flash: null },
    notice: notice ?? (page.flash ? { text: page.flash, refused: false } : undefined),
  }
}
