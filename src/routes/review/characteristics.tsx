import { Hono, type Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ExtractionField } from '../../../db/schema.ts'
import type { FormState } from '../../../views/components/forms.tsx'
import { CharacteristicsPage } from '../../../views/extraction/characteristics-page.tsx'
import { CharacteristicsTable } from '../../../views/extraction/characteristics-table.tsx'
import { FormDesignerPage, type FormDesignerProps } from '../../../views/extraction/form-designer.tsx'
import { StudyExtractionPage } from '../../../views/extraction/study-extraction.tsx'
import { displayValue } from '../../domain/extraction/values.ts'
import { roleAtLeast } from '../../domain/vocabulary.ts'
import {
  dualExtractionInput,
  fieldEditInput,
  fieldInput,
  fieldName,
  formLists,
  validateValues,
} from '../../input/extraction-input.ts'
import { validate, type FormValues } from '../../input/form.ts'
import { moveInput } from '../../input/construct-input.ts'
import {
  afterChange,
  attempt,
  type FormOutcome,
  type RefusalStatus,
  runForm,
  submitForm,
} from '../../http/form-action.ts'
import type { ReviewEnv } from '../../http/env.ts'
import { pageContext } from '../../http/page-context.ts'
import { requireRole } from '../../http/review-access.ts'
import { getAppraisalSettings, saveDualExtraction } from '../../store/appraisals-settings.ts'
import {
  characteristicsTable,
  saveConsensusValues,
  saveExtractorValues,
  saveStudyValues,
  studyExtraction,
} from '../../store/extraction.ts'
import type { FieldValues } from '../../domain/extraction/extracted.ts'
import {
  activeFields,
  addDefaultFields,
  addExtractionField,
  archiveExtractionField,
  editExtractionField,
  listExtractionFields,
  moveExtractionField,
  requireExtractionField,
  restoreExtractionField,
} from '../../store/extraction-fields.ts'
import { fullTextOf, listIncludedStudies, requireIncludedStudy } from '../../store/included-studies.ts'
import { csvDownload, htmlDownload } from './appraisal-export.tsx'
import { idParam, reviewNav, reviewPath } from './nav.ts'

/**
 * Study characteristics: the table of included studies, the owners' form designer, each study's
 * extraction (single or dual, with consensus), and the table as CSV and HTML.
 */
export const characteristicsRoutes = new Hono<ReviewEnv>()

characteristicsRoutes.get('/', (c) => {
  const { db } = c.get('deps')
  const reviewId = c.get('review').id
  const { fields, rows } = characteristicsTable(db, reviewId)
  return c.render(
    <CharacteristicsPage
      page={pageContext(c.var)}
      nav={reviewNav(c, 'characteristics')}
      fields={fields}
      rows={rows}
      excluded={listIncludedStudies(db, reviewId).filter((study) => study.exclusion !== null)}
      dual={getAppraisalSettings(db, reviewId).dualExtraction}
      isOwner={roleAtLeast(c.get('role'), 'owner')}
    />,
  )
})

characteristicsRoutes.post('/settings', requireRole('owner'), (c) =>
  submitForm(
    c,
    dualExtractionInput,
    // A checkbox: only a crafted form sends something else.
    () => {
      throw new HTTPException(422, { message: 'The extraction setting could not be read.' })
    },
    ({ dualExtraction }) => {
      saveDualExtraction(c.get('deps').db, c.get('review').id, dualExtraction, c.get('user').id, c.get('deps').now())
      return afterChange(
        c,
        dualExtraction ? 'Dual extraction is on.' : 'Single extraction is on.',
        reviewPath(c, '/characteristics'),
      )
    },
  ),
)

characteristicsRoutes.get('/table.csv', (c) => {
  const { fields, rows } = characteristicsTable(c.get('deps').db, c.get('review').id)
  const body = rows.map(({ study, cells }) => [
    study.label,
    ...cells.map((cell, index) => {
      if (cell.state === 'settled') return displayValue(fields[index]!.kind, cell.value)
      return cell.state === 'discrepant' ? '[discrepancy]' : ''
    }),
  ])
  return csvDownload(c, 'characteristics', ['Study', ...fields.map((field) => field.label)], body)
})

