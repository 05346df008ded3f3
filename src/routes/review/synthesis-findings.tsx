import { Hono, type Context } from 'hono'
import { emptyForm, type FormState } from '../../../views/components/forms.tsx'
import { FindingPage, findingFormValues, FindingsPage } from '../../../views/synthesis/findings.tsx'
import { assessmentProblems } from '../../domain/cerqual/assessment.ts'
import { appraisalLines, evidenceProfile, soqfTable } from '../../domain/cerqual/tables.ts'
import { chainOf } from '../../domain/synthesis/chain.ts'
import { runForm } from '../../http/form-action.ts'
import type { ReviewEnv } from '../../http/env.ts'
import { pageContext } from '../../http/page-context.ts'
import { requireRole } from '../../http/review-access.ts'
import { assessmentFrom, findingFrom } from '../../input/synthesis-cerqual-input.ts'
import {
  addFinding,
  appraisalSummaryByStudy,
  assessmentOf,
  deleteFinding,
  findFinding,
  findingsForTables,
  listFindings,
  saveFinding,
} from '../../store/cerqual-findings.ts'
import { readLineOfArgument } from '../../store/synthesis-line-of-argument.ts'
import { loadSynthesisSnapshot } from '../../store/synthesis-snapshot.ts'
import { idParam, reviewNav } from './nav.ts'
import { actorId, canEditSynthesis, sendTable, synthesisPath } from './synthesis-common.tsx'

export const synthesisFindingRoutes = new Hono<ReviewEnv>()

function tables(c: Context<ReviewEnv>) {
  const { db } = c.get('deps')
  const reviewId = c.get('review').id
  const snapshot = loadSynthesisSnapshot(db, reviewId)
  const findings = findingsForTables(db, reviewId, snapshot)
  return {
    snapshot,
    findings,
    soqf: soqfTable(findings),
    profile: evidenceProfile(findings, appraisalSummaryByStudy(db, reviewId)),
  }
}

function renderList(c: Context<ReviewEnv>, form: FormState, status: 200 | 409 | 422 = 200) {
  const { snapshot, soqf, profile } = tables(c)
  return c.render(
    <FindingsPage
      page={pageContext(c.var)}
      nav={reviewNav(c, 'synthesis')}
      base={synthesisPath(c)}
      canEdit={canEditSynthesis(c)}
      findings={listFindings(c.get('deps').db, c.get('review').id)}
      thirdOrders={snapshot.thirdOrders}
      soqf={soqf}
      profile={profile}
      form={form}
    />,
    { status: status },
  )
}

function renderFinding(c: Context<ReviewEnv>, form: FormState | null, status: 200 | 409 | 422 = 200) {
  const { db } = c.get('deps')
  const reviewId = c.get('review').id
  const finding = findFinding(db, reviewId, idParam(c, 'findingId'))
  const { snapshot, findings } = tables(c)
  const number = listFindings(db, reviewId).findIndex((row) => row.id === finding.id) + 1
  const roots =
    finding.basis === 'third_order' && finding.thirdOrderId !== null
      ? [finding.thirdOrderId]
      : readLineOfArgument(db, reviewId).nodes.map((node) => node.thirdOrderId)
  const assessment = assessmentOf(finding)
  const row = findings[number - 1]
  return c.render(
    <FindingPage
      page={pageContext(c.var)}
      nav={reviewNav(c, 'synthesis')}
      base={synthesisPath(c)}
      canEdit={canEditSynthesis(c)}
      number={number}
      finding={finding}
      assessment={assessment}
      thirdOrders={snapshot.thirdOrders}
      chain={chainOf(snapshot, roots)}
      appraisalLines={row ? appraisalLines(row, appraisalSummaryByStudy(db, reviewId)) : []}
      warnings={assessmentProblems(assessment).warnings}
      form={form ?? { values: findingFormValues(finding, assessment), errors: {} }}
    />,
    { status: status },
  )
}

synthesisFindingRoutes.get('/', (c) => renderList(c, emptyForm))
synthesisFindingRoutes.get('/soqf/:format', (c) => sendTable(c, tables(c).soqf, 'cerqual-soqf'))
synthesisFindingRoutes.get('/evidence-profile/:format', (c) =>
  sendTable(c, tables(c).profile, 'cerqual-evidence-profile'),
)
synthesisFindingRoutes.get('/:findingId', (c) => renderFinding(c, null))

synthesisFindingRoutes.post('/', requireRole('reviewer'), (c) =>
  runForm(
    c,
    synthesisPath(c, '/findings'),
    (form, status) => renderList(c, form, status),
    (values) => {
      const input = findingFrom(values)
      if (!input.ok) return { ok: false, form: input }
      const finding = addFinding(c.get('deps').db, c.get('review').id, input.value, actorId(c))
      return { ok: true, done: 'Finding added: now assess it.', to: synthesisPath(c, `/findings/${finding.id}`) }
    },
  ),
)

synthesisFindingRoutes.post('/:findingId', requireRole('reviewer'), (c) => {
  const path = synthesisPath(c, `/findings/${idParam(c, 'findingId')}`)
  return runForm(
    c,
    path,
    (form, status) => renderFinding(c, form, status),
    (values) => {
      const finding = findingFrom(values)
      if (!finding.ok) return { ok: false, form: finding }
      const assessment = assessmentFrom(values)
      if (!assessment.ok) return { ok: false, form: assessment }
      const problems = assessmentProblems(assessment.value)
      if (Object.keys(problems.errors).length > 0) return { ok: false, form: { values, errors: problems.errors } }
      saveFinding(
        c.get('deps').db,
        c.get('review').id,
        idParam(c, 'findingId'),
        finding.value,
        assessment.value,
        actorId(c),
        c.get('deps').now(),
      )
      return { ok: true, done: 'CERQual assessment saved.' }
    },
  )
})

synthesisFindingRoutes.post('/:findingId/delete', requireRole('reviewer'), (c) =>
  runForm(
    c,
    synthesisPath(c, '/findings'),
    (form, status) => renderList(c, form, status),
    () => {
      deleteFinding(c.get('deps').db, c.get('review').id, idParam(c, 'findingId'), actorId(c))
      return { ok: true, done: 'Finding deleted.' }
    },
  ),
)
