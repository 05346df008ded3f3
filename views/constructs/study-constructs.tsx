import type { IncludedReport, IncludedStudy } from '../../src/domain/studies.ts'
import { StudyHeading } from '../appraisal/study-heading.tsx'
import { BesideFullText } from '../components/full-text-pane.tsx'
import { Layout, type ReviewNav } from '../layout.tsx'
import type { PageContext } from '../page.ts'
import { ConstructsPanel, type ConstructsPanelProps } from './constructs-panel.tsx'

export function StudyConstructsPage(
  props: ConstructsPanelProps & {
    page: PageContext
    nav: ReviewNav
    study: IncludedStudy
    fullText: IncludedReport | undefined
  },
) {
  const review = `/reviews/${props.nav.slug}`
  return (
    <Layout page={props.page} title={`Constructs of ${props.study.label}`} review={props.nav}>
      <p>
        <a href={`${review}/constructs`}>← All constructs</a> ·{' '}
        <a href={`${review}/characteristics/${props.study.id}`}>Characteristics</a> ·{' '}
        <a href={`${review}/appraisal/${props.study.id}`}>Appraisal</a> ·{' '}
        <a href={`${props.base}.csv`} download>
          Export CSV
        </a>
      </p>
      <StudyHeading study={props.study} what='Constructs' />
      {props.fullText ? null : <p class='empty'>No full text is attached to this study’s reports.</p>}
      {/* A selection in the PDF fills the new quote's text and page. */}
      <BesideFullText
        slug={props.nav.slug}
        file={props.fullText ?? null}
        quoteField='#new-quote-quote'
        pageField='#new-quote-page'
      >
        <ConstructsPanel {...props} />
      </BesideFullText>
    </Layout>
  )
}
