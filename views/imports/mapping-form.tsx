import { MAPPED_FIELDS } from '../../src/domain/formats/index.ts'
import { ErrorSummary, InlineError, type FormState } from '../components/forms.tsx'
import { MAPPED_FIELD_LABELS } from './labels.ts'
import { FilesField, UploadFormShell } from './upload-form.tsx'

/** What the mapping step needs: the file's headers and, per header, the field chosen so far. */
export interface MappingStep {
  fileName: string
  headers: string[]
  /** Per header (same order): a MAPPED_FIELDS value or 'ignore'. */
  fields: string[]
}

/** The choices of the upload form that ride along, so the second post imports where the first meant to. */
const CARRIED = ['sourceId', 'sourceName', 'sourceKind', 'format', 'force', 'confirmOtherMethods'] as const

const fieldOptions = [
  { value: 'ignore', label: 'Ignore this column' },
  ...MAPPED_FIELDS.map((value) => ({ value, label: MAPPED_FIELD_LABELS[value] })),
]

/**
 * The column-mapping step for a CSV/TSV export whose headers Weft does not know. The browser cannot
 * send a file again by itself and Weft keeps nothing of a file it did not import, so the reviewer
 * chooses the same file once more, with the mapping filled in below it.
 */
export function MappingForm(props: {
  action: string
  csrf: () => string
  step: MappingStep
  form: FormState
  index: number
}) {
  const { step, form } = props
  return (
    <section class='mapping' id={`mapping-${props.index}`}>
      <h2>Map the columns of {step.fileName}</h2>
      <p>
        Weft does not recognise these column headings, so it cannot tell which column holds the title. Say what each
        column holds; columns left on “Ignore” are not imported. Nothing of the file has been stored.
      </p>
      <ErrorSummary errors={form.errors} />
      <UploadFormShell action={props.action} csrf={props.csrf} submitLabel='Import with this mapping'>
        <input type='hidden' name='mapFile' value={step.fileName} />
        {CARRIED.map((name) =>
          form.values[name] !== undefined ? <input type='hidden' name={name} value={form.values[name]} /> : null,
        )}
        <table class='column-mapping'>
          <thead>
            <tr>
              <th scope='col'>Column in the file</th>
              <th scope='col'>Holds</th>
            </tr>
          </thead>
          <tbody>
            {step.headers.map((header, i) => {
              const key = `map-${i}`
              const error = form.errors[key]
              return (
                <tr class={error ? 'field-error' : undefined}>
                  <th scope='row'>
                    <label for={`field-${key}`}>{header || `(column ${i + 1} has no heading)`}</label>
                    <input type='hidden' name='mapHeader[]' value={header} />
                  </th>
                  <td>
                    <InlineError form={form} name={key} />
                    <select id={`field-${key}`} name='mapField[]' aria-invalid={error ? 'true' : undefined}>
                      {fieldOptions.map((option) => (
                        <option value={option.value} selected={option.value === (step.fields[i] ?? 'ignore')}>
                          {option.label}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
        <FilesField
          form={form}
          multiple={false}
          label={`Choose ${step.fileName} again`}
          hint='Weft did not keep the file, so choose it once more; it is read with the mapping above.'
        />
      </UploadFormShell>
    </section>
  )
}