characteristicsRoutes.get('/table.html', (c) => {
  const { fields, rows } = characteristicsTable(c.get('deps').db, c.get('review').id)
  return htmlDownload(
    c,
    'characteristics',
    'Characteristics of included studies',
    <CharacteristicsTable fields={fields} rows={rows} />,
  )
})

function renderDesigner(
  c: Context<ReviewEnv>,
  forms: Pick<FormDesignerProps, 'editing'> & { add?: FormState },
  status: 200 | RefusalStatus,
) {
  return c.render(
    <FormDesignerPage
      page={pageContext(c.var)}
      nav={reviewNav(c, 'characteristics')}
      fields={listExtractionFields(c.get('deps').db, c.get('review').id)}
      canEdit={roleAtLeast(c.get('role'), 'owner')}
      addForm={forms.add ?? { values: { kind: 'short_text' }, errors: {} }}
      editing={forms.editing}
    />,
    { status: status },
  )
}

characteristicsRoutes.get('/form', (c) => renderDesigner(c, {}, 200))

/** One change to the form: applied in its own transaction, then the designer again (or its refusal). */
function designAction(
  c: Context<ReviewEnv>,
  refusal: (state: FormState) => Parameters<typeof renderDesigner>[1],
  run: (values: FormValues) => FormOutcome,
) {
  return runForm(
    c,
    reviewPath(c, '/characteristics/form'),
    (form, status) => renderDesigner(c, refusal(form), status),
    run,
  )
}

const actor = (c: Context<ReviewEnv>) => ({
  db: c.get('deps').db,
  reviewId: c.get('review').id,
  userId: c.get('user').id,
})

characteristicsRoutes.post('/form/defaults', requireRole('owner'), (c) =>
  designAction(
    c,
    (add) => ({ add }),
    () => {
      const { db, reviewId, userId } = actor(c)
      const added = addDefaultFields(db, reviewId, userId)
      return { ok: true, done: `The form has the ${added.length} fields of a qualitative review.` }
    },
  ),
)

characteristicsRoutes.post('/form/fields', requireRole('owner'), (c) =>
  designAction(
    c,
    (add) => ({ add }),
    (values) => {
      const input = validate(fieldInput, values)
      if (!input.ok) return { ok: false, form: input }
      const { db, reviewId, userId } = actor(c)
      addExtractionField(db, reviewId, input.value, userId)
      return { ok: true, done: `Added the field “${input.value.label}”.` }
    },
  ),
)

const fieldRefusal = (c: Context<ReviewEnv>) => (form: FormState) => ({
  editing: { fieldId: idParam(c, 'fieldId'), form },
})

characteristicsRoutes.post('/form/fields/:fieldId', requireRole('owner'), (c) =>
  designAction(c, fieldRefusal(c), (values) => {
    const { db, reviewId, userId } = actor(c)
    const field = requireExtractionField(db, reviewId, idParam(c, 'fieldId'))
    const input = validate(fieldEditInput(field.kind), values)
    if (!input.ok) return { ok: false, form: input }
    editExtractionField(db, reviewId, field.id, input.value, userId)
    return { ok: true, done: `Saved the field “${input.value.label}”.` }
  }),
)

characteristicsRoutes.post('/form/fields/:fieldId/move', requireRole('owner'), (c) =>
  designAction(
    c,
    (add) => ({ add }),
    (values) => {
      const input = validate(moveInput, values)
      if (!input.ok) return { ok: false, form: input }
      const { db, reviewId, userId } = actor(c)
      moveExtractionField(db, reviewId, idParam(c, 'fieldId'), input.value.direction, userId)
      return { ok: true, done: 'Order saved.' }
    },
  ),
)

