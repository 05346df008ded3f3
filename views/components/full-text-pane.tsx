import type { Child } from 'hono/jsx'

/** A report's attached PDF: the member-only route that serves it, and the name it was uploaded under. */
export interface FullTextFile {
  recordId: number
  fileName: string | null
}

export function fullTextUrl(slug: string, recordId: number): string {
  return `/reviews/${slug}/reports/${recordId}/file`
}

export interface FullTextPaneProps {
  slug: string
  file: FullTextFile
  /** Selectors of the fields a selection in the PDF fills (the quote and its page), if the page has them. */
  quoteField?: string
  pageField?: string
}

/**
 * The PDF beside the work. pdf-viewer.js draws it with pdf.js (pages with a text layer, so a selection
 * becomes a quote with its page); without JavaScript a plain frame shows the PDF, and the link always
 * opens it in a tab of its own.
 */
export function FullTextPane(props: FullTextPaneProps) {
  const url = fullTextUrl(props.slug, props.file.recordId)
  const name = props.file.fileName ?? 'the full text'
  return (
    <aside class='full-text-pane' aria-label='Full text'>
      <p class='full-text-bar'>
        <a href={url} target='_blank' rel='noopener' class='full-text-link' hx-boost='false'>
          Open {name} in a new tab
        </a>
        <span class='muted' data-pdf-status aria-live='polite'>
          {props.quoteField
            ? 'Select text in the PDF to fill in the quote and its page.'
            : 'Select text in the PDF to quote it, with its page, in the note you last typed in.'}
        </span>
      </p>
      <div
        class='pdf-viewer'
        data-pdf-viewer
        data-src={url}
        data-quote-field={props.quoteField}
        data-page-field={props.pageField}
      >
        <noscript>
          <iframe class='full-text' src={url} title={`Full text: ${name}`} />
        </noscript>
      </div>
    </aside>
  )
}

/** The work on the left, its PDF on the right (one column on a narrow window); just the work without a PDF. */
export function BesideFullText(
  props: Omit<FullTextPaneProps, 'file'> & { file: FullTextFile | null; children: Child },
) {
  if (!props.file) return <>{props.children}</>
  const { children, ...pane } = props
  return (
    <div class='beside-full-text'>
      <div class='beside-work'>{children}</div>
      <FullTextPane {...pane} file={props.file} />
    </div>
  )
}
