import { Hono, type Context } from 'hono'
import type { FormState } from '../../../views/components/forms.tsx'
import { HTTPException } from 'hono/http-exception'
import { ProgressBars, ScreeningPanel, type ScreeningPanelProps } from '../../../views/screening/card.tsx'
import { ScreeningPage } from '../../../views/screening/page.tsx'
import { ScreeningListPage } from '../../../views/screening/list.tsx'
import { VERDICT_DONE } from '../../../views/screening/labels.ts'
import { roleAtLeast, type ScreeningStage } from '../../domain/vocabulary.ts'
import type { ReviewEnv } from '../../http/env.ts'
import { afterChange, attempt, type Refused } from '../../http/form-action.ts'
import { flashInPanel, pageContext } from '../../http/page-context.ts'
import { wantsPartial } from '../../http/render.tsx'
import { requireRole, voteViewerOf } from '../../http/review-access.ts'
import { firstError, formValues, validate } from '../../input/form.ts'
import { listFilters, voteInput } from '../../input/screening-input.ts'
import { maySeeConflicts } from '../../domain/screening/blinding.ts'
import { isResolver } from '../../domain/screening/rules.ts'
import { reasonLabels, screeningCard, screeningProgress } from '../../store/screening-card.ts'
import { neighbourRecord } from '../../store/screening-queue.ts'
import { castVote, lastVotedRecord, withdrawVote } from '../../store/screening-votes.ts'
import { listStageRecords } from '../../store/screening-list.ts'
import { labelsOfRecords, reviewLabels } from '../../store/record-labels.ts'
import { listSources } from '../../store/sources.ts'
import { idParam, reviewNav, reviewPath } from './nav.ts'
import { afterParam, stageBase, stageOf } from './screening-params.ts'
import { recordLabelsProps } from './record-labels.tsx'

/**
 * Screening one record at a time. A vote is a plain form post answered by a redirect to the next
 * record; an htmx request gets the stored vote's notice and the next record in the same response.
 */
export const screeningRoutes = new Hono<ReviewEnv>()

interface PanelChoice {
  recordId: number | null
  fromQueue: boolean
  /** Leave the progress bars to their own request (the htmx answer to a vote). */
  lazyProgress?: boolean
  notice?: ScreeningPanelProps['notice']
}

function panelProps(c: Context<ReviewEnv>, stage: ScreeningStage, choice: PanelChoice): ScreeningPanelProps {
  const { db, ranking, highlighters } = c.get('deps')
  const review = c.get('review')
  const user = c.get('user')
  const role = c.get('role')
  const viewer = voteViewerOf(c)
  const card = choice.recordId === null ? null : screeningCard(db, review, stage, choice.recordId, viewer)
  const recordId = card?.record.id ?? null
  const lastVoted = lastVotedRecord(db, review.id, stage, user.id)
  return {
    base: stageBase(c, stage),
    stage,
    csrf: pageContext(c.var).csrf,
    card,
    progress: choice.lazyProgress ? null : screeningProgress(db, review.id, stage, viewer),
    canVote: roleAtLeast(role, 'reviewer') && card !== null && !card.outcome.resolved,
    notice: choice.notice,
    canUndo: roleAtLeast(role, 'reviewer') && lastVoted !== null,
    lastVotedId: lastVoted,
    previousId: recordId === null ? null : neighbourRecord(db, review.id, stage, recordId, 'previous'),
    nextId: recordId === null ? null : neighbourRecord(db, review.id, stage, recordId, 'next'),
    reasons: [...reasonLabels(db, review.id)].map(([id, label]) => ({ id, label })),
    highlight: highlighters.forReview(review),
    fromQueue: choice.fromQueue,
    pilot: review.pilotActive && stage === 'title_abstract',
    isResolver: isResolver(review, user.id, role),
    isOwner: role === 'owner',
    relevance: recordId === null ? null : ranking.relevanceNote(review, stage, user.id, recordId),
    labels: recordId === null ? null : recordLabelsProps(c, recordId, `${stageBase(c, stage)}/records/${recordId}`),
  }
}

function renderPanel(
  c: Context<ReviewEnv>,
  stage: ScreeningStage,
  choice: PanelChoice,
  status: 200 | 404 | 409 | 422 = 200,
) {
  const props = panelProps(c, stage, choice)
  // The flash belongs on the card, where the reviewer's eyes are.
  const shown = flashInPanel(c.var, props.notice)
  return c.render(
    <ScreeningPage
      {...props}
      {...shown}
      nav={reviewNav(c, 'screening')}
      links={{
        reviewBase: reviewPath(c),
        stage,
        current: 'screen',
        conflicts: props.progress?.conflicts ?? 0,
        seesConflicts: maySeeConflicts(voteViewerOf(c)),
        isOwner: c.get('role') === 'owner',
      }}
    />,
    { status, fragment: <ScreeningPanel {...props} notice={shown.notice} /> },
  )
}

function nextFor(c: Context<ReviewEnv>, stage: ScreeningStage, after: number): number | null {
  return c.get('deps').ranking.nextRecord({ review: c.get('review'), stage, reviewerId: c.get('user').id, after })
}

screeningRoutes.get('/', (c) => c.redirect(reviewPath(c, '/screening/title-abstract'), 303))

