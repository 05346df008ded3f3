import { readFile } from 'node:fs/promises'
import { Hono, type Context } from 'hono'
import type { FormState, FormValues } from '../../../views/components/forms.tsx'
import type { ImportProblems } from '../../../views/screening-import/problems.tsx'
import { ScreeningImportPage } from '../../../views/screening-import/page.tsx'
import { decisionImportSentence } from '../../../views/screening-import/summary.ts'
import type { ReviewEnv } from '../../http/env.ts'
import { setFlash } from '../../http/flash.ts'
import { pageContext } from '../../http/page-context.ts'
import { requireRole } from '../../http/review-access.ts'
import { UploadTooLarge, type ReceivedUpload } from '../../http/multipart-stream.ts'
import { isMultipart, receiveUpload } from '../../http/upload.ts'
import { formValues } from '../../input/form.ts'
import { MAX_DECISION_FILE_BYTES, MAX_RAYYAN_NAMES, reviewerMapFromForm } from '../../input/decision-import-input.ts'
import {
  importDecisionFile,
  importRayyanDecisions,
  rayyanReviewers,
  type DecisionImportResult,
} from '../../store/decision-import.ts'
import { listMembers } from '../../store/memberships.ts'
import { reviewNav, reviewPath } from './nav.ts'

/**
 * Importing screening decisions in the browser (owners only): a decisions CSV, or the Rayyan decisions in
 * the review's records with a step mapping Rayyan's reviewer names to members. Success goes back to the
 * page with the summary (post/redirect/get); a refused import shows every problem with its line.
 */
export const screeningImportRoutes = new Hono<ReviewEnv>()

const EMPTY: FormState = { values: {}, errors: {} }

function render(
  c: Context<ReviewEnv>,
  state: { upload?: FormState; rayyan?: FormState; problems?: ImportProblems },
  status: 200 | 422 = 200,
) {
  const { db } = c.get('deps')
  const reviewId = c.get('review').id
  const reviewers = rayyanReviewers(db, reviewId)
  const screeners = listMembers(db, reviewId).filter((member) => member.role !== 'viewer')
  return c.render(
    <ScreeningImportPage
      page={pageContext(c.var)}
      nav={reviewNav(c, 'screening')}
      base={reviewPath(c)}
      upload={state.upload ?? EMPTY}
      problems={state.problems ?? null}
      rayyan={{
        reviewers,
        screeners,
        form: state.rayyan ?? { values: guessedMapping(reviewers, screeners), errors: {} },
      }}
    />,
    { status: status },
  )
}

/** A Rayyan name that is a member's full or first name (ignoring case) starts out mapped to them. */
function guessedMapping(reviewers: { name: string }[], screeners: { name: string; email: string }[]): FormValues {
  const values: FormValues = {}
  reviewers.forEach(({ name }, index) => {
    const wanted = name.trim().toLowerCase()
    const match = screeners.filter(
      (member) => member.name.toLowerCase() === wanted || member.name.toLowerCase().split(/\s+/)[0] === wanted,
    )
    if (match.length === 1) values[`email-${index}`] = match[0]!.email
  })
  return values
}

function settle(
  c: Context<ReviewEnv>,
  origin: string,
  result: DecisionImportResult,
  failedForm: { upload?: FormState; rayyan?: FormState },
) {
  if (!result.ok)
    return render(c, { ...failedForm, problems: { origin, errors: result.errors, more: result.more } }, 422)
  setFlash(c, `${origin} imported: ${decisionImportSentence(result.summary)}`)
  return c.redirect(reviewPath(c, '/screening/import'), 303)
}

function fileError(message: string): FormState {
  return { values: {}, errors: { files: message } }
}

screeningImportRoutes.get('/', requireRole('owner'), (c) => render(c, {}))

screeningImportRoutes.post('/', requireRole('owner'), async (c) => {
  if (!isMultipart(c)) return render(c, { upload: fileError('Choose the decisions file to import.') }, 422)
  let upload: ReceivedUpload
  try {
    upload = await receiveUpload(c, { fileField: 'files', maxBytes: MAX_DECISION_FILE_BYTES })
  } catch (error) {
    if (!(error instanceof UploadTooLarge)) throw error
    return render(
      c,
      {
        upload: fileError(
          `The file is larger than ${MAX_DECISION_FILE_BYTES / (1024 * 1024)} MB; split it into several imports.`,
        ),
      },
      422,
    )
  }
  try {
    const [file, ...others] = upload.files
    if (file === undefined) return render(c, { upload: fileError('Choose the decisions file to import.') }, 422)
    if (others.length > 0) return render(c, { upload: fileError('Choose one decisions file at a time.') }, 422)
    const { db, now } = c.get('deps')
    const context = { reviewId: c.get('review').id, actorId: c.get('user').id, at: now(), origin: file.fileName }
    return settle(c, file.fileName, importDecisionFile(db, context, await readFile(file.path)), {})
  } finally {
    await upload.remove()
  }
})

screeningImportRoutes.post('/rayyan', requireRole('owner'), async (c) => {
  const values = formValues(await c.req.parseBody())
  const names: string[] = []
  const emails: string[] = []
  for (let index = 0; index < MAX_RAYYAN_NAMES && values[`name-${index}`] !== undefined; index += 1) {
    names.push(values[`name-${index}`]!)
    emails.push(values[`email-${index}`] ?? '')
  }
  const map = reviewerMapFromForm(names, emails)
  if (!map.ok) return render(c, { rayyan: { values, errors: map.errors } }, 422)
  const { db, now } = c.get('deps')
  const origin = 'Rayyan decisions'
  const context = { reviewId: c.get('review').id, actorId: c.get('user').id, at: now(), origin }
  return settle(c, origin, importRayyanDecisions(db, context, map.value), { rayyan: { values, errors: {} } })
})
