import type { Child } from 'hono/jsx'
import { Layout, type ReviewNav } from '../layout.tsx'
import type { PageContext } from '../page.ts'

export type SynthesisSection =
  | 'overview'
  | 'grid'
  | 'concepts'
  | 'translation'
  | 'third-order'
  | 'line-of-argument'
  | 'findings'
  | 'emerge'
  | 'entreq'
  | 'report'

export const SYNTHESIS_SECTIONS: readonly { section: SynthesisSection; label: string; path: string }[] = [
  { section: 'overview', label: 'Overview', path: '' },
  { section: 'grid', label: 'Grid', path: '/grid' },
  { section: 'concepts', label: 'Concepts', path: '/concepts' },
  { section: 'translation', label: 'Translation', path: '/translation' },
  { section: 'third-order', label: 'Third-order constructs', path: '/third-order' },
  { section: 'line-of-argument', label: 'Line of argument', path: '/line-of-argument' },
  { section: 'findings', label: 'CERQual', path: '/findings' },
  { section: 'emerge', label: 'eMERGe', path: '/checklists/emerge' },
  { section: 'entreq', label: 'ENTREQ', path: '/checklists/entreq' },
  { section: 'report', label: 'Report', path: '/report' },
]

export function synthesisBase(slug: string): string {
  return `/reviews/${slug}/synthesis`
}

/** Every synthesis page: the review's tabs, then the synthesis steps in the order a team works through them. */
export function SynthesisLayout(props: {
  page: PageContext
  nav: ReviewNav
  section: SynthesisSection
  title: string
  children: Child
}) {
  const base = synthesisBase(props.nav.slug)
  return (
    <Layout page={props.page} title={props.title} review={props.nav}>
      <nav class='synthesis-steps' aria-label='Synthesis'>
        {SYNTHESIS_SECTIONS.map(({ section, label, path }) => (
          <a href={base + path} aria-current={section === props.section ? 'page' : undefined}>
            {label}
          </a>
        ))}
      </nav>
      {props.children}
    </Layout>
  )
}

/** Lines of a multi-line text cell, separated by <br>. */
export function Lines({ text }: { text: string }) {
  const lines = text.split('\n')
  return (
    <>
      {lines.map((line, index) => (
        <>
          {index > 0 ? <br /> : null}
          {line}
        </>
      ))}
    </>
  )
}

export function DownloadLinks(props: { href: string; what: string; formats?: readonly string[] }) {
  const formats = props.formats ?? ['csv', 'html']
  return (
    <p class='downloads'>
      Download {props.what}:{' '}
      {formats.map((format, index) => (
        <>
          {index > 0 ? ' · ' : null}
          <a href={`${props.href}/${format}`} download>
            {format === 'md' ? 'Markdown' : format.toUpperCase()}
          </a>
        </>
      ))}
    </p>
  )
}
