import type { Review } from '../../db/schema.ts'
import {
  REVIEW_STAGES,
  STAGE_DESCRIPTIONS,
  STAGE_PROGRESS_WORDS,
  type PersonalTodo,
  type ReviewStage,
  type StageCounts,
  type StageProgress,
  type StageProgressMap,
} from '../../src/domain/review-stages.ts'
import type { IdentificationCounts, IdentificationSummary } from '../../src/domain/identification.ts'
import { PRISMA_TEMPLATE_LABELS } from '../../src/domain/vocabulary.ts'
import { Layout, type ReviewNav } from '../layout.tsx'
import type { PageContext } from '../page.ts'
import { TodoPanel } from './todo.tsx'

export interface DashboardProps {
  page: PageContext
  nav: ReviewNav
  review: Review
  stageCounts: StageCounts
  /** Each stage's count beside what it has to get through (12 of 16 records screened). */
  stageProgress: StageProgressMap
  currentStage: ReviewStage | null
  /** The stage the team is working through now (stageAtWork). */
  atWork: ReviewStage | null
  /** What waits for the person looking; null for a viewer. */
  todo: PersonalTodo | null
  /** Pages that exist for a stage; a stage without one shows its count only. */
  stageLinks: Partial<Record<ReviewStage, string>>
  identification: IdentificationCounts
  identificationSummary: IdentificationSummary
  /** Records at title/abstract without a final verdict (PRISMA's open screening work). */
  recordsLeftToScreen: number
  memberCount: number
}

/** Records identified per source and what deduplication did: the PRISMA identification boxes. */
function IdentificationPanel(props: {
  base: string
  counts: IdentificationCounts
  summary: IdentificationSummary
  recordsLeftToScreen: number
}) {
  const { counts, summary } = props
  if (summary.identified === 0) {
    return (
      <p class='empty'>
        No records yet. <a href={`${props.base}/imports`}>Import</a> the results of each search in the search log.
      </p>
    )
  }
  return (
    <section class='identification'>
      <table>
        <thead>
          <tr>
            <th>Source</th>
            <th class='number'>Records identified</th>
          </tr>
        </thead>
        <tbody>
          {counts.perSource.map((source) => (
            <tr>
              <td>{source.name}</td>
              <td class='number'>{source.records.toLocaleString('en')}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th>Total identified</th>
            <td class='number'>{summary.identified.toLocaleString('en')}</td>
          </tr>
          <tr>
            <th>Duplicates removed automatically</th>
            <td class='number'>{summary.removedAutomatically.toLocaleString('en')}</td>
          </tr>
          <tr>
            <th>Duplicates removed by a reviewer</th>
            <td class='number'>{summary.removedByReviewer.toLocaleString('en')}</td>
          </tr>
          <tr>
            <th>Records after deduplication</th>
            <td class='number'>{summary.recordsAfterDeduplication.toLocaleString('en')}</td>
          </tr>
          <tr>
            <th>Records left to screen</th>
            <td class='number'>
              <strong>{props.recordsLeftToScreen.toLocaleString('en')}</strong>
            </td>
          </tr>
        </tfoot>
      </table>
      {summary.pendingPairs > 0 ? (
        <p>
          <a href={`${props.base}/duplicates`}>
            {summary.pendingPairs.toLocaleString('en')} possible duplicate{' '}
            {summary.pendingPairs === 1 ? 'pair waits' : 'pairs wait'} for a reviewer
          </a>
        </p>
      ) : null}
      {summary.flaggedRecords > 0 ? (
        <p class='muted'>
          {summary.flaggedRecords.toLocaleString('en')} records have no title and are flagged for a look.
        </p>
      ) : null}
    </section>
  )
}

function StageRow(props: {
  stage: ReviewStage
  count: number
  progress: StageProgress | undefined
  badge: string | null
  href: string | undefined
}) {
  const { label, counts } = STAGE_DESCRIPTIONS[props.stage]
  const { progress } = props
  const words = STAGE_PROGRESS_WORDS[props.stage]
  return (
    <li class={props.badge ? 'stage current' : 'stage'} data-stage={props.stage}>
      <span class='stage-name'>{props.href ? <a href={props.href}>{label}</a> : label}</span>
      {progress && words && progress.of > 0 ? (
        <span class='stage-count'>
          <strong>{progress.done.toLocaleString('en')}</strong> of {progress.of.toLocaleString('en')} {words}
          <progress max={progress.of} value={progress.done} aria-hidden='true' />
        </span>
      ) : (
        <span class='stage-count'>
          <strong>{props.count.toLocaleString('en')}</strong> {counts}
        </span>
      )}
      {props.badge ? <span class='badge'>{props.badge}</span> : null}
    </li>
  )
}

/** The badge of a stage row: the stage under way, or the next to begin. */
function badgeOf(props: DashboardProps, stage: ReviewStage): string | null {
  if (stage === props.atWork) return props.atWork === props.currentStage ? 'next' : 'under way'
  return null
}

export function DashboardPage(props: DashboardProps) {
  const { review } = props
  const base = `/reviews/${review.slug}`
  return (
    <Layout page={props.page} title='Dashboard' review={props.nav}>
      <h1>{review.title}</h1>
      {review.question ? <p class='question'>{review.question}</p> : null}
      <dl class='facts'>
        <dt>Registration</dt>
        <dd>{review.registrationId || 'not registered yet'}</dd>
        <dt>PRISMA 2020 template</dt>
        <dd>{PRISMA_TEMPLATE_LABELS[review.prismaTemplate]}</dd>
        <dt>Screening</dt>
        <dd>
          {review.reviewersPerRecord === 2 ? 'Two reviewers per record' : 'One reviewer per record'}
          {review.blindScreening ? ', blind' : ', votes visible'}
        </dd>
        <dt>Team</dt>
        <dd>
          <a href={`${base}/members`}>
            {props.memberCount} {props.memberCount === 1 ? 'member' : 'members'}
          </a>
        </dd>
        <dt>Search log</dt>
        <dd>
          <a href={`${base}/sources`}>
            {props.identification.perSource.length} {props.identification.perSource.length === 1 ? 'source' : 'sources'}
          </a>
        </dd>
      </dl>
      {props.todo ? <TodoPanel todo={props.todo} base={base} /> : null}
      <h2>Identification</h2>
      <IdentificationPanel
        base={base}
        counts={props.identification}
        summary={props.identificationSummary}
        recordsLeftToScreen={props.recordsLeftToScreen}
      />
      <h2>Where the review stands</h2>
      <ol class='stages'>
        {REVIEW_STAGES.map((stage) => (
          <StageRow
            stage={stage}
            count={props.stageCounts[stage]}
            progress={props.stageProgress[stage]}
            badge={badgeOf(props, stage)}
            href={props.stageLinks[stage]}
          />
        ))}
      </ol>
    </Layout>
  )
}
