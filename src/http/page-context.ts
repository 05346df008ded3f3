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