characteristicsRoutes.post('/form/fields/:fieldId/archive', requireRole('owner'), (c) =>
  designAction(
    c,
    (add) => ({ add }),
    () => {
      const { db, reviewId, userId } = actor(c)
      archiveExtractionField(db, reviewId, idParam(c, 'fieldId'), userId, c.get('deps').now())
      return { ok: true, done: 'Field archived; its values are kept.' }
    },
  ),
)

characteristicsRoutes.post('/form/fields/:fieldId/restore', requireRole('owner'), (c) =>
  designAction(
    c,
    (add) => ({ add }),
    () => {
      const { db, reviewId, userId } = actor(c)
      restoreExtractionField(db, reviewId, idParam(c, 'fieldId'), userId)
      return { ok: true, done: 'Field restored with its values.' }
    },
  ),
)

/** What a field's input shows before anything is typed: the study's value, or under dual extraction, yours. */
function startingValues(
  entries: readonly FieldValues<ExtractionField>[],
  pick: (entry: FieldValues<ExtractionField>) => string | null,
): FormValues {
  return Object.fromEntries(entries.map((entry) => [fieldName(entry.field), pick(entry) ?? '']))
}

function renderStudy(
  c: Context<ReviewEnv>,
  forms: { values?: FormState; consensus?: FormState },
  status: 200 | RefusalStatus,
) {
  const { db, reviewId, userId } = actor(c)
  const study = requireIncludedStudy(db, reviewId, idParam(c, 'studyId'))
  const dual = getAppraisalSettings(db, reviewId).dualExtraction
  const entries = studyExtraction(db, reviewId, study.id)
  const own = (entry: FieldValues<ExtractionField>) =>
    dual
      ? (entry.extractors.find((value) => value.extractorId === userId)?.value ?? null)
      : entry.settled.state === 'settled'
        ? entry.settled.value
        : null
  return c.render(
    <StudyExtractionPage
      page={pageContext(c.var)}
      nav={reviewNav(c, 'characteristics')}
      study={study}
      fullText={fullTextOf(study) ?? null}
      dual={dual}
      canWrite={roleAtLeast(c.get('role'), 'reviewer')}
      viewerId={userId}
      entries={entries}
      form={forms.values ?? { values: startingValues(entries, own), errors: {} }}
      consensusForm={forms.consensus ?? { values: startingValues(entries, (entry) => entry.recorded), errors: {} }}
    />,
    { status: status },
  )
}

characteristicsRoutes.get('/:studyId', (c) => renderStudy(c, {}, 200))

/** Saves one study's values, all fields in one transaction; a refused value re-renders what was typed. */
async function saveValues(c: Context<ReviewEnv>, which: 'values' | 'consensus') {
  const { db, reviewId, userId } = actor(c)
  const study = requireIncludedStudy(db, reviewId, idParam(c, 'studyId'))
  const lists = formLists(await c.req.parseBody({ all: true }))
  const dual = getAppraisalSettings(db, reviewId).dualExtraction
  // The consensus form carries only the fields still to settle (named in `settle`); the values form, every field.
  const settling = lists['settle'] ?? []
  const fields = activeFields(listExtractionFields(db, reviewId)).filter(
    (field) => which === 'values' || settling.includes(String(field.id)),
  )
  const input = validateValues(fields, lists)
  if (!input.ok) return renderStudy(c, { [which]: input }, 422)
  const save = { reviewId, studyId: study.id, actorId: userId, values: input.value, now: c.get('deps').now() }
  return attempt(
    {},
    (form, status) => renderStudy(c, { [which]: form }, status),
    () => {
      if (which === 'consensus') saveConsensusValues(db, save)
      else if (dual) saveExtractorValues(db, save)
      else saveStudyValues(db, save)
      const done = which === 'consensus' ? 'Consensus saved.' : `Characteristics of ${study.label} saved.`
      return afterChange(c, done, reviewPath(c, `/characteristics/${study.id}`))
    },
  )
}

characteristicsRoutes.post('/:studyId', requireRole('reviewer'), (c) => saveValues(c, 'values'))
characteristicsRoutes.post('/:studyId/consensus', requireRole('reviewer'), (c) => saveValues(c, 'consensus'))
