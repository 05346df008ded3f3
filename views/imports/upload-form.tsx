import type { Child } from 'hono/jsx'
import { FORMAT_NAMES } from '../../src/domain/formats/index.ts'
import { SOURCE_KIND_LABELS, SOURCE_KINDS } from '../../src/domain/vocabulary.ts'
import { InlineError, SelectField, TextField, type FormState } from '../components/forms.tsx'
import { FORMAT_LABELS } from './labels.ts'

export interface SourceOption {
  id: number
  name: string
}

/** The value of the source select that means "the new source named below". */
export const NEW_SOURCE = 'new'

/** Asked before records of a website, organisation, citation search or other source are imported. */
export const OTHER_METHODS_QUESTION =
  'Records from this source go straight to retrieval, as PRISMA 2020’s other-methods column has no screening; is that right? Tick the box below and choose the files again, or choose the kind Database or Register to screen them.'

/** The confirmation step for a source whose records skip title/abstract screening. */
export function OtherMethodsConfirmation({ form }: { form: FormState }) {
  if (!form.errors['confirmOtherMethods'] && form.values['confirmOtherMethods'] !== 'on') return null
  const checked = form.values['confirmOtherMethods'] === 'on'
  return (
    <div class={form.errors['confirmOtherMethods'] ? 'field-error' : undefined}>
      <InlineError form={form} name='confirmOtherMethods' />
      <div class='field checkbox'>
        <input id='field-confirmOtherMethods' name='confirmOtherMethods' type='checkbox' checked={checked} />
        <label for='field-confirmOtherMethods'>Yes: these records go straight to retrieval, without screening</label>
      </div>
    </div>
  )
}

const kindOptions = SOURCE_KINDS.map((value) => ({ value, label: SOURCE_KIND_LABELS[value] }))
const formatOptions = [
  { value: '', label: 'Detect from content' },
  ...FORMAT_NAMES.map((value) => ({ value, label: FORMAT_LABELS[value] })),
]

/** A form for a multipart upload: the plain post works without JavaScript; weft.js adds a progress bar. */
export function UploadFormShell(props: {
  action: string
  csrf: () => string
  children: Child
  submitLabel: string
  id?: string
  /** The id this upload is known by while it runs; weft.js polls `${action}/uploads/${uploadId}`. */
  uploadId?: string
}) {
  return (
    <form
      method='post'
      action={props.action}
      enctype='multipart/form-data'
      data-upload-progress
      data-progress-url={props.uploadId ? `${props.action}/uploads/${props.uploadId}` : undefined}
      class='upload'
      id={props.id}
    >
      <input type='hidden' name='_csrf' value={props.csrf()} />
      {/* Before the files, so the server knows the upload by its id from its first bytes. */}
      {props.uploadId ? <input type='hidden' name='uploadId' value={props.uploadId} /> : null}
      {props.children}
      <div class='upload-progress' hidden>
        <progress max={100} value={0} aria-label='Upload progress'></progress>{' '}
        <span class='upload-status' role='status'></span>
      </div>
      <button type='submit'>{props.submitLabel}</button>
    </form>
  )
}

export function FilesField(props: { form: FormState; multiple: boolean; label: string; hint: string }) {
  const error = props.form.errors['files']
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <label for='field-files'>
        {props.label}
        <span class='required' aria-hidden='true'>
          {' '}
          *
        </span>
      </label>
      <p class='hint' id='hint-files'>
        {props.hint}
      </p>
      <InlineError form={props.form} name='files' />
      <input
        id='field-files'
        name='files'
        type='file'
        multiple={props.multiple}
        required
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? 'hint-files error-files' : 'hint-files'}
      />
    </div>
  )
}

export function ForceCheckbox({ form }: { form: FormState }) {
  const checked = ['on', 'true', '1'].includes(form.values['force'] ?? '')
  const box = (
    <div class='field checkbox'>
      <input id='field-force' name='force' type='checkbox' checked={checked} />
      <label for='field-force'>Import even if this file was imported before</label>
      <p class='hint'>Weft recognises a file it has already imported into this review by its content (SHA-256).</p>
    </div>
  )
  // The message sits above the box: inside it, it would become a cell of the checkbox's grid.
  return form.errors['force'] ? (
    <div class='field-error'>
      <InlineError form={form} name='force' />
      {box}
    </div>
  ) : (
    box
  )
}

/** Where the records go, which files, and how to read them. */
export function UploadForm(props: {
  action: string
  csrf: () => string
  sources: SourceOption[]
  form: FormState
  uploadId: string
}) {
  const { form } = props
  const sourceOptions = [
    { value: '', label: props.sources.length ? 'Choose a source…' : 'No sources yet: name one below' },
    ...props.sources.map((source) => ({ value: String(source.id), label: source.name })),
    { value: NEW_SOURCE, label: 'A new source (name it below)' },
  ]
  return (
    <UploadFormShell
      action={props.action}
      csrf={props.csrf}
      submitLabel='Import'
      id='upload-form'
      uploadId={props.uploadId}
    >
      <SelectField
        name='sourceId'
        label='Source in the search log'
        hint='The search these files are the results of.'
        options={sourceOptions}
        form={form}
      />
      <fieldset>
        <legend>Or a new source</legend>
        <TextField
          name='sourceName'
          label='New source name'
          hint='Added to the search log with the first file that imports; a name already in the log means that source.'
          maxlength={200}
          form={form}
        />
        <SelectField
          name='sourceKind'
          label='Kind of new source'
          hint='Records of websites, organisations, citation searching and other sources go straight to retrieval, without title/abstract screening.'
          options={kindOptions}
          form={form}
        />
      </fieldset>
      <OtherMethodsConfirmation form={form} />
      <FilesField
        form={form}
        multiple
        label='Files'
        hint='RIS, PubMed/MEDLINE (.nbib) or PubMed XML, BibTeX, EndNote XML or tagged (.enw), Ovid, CSL-JSON, Web of Science, CSV, TSV, Excel (.xlsx) or OpenDocument (.ods) exports. Each file is one import: all its records land, or none. Up to 512 MB at once.'
      />
      <SelectField
        name='format'
        label='Format'
        hint='Weft reads the format from each file’s content, whatever its name; choose one only if it guesses wrong.'
        options={formatOptions}
        form={form}
      />
      <ForceCheckbox form={form} />
    </UploadFormShell>
  )
}
