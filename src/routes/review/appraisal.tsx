import { Hono, type Context } from 'hono'
import { AppraisalMatrix } from '../../../views/appraisal/matrix.tsx'
import { AppraisalOverviewPage } from '../../../views/appraisal/overview.tsx'
import { sheetValues } from '../../../views/appraisal/sheet.tsx'
import { StudyAppraisalPage } from '../../../views/appraisal/study-appraisal.tsx'
import { emptyForm, type FormState } from '../../../views/components/forms.tsx'
import { consensusStart, differingItems } from '../../domain/appraisal/answers.ts'
import { appraiserPlace, bothFinished, mayRecordConsensus, mayReopen } from '../../domain/appraisal/blinding.ts'
import { countAnswers, matrixRow } from '../../domain/appraisal/matrix.ts'
import { ANSWER_MARKS, TOOLS } from '../../domain/appraisal/tools.ts'
import { roleAtLeast } from '../../domain/vocabulary.ts'
import { appraisalChoicesInput, exclusionInput, validateSheet } from '../../input/appraisal-input.ts'
import { validate, type FormValues } from '../../input/form.ts'
import { afterChange, type FormOutcome, type RefusalStatus, runForm, submitForm } from '../../http/form-action.ts'
import type { ReviewEnv } from '../../http/env.ts'
import { pageContext } from '../../http/page-context.ts'
import { requireRole } from '../../http/review-access.ts'
import {
  independentStates,
  recordConsensus,
  reopenOwnAppraisal,
  saveOwnAppraisal,
  studyAppraisals,
} from '../../store/appraisals.ts'
import { excludeStudyAfterAppraisal, reinstateStudy } from '../../store/appraisals-exclusion.ts'
import { getAppraisalSettings, saveAppraisalChoices } from '../../store/appraisals-settings.ts'
import { appraisalOverview } from '../../store/appraisals-summary.ts'
import { fullTextOf, requireIncludedStudy } from '../../store/included-studies.ts'
import { csvDownload, htmlDownload } from './appraisal-export.tsx'
import { idParam, reviewNav, reviewPath } from './nav.ts'

/**
 * Quality appraisal: the overview with the study × item matrix, each study's appraisal page (own sheet,
 * comparison, consensus, exclusion), the owners' settings, and the matrix as CSV and HTML.
 */
export const appraisalRoutes = new Hono<ReviewEnv>()

function summary(c: Context<ReviewEnv>) {
  const { db } = c.get('deps')
  const settings = getAppraisalSettings(db, c.get('review').id)
  const tool = TOOLS[settings.tool]
  const rows = appraisalOverview(db, c.get('review').id, settings.tool)
  const counts = countAnswers(
    tool,
    rows.flatMap((row) => (row.consensus ? [row.consensus.answers] : [])),
  )
  return { settings, tool, rows, counts }
}

function renderOverview(c: Context<ReviewEnv>, settingsForm: FormState | null, status: 200 | RefusalStatus) {
  const { settings, tool, rows, counts } = summary(c)
  const defaults = { values: { tool: settings.tool, judgementLevels: settings.judgementLevels.join('\n') }, errors: {} }
  return c.render(
    <AppraisalOverviewPage
      page={pageContext(c.var)}
      nav={reviewNav(c, 'appraisal')}
      tool={tool}
      judgementLevels={settings.judgementLevels}
      rows={rows}
      counts={counts}
      viewerId={c.get('user').id}
      isOwner={roleAtLeast(c.get('role'), 'owner')}
      settingsForm={settingsForm ?? defaults}
    />,
    { status: status },
  )
}

appraisalRoutes.get('/', (c) => renderOverview(c, null, 200))

appraisalRoutes.post('/settings', requireRole('owner'), (c) =>
  submitForm(
    c,
    appraisalChoicesInput,
    (form, status) => renderOverview(c, form, status),
    (input) => {
      saveAppraisalChoices(c.get('deps').db, c.get('review').id, input, c.get('user').id, c.get('deps').now())
      return afterChange(c, 'Appraisal settings saved.', reviewPath(c, '/appraisal'))
    },
  ),
)

appraisalRoutes.get('/matrix.csv', (c) => {
  const { settings, tool, rows, counts } = summary(c)
  const header = [
    'Study',
    ...tool.items.map((item) => `Q${item.code.slice(1)}`),
    'Overall judgement',
    'Rationale',
    'Status',
  ]
  const body = rows.map(({ study, consensus }) => [
    study.label,
    ...(consensus ? matrixRow(tool, consensus.answers) : tool.items.map(() => '')),
    consensus?.overallJudgement ?? '',
    consensus?.overallRationale ?? '',
    study.exclusion
      ? `Excluded after appraisal: ${study.exclusion.reason}`
      : consensus
        ? 'Consensus'
        : 'No consensus yet',
  ])
  const countRows = tool.answers.map((answer) => [
    `Count ${ANSWER_MARKS[answer]}`,
    ...tool.items.map((item) => counts[item.code]?.[answer] ?? 0),
  ])
  return csvDownload(c, `appraisal-${settings.tool}`, header, [...body, ...countRows])
})

appraisalRoutes.get('/matrix.html', (c) => {
  const { settings, tool, rows, counts } = summary(c)
  return htmlDownload(
    c,
    `appraisal-${settings.tool}`,
    `Quality appraisal (${tool.name})`,
    <AppraisalMatrix tool={tool} rows={rows} counts={counts} withJudgement={settings.judgementLevels.length > 0} />,
  )
})

interface StudyForms {
  own?: FormState
  consensus?: FormState
  exclusion?: FormState
}

