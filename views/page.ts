/** What every page needs besides its own content. Built by the routes; views only read it. */
export interface PageContext {
  user: { name: string; email: string; isAdmin: boolean } | null
  /** A fresh form token for each form on the page (each is good for one submission). */
  csrf: () => string
  flash: string | null
  assets: {
    htmx: string
    css: string
    js: string
    /** The full-text viewer module, and the folder pdf.js is served from. */
    pdfViewer: string
    pdfjs: string
  }
}
