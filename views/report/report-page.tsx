import type { PrismaCounts } from '../../src/domain/prisma/counts.ts'
import { formatCount } from '../../src/domain/prisma/format.ts'
import type { PrismaSourceFact } from '../../src/domain/prisma/facts.ts'
import { CITATION_STYLES, CITATION_STYLE_LABELS } from '../../src/domain/formats/cite-export.ts'
import { PRISMA_TEMPLATE_LABELS, SOURCE_KIND_LABELS } from '../../src/domain/vocabulary.ts'
import { Layout, type ReviewNav } from '../layout.tsx'
import type { PageContext } from '../page.ts'
import { PrismaFlowDiagram } from '../prisma/flow-diagram.tsx'

export interface ReportPageProps {
  page: PageContext
  nav: ReviewNav
  counts: PrismaCounts
  sources: readonly PrismaSourceFact[]
  /** /reviews/:slug/report */
  base: string
}

/**
 * The review's Report page: the PRISMA 2020 diagram as it stands (computed, never typed), what is still
 * open in plain words, the records per search, and every download a reviewer hands on.
 */
export function ReportPage(props: ReportPageProps) {
  const { counts, base } = props
  return (
    <Layout page={props.page} title='Report' review={props.nav}>
      {/* A stylesheet link in the body is valid HTML; the layout's head is shared by every page. */}
      <link rel='stylesheet' href={`${base}/report.css`} />
      <h1 class='page-heading'>Report</h1>
      <section aria-labelledby='prisma-heading'>
        <h2 id='prisma-heading'>PRISMA 2020 flow diagram</h2>
        <p class='muted'>
          {PRISMA_TEMPLATE_LABELS[counts.template]} (change it in the{' '}
          <a href={base.replace(/\/report$/, '/protocol')}>protocol</a>). Every number is counted from the review's
          records, votes and reports.
        </p>
        <Status counts={counts} />
        <div class='prisma-diagram' id='prisma-diagram'>
          <PrismaFlowDiagram counts={counts} />
        </div>
        <p class='downloads'>
          Download the diagram: <a href={`${base}/diagram.svg`}>SVG</a> · <a href={`${base}/diagram.png`}>PNG</a> ·{' '}
          <a href={`${base}/print`}>PDF (print page)</a> · the numbers as <a href={`${base}/prisma.json`}>JSON</a> or as
          the <a href={`${base}/prisma.csv`}>PRISMA2020 Shiny app's CSV</a>
        </p>
      </section>
      <SourcesTable sources={props.sources} />
      <Exports base={base} />
    </Layout>
  )
}

/** The consistency result in words: what is open, what disagrees, what the template cannot show. */
function Status({ counts }: { counts: PrismaCounts }) {
  const { consistency } = counts
  return (
    <div class='prisma-status' data-status={consistency.status}>
      {consistency.status === 'complete' ? (
        <p class='notice'>Complete: every stage is finished and every PRISMA equation holds.</p>
      ) : null}
      {consistency.pending.length > 0 ? (
        <div class='notice'>
          <p>Provisional: the review is not finished, so these numbers will change.</p>
          <ul>
            {consistency.pending.map((work) => (
              <li>{work.text}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {consistency.problems.length > 0 ? (
        <div class='error-summary' role='alert'>
          <p>These counts disagree with each other:</p>
          <ul>
            {consistency.problems.map((problem) => (
              <li>{problem}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {consistency.notes.map((note) => (
        <p class='muted'>{note}</p>
      ))}
    </div>
  )
}

/** Records identified per search (footnote * of the template), duplicates included. */
function SourcesTable({ sources }: { sources: readonly PrismaSourceFact[] }) {
  return (
    <section aria-labelledby='sources-heading'>
      <h2 id='sources-heading'>Records per search</h2>
      {sources.length === 0 ? (
        <p class='empty'>No searches in the search log yet.</p>
      ) : (
        <table class='prisma-sources'>
          <thead>
            <tr>
              <th>Source</th>
              <th>Kind</th>
              <th class='number'>Records identified</th>
            </tr>
          </thead>
          <tbody>
            {sources.map((source) => (
              <tr>
                <td>{source.name}</td>
                <td>{SOURCE_KIND_LABELS[source.kind]}</td>
                <td class='number'>{formatCount(source.identified)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}

const REFERENCE_SETS = [
  ['records', 'Records (after deduplication)'],
  ['included', 'Included reports'],
  ['studies', 'Included studies (one reference each)'],
] as const

function Exports({ base }: { base: string }) {
  const link = (what: string, format: string, label: string, style?: string) => (
    <a href={`${base}/export?what=${what}&format=${format}${style ? `&style=${style}` : ''}`}>{label}</a>
  )
  return (
    <section aria-labelledby='exports-heading' class='exports'>
      <h2 id='exports-heading'>Exports</h2>
      <table>
        <thead>
          <tr>
            <th>What</th>
            <th>Reference manager files</th>
            <th>Reference list (HTML · text)</th>
          </tr>
        </thead>
        <tbody>
          {REFERENCE_SETS.map(([what, label]) => (
            <tr>
              <th>{label}</th>
              <td>
                {link(what, 'ris', 'RIS')} · {link(what, 'bibtex', 'BibTeX')} · {link(what, 'csljson', 'CSL-JSON')} ·{' '}
                {link(what, 'csv', 'CSV')}
              </td>
              <td>
                {CITATION_STYLES.map((style, index) => (
                  <>
                    {index > 0 ? <br /> : null}
                    {CITATION_STYLE_LABELS[style]}: {link(what, 'html', 'HTML', style)} ·{' '}
                    {link(what, 'text', 'text', style)}
                  </>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ul>
        <li>
          Records identified, duplicates included (each says which record it duplicates):{' '}
          {link('identified', 'csv', 'CSV for Excel')}
        </li>
        <li>
          Screening decisions, every vote ever cast with who, when, reason and note (a column says which count now;
          under blind screening, others’ votes on undecided records are left out):{' '}
          {link('decisions', 'csv', 'CSV for Excel')}
        </li>
        <li>
          Search log as a PRISMA-S table: {link('search-log', 'csv', 'CSV')} · {link('search-log', 'html', 'HTML')}
        </li>
      </ul>
    </section>
  )
}