function renderStudy(c: Context<ReviewEnv>, forms: StudyForms, status: 200 | RefusalStatus) {
  const { db } = c.get('deps')
  const reviewId = c.get('review').id
  const userId = c.get('user').id
  const study = requireIncludedStudy(db, reviewId, idParam(c, 'studyId'))
  const settings = getAppraisalSettings(db, reviewId)
  const tool = TOOLS[settings.tool]
  const { independent, consensus } = studyAppraisals(db, reviewId, study.id, settings.tool)
  const states = independentStates(independent)
  const own = independent.find((sheet) => sheet.appraiserId === userId) ?? null
  const [first, second] = independent
  const comparison =
    bothFinished(states) && first && second
      ? {
          sheets: [first, second].map((sheet) => ({
            name: sheet.appraiserId === userId ? 'You' : (sheet.appraiserName ?? 'Former member'),
            sheet,
          })),
          differing: differingItems(tool, first.answers, second.answers),
        }
      : null
  const isOwner = roleAtLeast(c.get('role'), 'owner')
  const startConsensus = consensus ?? (first && second && comparison ? consensusStart(tool, first, second) : null)
  return c.render(
    <StudyAppraisalPage
      page={pageContext(c.var)}
      nav={reviewNav(c, 'appraisal')}
      study={study}
      fullText={fullTextOf(study) ?? null}
      tool={tool}
      judgementLevels={settings.judgementLevels}
      canWrite={roleAtLeast(c.get('role'), 'reviewer')}
      isOwner={isOwner}
      place={appraiserPlace(states, userId)}
      own={own}
      appraisers={independent.map((sheet) => ({
        name: sheet.appraiserName,
        finished: sheet.finishedAt !== null,
        isYou: sheet.appraiserId === userId,
      }))}
      comparison={comparison}
      consensus={consensus}
      mayReopen={mayReopen(states, userId)}
      mayRecordConsensus={mayRecordConsensus(states, userId, isOwner)}
      ownForm={forms.own ?? { values: sheetValues(own), errors: {} }}
      consensusForm={forms.consensus ?? { values: sheetValues(startConsensus), errors: {} }}
      exclusionForm={forms.exclusion ?? emptyForm}
    />,
    { status: status },
  )
}

appraisalRoutes.get('/:studyId', (c) => renderStudy(c, {}, 200))

/**
 * One change on a study's page: run it, then redirect back with `done` as the flash; a refusal re-renders
 * the page with the message at the form it came from.
 */
function studyAction(c: Context<ReviewEnv>, form: keyof StudyForms, run: (values: FormValues) => FormOutcome) {
  return runForm(
    c,
    reviewPath(c, `/appraisal/${idParam(c, 'studyId')}`),
    (refused, status) => renderStudy(c, { [form]: refused }, status),
    run,
  )
}

function sheetContext(c: Context<ReviewEnv>) {
  const { db, now } = c.get('deps')
  const reviewId = c.get('review').id
  const studyId = idParam(c, 'studyId')
  requireIncludedStudy(db, reviewId, studyId)
  const settings = getAppraisalSettings(db, reviewId)
  return { db, now: now(), reviewId, studyId, settings, tool: TOOLS[settings.tool], userId: c.get('user').id }
}

appraisalRoutes.post('/:studyId', requireRole('reviewer'), (c) =>
  studyAction(c, 'own', (values) => {
    const { db, now, reviewId, studyId, settings, tool, userId } = sheetContext(c)
    const input = validateSheet(tool, settings.judgementLevels, values)
    if (!input.ok) return { ok: false, form: input }
    saveOwnAppraisal(db, {
      reviewId,
      studyId,
      tool: settings.tool,
      appraiserId: userId,
      sheet: input.value.sheet,
      finish: input.value.finish,
      now,
    })
    return { ok: true, done: input.value.finish ? 'Appraisal finished.' : 'Draft saved.' }
  }),
)

appraisalRoutes.post('/:studyId/reopen', requireRole('reviewer'), (c) =>
  studyAction(c, 'own', () => {
    const { db, now, reviewId, studyId, settings, userId } = sheetContext(c)
    reopenOwnAppraisal(db, reviewId, studyId, settings.tool, userId, now)
    return { ok: true, done: 'Your appraisal is open again.' }
  }),
)

appraisalRoutes.post('/:studyId/consensus', requireRole('reviewer'), (c) =>
  studyAction(c, 'consensus', (values) => {
    const { db, now, reviewId, studyId, settings, tool, userId } = sheetContext(c)
    const input = validateSheet(tool, settings.judgementLevels, values)
    if (!input.ok) return { ok: false, form: input }
    const actorIsOwner = roleAtLeast(c.get('role'), 'owner')
    recordConsensus(db, {
      reviewId,
      studyId,
      tool: settings.tool,
      actorId: userId,
      actorIsOwner,
      sheet: input.value.sheet,
      now,
    })
    return { ok: true, done: 'Consensus saved.' }
  }),
)

appraisalRoutes.post('/:studyId/exclude', requireRole('owner'), (c) =>
  studyAction(c, 'exclusion', (values) => {
    const { db, now, reviewId, studyId, userId } = sheetContext(c)
    const input = validate(exclusionInput, values)
    if (!input.ok) return { ok: false, form: input }
    excludeStudyAfterAppraisal(db, reviewId, studyId, input.value.reason, userId, now)
    return { ok: true, done: 'Study excluded after appraisal.' }
  }),
)

appraisalRoutes.post('/:studyId/reinstate', requireRole('owner'), (c) =>
  studyAction(c, 'exclusion', () => {
    const { db, reviewId, studyId, userId } = sheetContext(c)
    reinstateStudy(db, reviewId, studyId, userId)
    return { ok: true, done: 'Study reinstated.' }
  }),
)
