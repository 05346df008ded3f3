import type { Review } from '../../db/schema.ts'
import { REVIEW_STAGES, STAGE_DESCRIPTIONS, type ReviewStage, type StageCounts } from '../../src/domain/review-stages.ts'
import { PRISMA_TEMPLATE_LABELS } from '../../src/domain/vocabulary.ts'
import { Layout, type ReviewNav } from '../layout.tsx'
import type { PageContext } from '../page.ts'

export interface DashboardProps {
  page: PageContext
  nav: ReviewNav
  review: Review
  stageCounts: StageCounts
  currentStage: ReviewStage | null
  /** Pages that exist for a stage; a stage without one shows its count only. */
  stageLinks: Partial<Record<ReviewStage, string>>
  sourceCount: number
  memberCount: number
}

function StageRow(props: { stage: ReviewStage; count: number; current: boolean; href: string | undefined }) {
  const { label, counts } = STAGE_DESCRIPTIONS[props.stage]
  return (
    <li class={props.current ? 'stage current' : 'stage'} data-stage={props.stage}>
      <span class='stage-name'>{props.href ? <a href={props.href}>{label}</a> : label}</span>
      <span class='stage-count'>
        <strong>{props.count.toLocaleString('en')}</strong> {counts}
      </span>
      {props.current ? <span class='badge'>next</span> : null}
    </li>
  )
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
            {props.sourceCount} {props.sourceCount === 1 ? 'source' : 'sources'}
          </a>
        </dd>
      </dl>
      <h2>Where the review stands</h2>
      <ol class='stages'>
        {REVIEW_STAGES.map((stage) => (
          <StageRow
            stage={stage}
            count={props.stageCounts[stage]}
            current={stage === props.currentStage}
            href={props.stageLinks[stage]}
          />
        ))}
      </ol>
    </Layout>
  )
}
