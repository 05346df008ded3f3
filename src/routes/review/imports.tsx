import { Hono, type Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { Source } from '../../../db/schema.ts'
import type { FieldErrors, FormState, FormValues } from '../../../views/components/forms.tsx'
import { ImportBatchPage } from '../../../views/imports/batch-page.tsx'
import { DedupStatusView, type DedupStatus } from '../../../views/imports/dedup-status.tsx'
import { ImportPage } from '../../../views/imports/import-page.tsx'
import type { MappingStep } from '../../../views/imports/mapping-form.tsx'
import { ImportResultsPage, type FileOutcome } from '../../../views/imports/results-page.tsx'
import { NEW_SOURCE, OTHER_METHODS_QUESTION } from '../../../views/imports/upload-form.tsx'
import { UploadProgressView } from '../../../views/imports/upload-progress.tsx'
import { randomToken } from '../../auth/tokens.ts'
import type { UploadState } from '../../domain/import-outcome.ts'
import { mapColumns } from '../../domain/formats/column-mapping.ts'
import type { ColumnMapping, FormatName } from '../../domain/formats/index.ts'
import { roleAtLeast, skipsTitleAbstract, type SourceKind } from '../../domain/vocabulary.ts'
import type { ReviewEnv } from '../../http/env.ts'
import { setFlash } from '../../http/flash.ts'
import { UploadTooLarge, type ReceivedFile, type ReceivedUpload } from '../../http/multipart-stream.ts'
import { pageContext } from '../../http/page-context.ts'
import { isUploadId } from '../../jobs/upload-progress.ts'
import { requireRole } from '../../http/review-access.ts'
import type { JobProgress } from '../../jobs/job-types.ts'
import { formList, isMultipart, maxUploadBytes, receiveUpload, tooLargeMessage } from '../../http/upload.ts'
import { formValues, validate } from '../../input/form.ts'
import { importFormInput, readColumnMapping, type ImportFormInput } from '../../input/import-input.ts'
import { countPendingDuplicates, hasBatchesToDeduplicate } from '../../store/duplicates.ts'
import {
  findImportBatch,
  findImportBatches,
  listFlaggedRecords,
  listImportBatches,
} from '../../store/import-batches.ts'
import { findSource, findSourceByName, listSources } from '../../store/sources.ts'
import { batchDedupStatus, dedupStatus } from './dedup-status.ts'
import { idParam, reviewNav, reviewPath } from './nav.ts'

/**
 * Importing reference files in the browser. The upload streams to temporary files; each file is then its
 * own import and its own transaction (a source named for the first time is created in the same one), and
 * the answer comes at once, with deduplication started in the background (src/jobs/dedup-jobs.ts). The
 * summary is a page of its own (post/redirect/get), so a reload never imports again.
 */
export const importRoutes = new Hono<ReviewEnv>()

const NEW_FORM: FormState = { values: { sourceKind: 'database' }, errors: {} }
/** The most records the flagged list of a batch page shows. */
const FLAGGED_SHOWN = 200
/** The fields of the upload form that are kept when it is shown again. */
const KEPT_FIELDS = ['sourceId', 'sourceName', 'sourceKind', 'format', 'force', 'confirmOtherMethods'] as const

type SourceChoice = { existing: Source } | { name: string; kind: SourceKind }

interface ImportChoices {
  source: SourceChoice
  format: FormatName | undefined
  force: boolean
  mapping: ColumnMapping | undefined
}

function kept(values: FormValues): FormValues {
  const shown: FormValues = {}
  for (const name of KEPT_FIELDS) if (values[name] !== undefined) shown[name] = values[name]
  return shown
}

function sourceOptions(c: Context<ReviewEnv>) {
  return listSources(c.get('deps').db, c.get('review').id).map(({ id, name }) => ({ id, name }))
}

/** The source the files belong to: one from the search log, or a new one the form names. */
function readSource(c: Context<ReviewEnv>, input: ImportFormInput, errors: FieldErrors): SourceChoice | undefined {
  const { sourceId, sourceName: name, sourceKind: kind } = input
  if (sourceId !== '' && sourceId !== NEW_SOURCE) {
    const source = /^\d{1,15}$/.test(sourceId)
      ? findSource(c.get('deps').db, c.get('review').id, Number(sourceId))
      : undefined
    if (!source) errors['sourceId'] = 'That source is not in this review’s search log; choose one from the list.'
    return source ? { existing: source } : undefined
  }
  if (name === '') {
    if (sourceId === NEW_SOURCE) errors['sourceName'] = 'Name the new source, e.g. MEDLINE.'
    else errors['sourceId'] = 'Choose the source these files come from, or name a new one.'
    return undefined
  }
  // A name already in the log means that source (and its kind), as the import itself will read it.
  const named = findSourceByName(c.get('deps').db, c.get('review').id, name)
  return named ? { existing: named } : { name, kind }
}

function readChoices(
  c: Context<ReviewEnv>,
  values: FormValues,
  mapping: { headers: string[]; fields: string[] },
  files: ReceivedFile[],
): { ok: true; value: ImportChoices } | { ok: false; errors: FieldErrors } {
  const input = validate(importFormInput, values)
  const errors: FieldErrors = input.ok ? {} : { ...input.errors }
  const source = input.ok ? readSource(c, input.value, errors) : undefined
  const kind = source && ('existing' in source ? source.existing.kind : source.kind)
  if (kind && skipsTitleAbstract(kind) && input.ok && !input.value.confirmOtherMethods) {
    // A confirmation step: records of other methods vanishing from screening must be what the team meant.
    errors['confirmOtherMethods'] = OTHER_METHODS_QUESTION
  }
  if (files.length === 0) errors['files'] = 'Choose at least one file to import.'
  const columnMapping = readColumnMapping(mapping.headers, mapping.fields, errors)
  if (!input.ok || !source || Object.keys(errors).length > 0) return { ok: false, errors }
  return { ok: true, value: { source, format: input.value.format, force: input.value.force, mapping: columnMapping } }
}

/** One file imported on the job pool (a worker thread on a database file): the request thread only waits. */
async function importUpload(
  c: Context<ReviewEnv>,
  choices: ImportChoices,
  file: ReceivedFile,
  step: { fileNumber: number; files: number; report: (state: UploadState) => void },
): Promise<FileOutcome> {
  const chosen = choices.source
  const { report, ...counted } = step
  const onProgress = (progress: JobProgress) => {
    if (!('percent' in progress)) report({ fileName: file.fileName, ...counted, ...progress })
  }
  const outcome = await c.get('deps').jobs.run(
    'import',
    {
      reviewId: c.get('review').id,
      source: 'existing' in chosen ? { sourceId: chosen.existing.id } : { newSource: chosen },
      fileName: file.fileName,
      sha256: file.sha256,
      sizeBytes: file.sizeBytes,
      filePath: file.path,
      format: choices.format,
      columnMapping: choices.mapping,
      actorId: c.get('user').id,
      allowRepeat: choices.force,
    },
    { onProgress },
  )
  return { ...outcome, fileName: file.fileName }
}

/**
 * The posted form: a multipart upload streamed to temporary files under the size limit, or (a form
 * without files) the parsed fields. The caller removes the files when done.
 */
async function receiveForm(c: Context<ReviewEnv>, tracker: UploadTracker): Promise<ReceivedUpload> {
  if (!isMultipart(c)) {
    const body = await c.req.parseBody({ all: true })
    const fields: Record<string, string | string[]> = {}
    for (const [name, value] of Object.entries(body)) {
      const strings = (Array.isArray(value) ? value : [value]).filter(
        (item): item is string => typeof item === 'string',
      )
      if (strings.length > 0) fields[name] = strings.length === 1 ? strings[0]! : strings
    }
    return { fields, files: [], remove: async () => undefined }
  }
  try {
    const declared = Number(c.req.header('content-length'))
    const totalBytes = Number.isFinite(declared) && declared > 0 ? declared : null
    return await receiveUpload(
      c,
      { fileField: 'files', maxBytes: maxUploadBytes() },
      {
        onField: (name, value) => {
          if (name === 'uploadId') tracker.follow(value)
        },
        onBytes: (bytes) => tracker.report({ phase: 'receiving', bytes, totalBytes }),
      },
    )
  } catch (error) {
    if (error instanceof UploadTooLarge) throw new HTTPException(413, { message: tooLargeMessage(maxUploadBytes()) })
    throw error
  }
}

/**
 * Reports an upload's progress to the page that polls it, once the form has said the upload's id (the
 * field comes before the files); before that, and for a form without one, reports go nowhere.
 */
class UploadTracker {
  private uploadId: string | null = null

  constructor(
    private readonly c: Context<ReviewEnv>,
    private readonly userId: number,
  ) {}

  follow(uploadId: string): void {
    if (isUploadId(uploadId)) this.uploadId = uploadId
  }

  report(state: UploadState): void {
    if (this.uploadId) this.c.get('deps').uploads.set(this.userId, this.uploadId, state)
  }
}

/** Headers Weft knows are pre-selected in the mapping step; the rest start on "ignore". */
function guessedFields(headers: string[]): string[] {
  const fields = headers.map(() => 'ignore')
  for (const [field, indexes] of mapColumns(headers)) {
    for (const index of indexes) if (fields[index] === 'ignore') fields[index] = field
  }
  return fields
}

function importedSentence(outcomes: FileOutcome[]): string {
  const summaries = outcomes.flatMap((outcome) => (outcome.status === 'imported' ? [outcome.summary] : []))
  if (outcomes.length === 1 && summaries[0]) {
    const name = outcomes[0]!.fileName.slice(0, 120)
    return `${name} imported: ${summaries[0].imported} ${summaries[0].imported === 1 ? 'record' : 'records'}.`
  }
  const total = summaries.reduce((sum, summary) => sum + summary.imported, 0)
  return `${summaries.length} files imported: ${total} records.`
}

function renderImportPage(c: Context<ReviewEnv>, form: FormState, status: 200 | 422, justImported: number[] = []) {
  const { db } = c.get('deps')
  const reviewId = c.get('review').id
  return c.render(
    <ImportPage
      page={pageContext(c.var)}
      nav={reviewNav(c, 'imports')}
      base={reviewPath(c)}
      canImport={roleAtLeast(c.get('role'), 'reviewer')}
      sources={sourceOptions(c)}
      form={form}
      uploadId={randomToken(12)}
      batches={listImportBatches(db, reviewId)}
      justImported={findImportBatches(db, reviewId, justImported)}
      pendingDuplicates={countPendingDuplicates(db, reviewId)}
      dedup={dedupStatus(c.get('deps'), reviewId)}
    />,
    { status: status },
  )
}

function renderResults(
  c: Context<ReviewEnv>,
  outcomes: FileOutcome[],
  dedup: DedupStatus | null,
  values: FormValues,
  mappingForms: { step: MappingStep; form: FormState }[],
) {
  const { db } = c.get('deps')
  const importedIds = outcomes.flatMap((outcome) => (outcome.status === 'imported' ? [outcome.summary.batch] : []))
  for (const outcome of outcomes) {
    if (outcome.status !== 'needs_mapping') continue
    mappingForms.push({
      step: { fileName: outcome.fileName, headers: outcome.headers, fields: guessedFields(outcome.headers) },
      form: { values: kept(values), errors: {} },
    })
  }
  const repeated = outcomes.filter((outcome) => outcome.status === 'already_imported')
  const others = outcomes.some((outcome) => outcome.status === 'already_imported' || outcome.status === 'unreadable')
  const errors: FieldErrors = {}
  if (repeated.length > 0) {
    errors['force'] =
      `${repeated.map((outcome) => outcome.fileName).join(', ')} ${repeated.length === 1 ? 'was' : 'were'} imported into this ` +
      'review before. Tick this box and choose the file again to import it all the same.'
  }
  return c.render(
    <ImportResultsPage
      page={pageContext(c.var)}
      nav={reviewNav(c, 'imports')}
      base={reviewPath(c)}
      outcomes={outcomes}
      imported={findImportBatches(db, c.get('review').id, importedIds)}
      dedup={dedup}
      mapping={mappingForms}
      upload={others || mappingForms.length === 0 ? { values: kept(values), errors } : null}
      sources={sourceOptions(c)}
      uploadId={randomToken(12)}
    />,
    { status: importedIds.length > 0 ? 200 : 422 },
  )
}

/** `?batches=4,5,6` after an upload of several files: the batches to show in full. */
function batchIdsFrom(query: string | undefined): number[] {
  if (!query) return []
  return query
    .split(',')
    .slice(0, 100)
    .filter((id) => /^\d{1,15}$/.test(id))
    .map(Number)
}

/** The deduplication status alone: what the running status asks for every second. */
importRoutes.get('/deduplication', (c) => {
  return c.render(
    <DedupStatusView
      status={dedupStatus(c.get('deps'), c.get('review').id)}
      base={reviewPath(c)}
      csrf={pageContext(c.var).csrf}
      canRun={roleAtLeast(c.get('role'), 'reviewer')}
    />,
  )
})

/** Starts deduplication of imports not yet compared (after a restart interrupted it, or a failure). */
importRoutes.post('/deduplication', requireRole('reviewer'), (c) => {
  const { db, dedup } = c.get('deps')
  const reviewId = c.get('review').id
  if (hasBatchesToDeduplicate(db, reviewId)) dedup.start(reviewId, c.get('user').id)
  setFlash(c, 'Deduplication is running.')
  return c.redirect(reviewPath(c, '/imports'), 303)
})

/** Where an upload of this person stands: what its page asks for while the file goes up and is imported. */
importRoutes.get('/uploads/:uploadId', (c) => {
  const state = c.get('deps').uploads.get(c.get('user').id, c.req.param('uploadId'))
  return c.render(<UploadProgressView state={state} />)
})

importRoutes.get('/', (c) => renderImportPage(c, NEW_FORM, 200, batchIdsFrom(c.req.query('batches'))))

function requireBatch(c: Context<ReviewEnv>) {
  const batch = findImportBatch(c.get('deps').db, c.get('review').id, idParam(c, 'batchId'))
  if (!batch) throw new HTTPException(404, { message: 'This review has no such import.' })
  return batch
}

importRoutes.get('/:batchId', (c) => {
  const { db } = c.get('deps')
  const reviewId = c.get('review').id
  const batch = requireBatch(c)
  return c.render(
    <ImportBatchPage
      page={pageContext(c.var)}
      nav={reviewNav(c, 'imports')}
      base={reviewPath(c)}
      batch={batch}
      flagged={listFlaggedRecords(db, batch.id, FLAGGED_SHOWN)}
      pendingDuplicates={countPendingDuplicates(db, reviewId)}
      dedup={batchDedupStatus(c.get('deps'), batch)}
      canRunDedup={roleAtLeast(c.get('role'), 'reviewer')}
    />,
  )
})

/** One import's deduplication alone: what its page asks for every second while the run goes on. */
importRoutes.get('/:batchId/deduplication', (c) => {
  const batch = requireBatch(c)
  return c.render(
    <DedupStatusView
      status={batchDedupStatus(c.get('deps'), batch)}
      base={reviewPath(c)}
      csrf={pageContext(c.var).csrf}
      canRun={roleAtLeast(c.get('role'), 'reviewer')}
      poll={reviewPath(c, `/imports/${batch.id}/deduplication`)}
    />,
  )
})

importRoutes.post('/', requireRole('reviewer'), async (c) => {
  const tracker = new UploadTracker(c, c.get('user').id)
  try {
    const upload = await receiveForm(c, tracker)
    try {
      return await answerUpload(c, upload, tracker)
    } finally {
      await upload.remove()
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    tracker.report({ phase: 'failed', message: `The upload failed: ${message}` })
    throw error
  }
})

async function answerUpload(c: Context<ReviewEnv>, upload: ReceivedUpload, tracker: UploadTracker) {
  const { dedup } = c.get('deps')
  const reviewId = c.get('review').id
  const values = formValues(upload.fields)
  const files = upload.files
  const mapping = { headers: formList(upload.fields['mapHeader[]']), fields: formList(upload.fields['mapField[]']) }
  const choices = readChoices(c, values, mapping, files)
  if (!choices.ok) {
    tracker.report({ phase: 'done', summary: 'Nothing was imported: see what the form says.', location: null })
    const form = { values: kept(values), errors: choices.errors }
    if (mapping.headers.length === 0) return renderImportPage(c, form, 422)
    // The mapping step again, with the reviewer's choices and what is wrong with them.
    const step = { fileName: values['mapFile'] || files[0]?.fileName || 'the file', ...mapping }
    return renderResults(c, [], null, values, [{ step, form }])
  }

  const outcomes: FileOutcome[] = []
  for (const [index, file] of files.entries()) {
    const step = { fileNumber: index + 1, files: files.length, report: (state: UploadState) => tracker.report(state) }
    outcomes.push(await importUpload(c, choices.value, file, step))
  }
  const importedIds = outcomes.flatMap((outcome) => (outcome.status === 'imported' ? [outcome.summary.batch] : []))
  // The imports are committed; comparing them with the review runs after this answer, in the background.
  if (importedIds.length > 0) dedup.start(reviewId, c.get('user').id)

  if (importedIds.length > 0 && importedIds.length === outcomes.length) {
    // Deduplication has its own status on the page, which follows the run to its end.
    const target = importedIds.length === 1 ? `/imports/${importedIds[0]}` : `/imports?batches=${importedIds.join(',')}`
    tracker.report({ phase: 'done', summary: importedSentence(outcomes), location: reviewPath(c, target) })
    setFlash(c, importedSentence(outcomes))
    return c.redirect(reviewPath(c, target), 303)
  }
  tracker.report({
    phase: 'done',
    summary: importedIds.length > 0 ? importedSentence(outcomes) : 'Nothing was imported: see the answer below.',
    location: null,
  })
  return renderResults(c, outcomes, importedIds.length > 0 ? dedupStatus(c.get('deps'), reviewId) : null, values, [])
}
