import { Hono, type Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { FormState } from '../../../views/components/forms.tsx'
import { ChecklistPage } from '../../../views/synthesis/checklist.tsx'
import { CHECKLIST_ITEMS } from '../../domain/reporting/checklist-items.ts'
import { checklistTable } from '../../domain/reporting/checklist-table.ts'
import {
  CHECKLIST_ITEM_COUNTS,
  REPORTING_CHECKLISTS,
  type ReportingChecklist,
} from '../../domain/reporting/vocabulary.ts'
import { runForm } from '../../http/form-action.ts'
import type { ReviewEnv } from '../../http/env.ts'
import { pageContext } from '../../http/page-context.ts'
import { requireRole } from '../../http/review-access.ts'
import { checklistAnswersFrom } from '../../input/synthesis-checklist-input.ts'
import { checklistResponses, saveChecklist } from '../../store/synthesis-checklists.ts'
import { reviewNav } from './nav.ts'
import { actorId, canEditSynthesis, sendTable, synthesisPath } from './synthesis-common.tsx'

/** The eMERGe (19 items) and ENTREQ (21 items) checklists: one page and one form each. */
export const synthesisChecklistRoutes = new Hono<ReviewEnv>()

function checklistParam(c: Context<ReviewEnv>): ReportingChecklist {
  const name = c.req.param('checklist') ?? ''
  if (!(REPORTING_CHECKLISTS as readonly string[]).includes(name)) {
    throw new HTTPException(404, { message: 'Weft keeps the eMERGe and ENTREQ checklists; there is no other.' })
  }
  return name as ReportingChecklist
}

function storedValues(c: Context<ReviewEnv>, checklist: ReportingChecklist): Record<string, string> {
  const values: Record<string, string> = {}
  for (const [item, response] of checklistResponses(c.get('deps').db, c.get('review').id, checklist)) {
    values[`location-${item}`] = response.location
    values[`notes-${item}`] = response.notes
  }
  return values
}

function renderChecklist(
  c: Context<ReviewEnv>,
  checklist: ReportingChecklist,
  form: FormState,
  status: 200 | 409 | 422 = 200,
) {
  return c.render(
    <ChecklistPage
      page={pageContext(c.var)}
      nav={reviewNav(c, 'synthesis')}
      checklist={checklist}
      items={CHECKLIST_ITEMS[checklist]}
      canEdit={canEditSynthesis(c)}
      form={form}
    />,
    { status: status },
  )
}

synthesisChecklistRoutes.get('/:checklist', (c) => {
  const checklist = checklistParam(c)
  return renderChecklist(c, checklist, { values: storedValues(c, checklist), errors: {} })
})

synthesisChecklistRoutes.get('/:checklist/export/:format', (c) => {
  const checklist = checklistParam(c)
  return sendTable(
    c,
    checklistTable(checklist, checklistResponses(c.get('deps').db, c.get('review').id, checklist)),
    `${checklist}-checklist`,
  )
})

synthesisChecklistRoutes.post('/:checklist', requireRole('reviewer'), (c) => {
  const checklist = checklistParam(c)
  return runForm(
    c,
    synthesisPath(c, `/checklists/${checklist}`),
    (form, status) => renderChecklist(c, checklist, form, status),
    (values) => {
      const answers = checklistAnswersFrom(values, CHECKLIST_ITEM_COUNTS[checklist])
      if (!answers.ok) return { ok: false, form: answers }
      const changed = saveChecklist(
        c.get('deps').db,
        c.get('review').id,
        checklist,
        answers.value,
        actorId(c),
        c.get('deps').now(),
      )
      return { ok: true, done: changed === 0 ? 'Nothing changed.' : `Saved ${changed} item(s).` }
    },
  )
})
