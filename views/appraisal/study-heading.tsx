import { authorLine } from '../../src/domain/text/author-line.ts'
import type { IncludedStudy } from '../../src/domain/studies.ts'

function citation(report: IncludedStudy['reports'][number]): string {
  return [
    authorLine(report.authors, 2),
    report.year ? `(${report.year})` : '',
    report.title ?? '(no title)',
    report.journal ?? '',
  ]
    .filter(Boolean)
    .join(' ')
}

/** The study's label and its included reports, at the top of every per-study page. */
export function StudyHeading(props: { study: IncludedStudy; what: string }) {
  const { study } = props
  return (
    <>
      <h1>
        {props.what}: {study.label}
      </h1>
      <ul class='study-reports'>
        {study.reports.map((report) => (
          <li>{citation(report)}</li>
        ))}
      </ul>
      {study.exclusion ? (
        <p class='notice'>
          Excluded after appraisal{study.exclusion.excludedByName ? ` by ${study.exclusion.excludedByName}` : ''}:{' '}
          {study.exclusion.reason}
        </p>
      ) : null}
    </>
  )
}
