import type { IncludedReport, IncludedStudy } from '../../src/domain/studies.ts'
import { StudyHeading } from '../appraisal/study-heading.tsx'
import { Layout, type ReviewNav } from '../layout.tsx'
import type { PageContext } from '../page.ts'
import { ConstructsPanel, type ConstructsPanelProps } from './constructs-panel.tsx'

/** The study's attached full text, shown beside the forms. */
function FullText(props: { slug: string; report: IncludedReport }) {
  const url = `/reviews/${props.slug}/reports/${props.report.recordId}/file`
  return (
    <>
      <p>
        <a href={url} target='_blank' rel='noopener' class='full-text-link'>
          Open {props.report.fileName ?? 'the full text'} in a new tab
        </a>
      </p>
      <iframe class='full-text' src={url} title={`Full text: ${props.report.fileName ?? 'PDF'}`} />
    </>
  )
}

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
      {props.fullText ? (
        <div class='beside-full-text'>
          <ConstructsPanel {...props} />
          <aside class='full-text-pane' aria-label='Full text'>
            <FullText slug={props.nav.slug} report={props.fullText} />
          </aside>
        </div>
      ) : (
        <>
          <p class='empty'>No full text is attached to this study’s reports.</p>
          <ConstructsPanel {...props} />
        </>
      )}
    </Layout>
  )
}
