import type { StageAgreement } from '../../src/domain/agreement/index.ts'
import { SCREENING_STAGE_LABELS, type ScreeningStage } from '../../src/domain/vocabulary.ts'
import { Layout, type ReviewNav } from '../layout.tsx'
import type { PageContext } from '../page.ts'
import { StageLinks, type StageLinksProps } from './stage-links.tsx'
import { ColumnHeadings } from '../components/column-headings.tsx'

export interface AgreementPageProps {
  page: PageContext
  nav: ReviewNav
  links: StageLinksProps
  base: string
  pilotOnly: boolean
  pilotActive: boolean
  stages: { stage: ScreeningStage; agreement: StageAgreement }[]
  names: Map<number, string>
}

const percent = (value: number | null) => (value === null ? '—' : `${value.toFixed(1)}%`)
const decimal = (value: number | null | undefined) => (value === null || value === undefined ? '—' : value.toFixed(2))

/** Inter-rater agreement per stage and reviewer pair (METHOD.md §7), for the pilot or for everything. */
export function AgreementPage(props: AgreementPageProps) {
  return (
    <Layout page={props.page} title='Agreement' review={props.nav}>
      <h1>Agreement between reviewers{props.pilotOnly ? ' — pilot sample' : ''}</h1>
      <StageLinks {...props.links} />
      <p>
        {props.pilotOnly ? (
          <a href={props.base}>Show all screened records</a>
        ) : (
          <a href={`${props.base}?pilot=1`}>Show the pilot sample only</a>
        )}
        {props.pilotActive ? ' · A pilot round is running.' : ''}
      </p>
      {props.stages.map(({ stage, agreement }) => (
        <section aria-labelledby={`agreement-${stage}`}>
          <h2 id={`agreement-${stage}`}>{SCREENING_STAGE_LABELS[stage]}</h2>
          {agreement.pairs.length === 0 ? (
            <p>No two reviewers have screened the same record yet.</p>
          ) : (
            <table class='agreement'>
              <ColumnHeadings
                headings={[
                  'Reviewers',
                  'Records',
                  'Both include',
                  'Only first includes',
                  'Only second includes',
                  'Both exclude',
                  'Agreement',
                  'Cohen’s κ (SE)',
                  'Landis & Koch',
                  'PABAK',
                ]}
              />
              <tbody>
                {agreement.pairs.map((pair) => (
                  <tr>
                    <td>
                      {props.names.get(pair.reviewerA) ?? `#${pair.reviewerA}`} ×{' '}
                      {props.names.get(pair.reviewerB) ?? `#${pair.reviewerB}`}
                    </td>
                    <td>{pair.n}</td>
                    <td>{pair.table.a}</td>
                    <td>{pair.table.b}</td>
                    <td>{pair.table.c}</td>
                    <td>{pair.table.d}</td>
                    <td>{percent(pair.percentAgreement)}</td>
                    <td>
                      {pair.kappa
                        ? `${decimal(pair.kappa.kappa)} (${decimal(pair.kappa.standardError)})`
                        : (pair.kappaUndefinedReason ?? '—')}
                    </td>
                    <td>{pair.kappa?.band ?? '—'}</td>
                    <td>{decimal(pair.pabak)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {agreement.multiRater ? (
            <p>
              {agreement.multiRater.reviewers} reviewers share records. Fleiss’ κ ={' '}
              {agreement.multiRater.fleiss.kappa === null
                ? agreement.multiRater.fleiss.reason
                : `${decimal(agreement.multiRater.fleiss.kappa)} (${agreement.multiRater.fleiss.band}; ${agreement.multiRater.fleiss.items} records with ${agreement.multiRater.fleiss.ratingsPerItem} votes each)`}
              . Krippendorff’s α ={' '}
              {agreement.multiRater.krippendorff.alpha === null
                ? agreement.multiRater.krippendorff.reason
                : `${decimal(agreement.multiRater.krippendorff.alpha)} (${agreement.multiRater.krippendorff.reading})`}
              .
            </p>
          ) : null}
          <p class='muted'>{agreement.maybeRule}</p>
        </section>
      ))}
    </Layout>
  )
}
