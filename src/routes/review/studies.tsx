import { Hono, type Context } from 'hono'
import type { FormState } from '../../../views/components/forms.tsx'
import { StudiesPage, type StudiesPageProps } from '../../../views/studies/studies-page.tsx'
import { roleAtLeast } from '../../domain/vocabulary.ts'
import { afterChange, type FormOutcome, type RefusalStatus, runForm } from '../../http/form-action.ts'
import type { ReviewEnv } from '../../http/env.ts'
import { pageContext } from '../../http/page-context.ts'
import { requireRole } from '../../http/review-access.ts'
import { validate } from '../../input/form.ts'
import { mergeStudyInput, renameStudyInput } from '../../input/study-input.ts'
import {
  giveStudiesToUnlinkedReports,
  includedCounts,
  includedReportsWithoutStudy,
  includedStudies,
  mergeStudies,
  renameStudy,
  splitReport,
} from '../../store/studies.ts'
import { idParam, reviewNav, reviewPath } from './nav.ts'

/**
 * The included studies and their reports. Merge, split and rename are plain form posts, each one
 * transaction with its audit event, answered by a redirect (or the page again with the refusal).
 */
export const studyRoutes = new Hono<ReviewEnv>()

function renderStudies(
  c: Context<ReviewEnv>,
  status: 200 | RefusalStatus = 200,
  refusal?: StudiesPageProps['refusal'],
) {
  const { db } = c.get('deps')
  const reviewId = c.get('review').id
  return c.render(
    <StudiesPage
      page={pageContext(c.var)}
      nav={reviewNav(c, 'studies')}
      base={reviewPath(c)}
      canEdit={roleAtLeast(c.get('role'), 'reviewer')}
      studies={includedStudies(db, reviewId)}
      counts={includedCounts(db, reviewId)}
      unlinked={includedReportsWithoutStudy(db, reviewId)}
      refusal={refusal}
    />,
    { status: status },
  )
}

/** Runs one change; a refusal (bad input, or what is stored forbids it) shows the page again at that study. */
function changeStudies(c: Context<ReviewEnv>, apply: (values: Record<string, string>, studyId: number) => FormOutcome) {
  const studyId = idParam(c, 'studyId')
  const refused = (form: FormState, status: RefusalStatus) => {
    const message = Object.values(form.errors)[0] ?? 'That change could not be made.'
    // A refused name stays in its field, as typed.
    const label = form.errors['label'] !== undefined ? { label: form.values['label'] ?? '' } : {}
    return renderStudies(c, status, { studyId, message, ...label })
  }
  return runForm(c, reviewPath(c, '/studies'), refused, (values) => apply(values, studyId))
}

const toStudy = (c: Context<ReviewEnv>, studyId: number) => reviewPath(c, `/studies#study-${studyId}`)

function actor(c: Context<ReviewEnv>) {
  return { reviewId: c.get('review').id, actorId: c.get('user').id }
}

studyRoutes.get('/', (c) => renderStudies(c))

studyRoutes.post('/unlinked', requireRole('reviewer'), (c) => {
  const { db, now } = c.get('deps')
  const made = giveStudiesToUnlinkedReports(db, c.get('review').id, c.get('user').id, now())
  const done = made === 1 ? 'One report now has a study of its own.' : `${made} reports now have studies of their own.`
  return afterChange(c, done, reviewPath(c, '/studies'))
})

studyRoutes.post('/:studyId/rename', requireRole('reviewer'), (c) =>
  changeStudies(c, (values, studyId) => {
    const input = validate(renameStudyInput, values)
    if (!input.ok) return { ok: false, form: input }
    const study = renameStudy(c.get('deps').db, { ...actor(c), studyId, label: input.value.label })
    return { ok: true, done: `Study renamed “${study.label}”.`, to: toStudy(c, studyId) }
  }),
)

studyRoutes.post('/:studyId/merge', requireRole('reviewer'), (c) =>
  changeStudies(c, (values, studyId) => {
    const input = validate(mergeStudyInput, values)
    if (!input.ok) return { ok: false, form: input }
    const into = mergeStudies(c.get('deps').db, { ...actor(c), intoId: input.value.into, fromId: studyId })
    return { ok: true, done: `Merged into “${into.label}”.`, to: toStudy(c, into.id) }
  }),
)

studyRoutes.post('/:studyId/reports/:recordId/split', requireRole('reviewer'), (c) =>
  changeStudies(c, (_values, studyId) => {
    const study = splitReport(c.get('deps').db, { ...actor(c), studyId, recordId: idParam(c, 'recordId') })
    const done = `Record ${idParam(c, 'recordId')} is now the study “${study.label}”.`
    return { ok: true, done, to: toStudy(c, study.id) }
  }),
)