screeningRoutes.get('/:stage', (c) => {
  const stage = stageOf(c)
  return renderPanel(c, stage, { recordId: nextFor(c, stage, afterParam(c)), fromQueue: true })
})

screeningRoutes.get('/:stage/progress', (c) => {
  const stage = stageOf(c)
  const progress = screeningProgress(c.get('deps').db, c.get('review').id, stage, voteViewerOf(c))
  return c.render(<ProgressBars progress={progress} />)
})

screeningRoutes.get('/:stage/records/:recordId', (c) => {
  const stage = stageOf(c)
  const recordId = idParam(c, 'recordId')
  const props = panelProps(c, stage, { recordId, fromQueue: false })
  if (!props.card) throw new HTTPException(404, { message: `Record ${recordId} is not in this stage of the review.` })
  return renderPanel(c, stage, { recordId, fromQueue: false })
})

screeningRoutes.post('/:stage/records/:recordId/vote', requireRole('reviewer'), async (c) => {
  const stage = stageOf(c)
  const recordId = idParam(c, 'recordId')
  const body = formValues(await c.req.parseBody())
  // A refused vote keeps the card where it was in the queue: the next valid vote moves on from it.
  const fromQueue = body.stay !== '1'
  const input = validate(voteInput, body)
  const refused: Refused = (form, status) =>
    refuseOnCard(c, stage, recordId, status === 422 ? firstError(form.errors) : cardMessage(form), status, fromQueue)
  if (!input.ok) return refused(input, 422)
  const { db, now } = c.get('deps')
  const review = c.get('review')
  return attempt(body, refused, () => {
    castVote(db, {
      reviewId: review.id,
      recordId,
      stage,
      reviewerId: c.get('user').id,
      verdict: input.value.verdict,
      reasonId: input.value.reasonId,
      note: input.value.note,
      via: wantsPartial(c) ? 'keyboard' : 'web',
      at: now(),
    })
    const text = `${VERDICT_DONE[input.value.verdict]}: record ${recordId}.`
    const { stay } = input.value
    const to = stay ? `${stageBase(c, stage)}/records/${recordId}` : `${stageBase(c, stage)}?after=${recordId}`
    return afterChange(c, text, to, () =>
      renderPanel(c, stage, {
        recordId: stay ? recordId : nextFor(c, stage, recordId),
        fromQueue: !stay,
        notice: { text, refused: false },
        lazyProgress: true,
      }),
    )
  })
})

screeningRoutes.post('/:stage/undo', requireRole('reviewer'), (c) => {
  const stage = stageOf(c)
  const { db, now } = c.get('deps')
  const review = c.get('review')
  const reviewerId = c.get('user').id
  const recordId = lastVotedRecord(db, review.id, stage, reviewerId)
  if (recordId === null) return refuseOnCard(c, stage, null, 'You have no vote at this stage to undo.', 409)
  const refused: Refused = (form, status) => refuseOnCard(c, stage, recordId, cardMessage(form), status)
  return attempt({}, refused, () => {
    withdrawVote(db, { reviewId: review.id, recordId, stage, reviewerId, at: now() })
    const text = `Your vote on record ${recordId} was withdrawn; vote again when ready.`
    // fromQueue: once voted again, the reviewer carries on with the queue from here.
    return afterChange(c, text, `${stageBase(c, stage)}/records/${recordId}`, () =>
      renderPanel(c, stage, { recordId, fromQueue: true, notice: { text, refused: false } }),
    )
  })
})

/** The card shows one line: the store's message, whichever field it names. */
const cardMessage = (form: FormState) => Object.values(form.errors)[0] ?? 'Nothing was changed.'

/** A refused vote shows the same record again with the reason, so nothing the reviewer did is lost from view. */
export function refuseOnCard(
  c: Context<ReviewEnv>,
  stage: ScreeningStage,
  recordId: number | null,
  text: string,
  status: 409 | 422,
  fromQueue = false,
) {
  return renderPanel(c, stage, { recordId, fromQueue, notice: { text, refused: true } }, status)
}

const LIST_PAGE_SIZE = 50

screeningRoutes.get('/:stage/list', (c) => {
  const stage = stageOf(c)
  const { db } = c.get('deps')
  const review = c.get('review')
  const viewer = voteViewerOf(c)
  const seesOthers = maySeeConflicts(viewer)
  const filters = listFilters(c.req.query())
  const page = listStageRecords(db, {
    review,
    stage,
    viewer,
    filters,
    after: afterParam(c),
    limit: LIST_PAGE_SIZE,
  })
  const query = new URLSearchParams(
    Object.entries(c.req.query()).filter(([key, value]) => key !== 'after' && value !== ''),
  ).toString()
  return c.render(
    <ScreeningListPage
      page={pageContext(c.var)}
      nav={reviewNav(c, 'screening')}
      links={{
        reviewBase: reviewPath(c),
        stage,
        current: 'list',
        conflicts: 0,
        seesConflicts: seesOthers,
        isOwner: c.get('role') === 'owner',
      }}
      stage={stage}
      base={stageBase(c, stage)}
      filters={filters}
      seesOthers={seesOthers}
      sources={listSources(db, review.id).map((source) => ({ id: source.id, name: source.name }))}
      labelChoices={reviewLabels(db, review.id)}
      labels={labelsOfRecords(
        db,
        review.id,
        page.rows.map((row) => row.id),
      )}
      {...page}
      query={query}
    />,
  )
})
