import { Hono, type Context } from 'hono'
import { StudiesPage, type StudiesPageProps } from '../../../views/studies/studies-page.tsx'
import { roleAtLeast } from '../../domain/vocabulary.ts'
import type { ReviewEnv } from '../../http/env.ts'
import { setFlash } from '../../http/flash.ts'
import { pageContext } from '../../http/page-context.ts'
import { requireRole } from '../../http/review-access.ts'
import { formValues, validate } from '../../input/form.ts'
import { mergeStudyInput, renameStudyInput } from '../../input/study-input.ts'
import { StoreConflictError } from '../../store/errors.ts'
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

function renderStudies(c: Context<ReviewEnv>, status: 200 | 409 | 422 = 200, refusal?: StudiesPageProps['refusal']) {
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

type Outcome = { ok: true; done: string; studyId: number } | { ok: false; message: string; label?: string }

/** Runs one change; a refusal (bad input, or what is stored forbids it) shows the page again at that study. */
async function changeStudies(
  c: Context<ReviewEnv>,
  apply: (values: Record<string, string>, studyId: number) => Outcome,
) {
  const studyId = idParam(c, 'studyId')
  const values = formValues(await c.req.parseBody())
  let outcome: Outcome
  try {
    outcome = apply(values, studyId)
  } catch (error) {
    if (!(error instanceof StoreConflictError)) throw error
    return renderStudies(c, 409, {
      studyId,
      message: error.message,
      ...(error.field === 'label' ? { label: values['label'] ?? '' } : {}),
    })
  }
  if (!outcome.ok) {
    const { message, label } = outcome
    return renderStudies(c, 422, { studyId, message, ...(label !== undefined ? { label } : {}) })
  }
  setFlash(c, outcome.done)
  return c.redirect(reviewPath(c, `/studies#study-${outcome.studyId}`), 303)
}

function actor(c: Context<ReviewEnv>) {
  return { reviewId: c.get('review').id, actorId: c.get('user').id }
}

studyRoutes.get('/', (c) => renderStudies(c))

studyRoutes.post('/unlinked', requireRole('reviewer'), (c) => {
  const { db, now } = c.get('deps')
  const made = giveStudiesToUnlinkedReports(db, c.get('review').id, c.get('user').id, now())
  setFlash(c, made === 1 ? 'One report now has a study of its own.' : `${made} reports now have studies of their own.`)
  return c.redirect(reviewPath(c, '/studies'), 303)
})

studyRoutes.post('/:studyId/rename', requireRole('reviewer'), (c) =>
  changeStudies(c, (values, studyId) => {
    const input = validate(renameStudyInput, values)
    if (!input.ok)
      return { ok: false, message: input.errors['label'] ?? 'Check the name.', label: values['label'] ?? '' }
    const study = renameStudy(c.get('deps').db, { ...actor(c), studyId, label: input.value.label })
    return { ok: true, done: `Study renamed “${study.label}”.`, studyId }
  }),
)

studyRoutes.post('/:studyId/merge', requireRole('reviewer'), (c) =>
  changeStudies(c, (values, studyId) => {
    const input = validate(mergeStudyInput, values)
    if (!input.ok) return { ok: false, message: input.errors['into'] ?? 'Choose a study to merge into.' }
    const into = mergeStudies(c.get('deps').db, { ...actor(c), intoId: input.value.into, fromId: studyId })
    return { ok: true, done: `Merged into “${into.label}”.`, studyId: into.id }
  }),
)

studyRoutes.post('/:studyId/reports/:recordId/split', requireRole('reviewer'), (c) =>
  changeStudies(c, (_values, studyId) => {
    const study = splitReport(c.get('deps').db, { ...actor(c), studyId, recordId: idParam(c, 'recordId') })
    return { ok: true, done: `Record ${idParam(c, 'recordId')} is now the study “${study.label}”.`, studyId: study.id }
  }),
)
