import type { ExtractionField } from '../../db/schema.ts'
import { COUNTRIES } from '../../src/domain/extraction/countries.ts'
import { displayValue } from '../../src/domain/extraction/values.ts'
import type { FormState } from '../components/forms.tsx'

export const COUNTRY_LIST_ID = 'country-names'

/** The country names offered while typing in a country field; once per page. */
export function CountryList() {
  return (
    <datalist id={COUNTRY_LIST_ID}>
      {COUNTRIES.map((name) => (
        <option value={name} />
      ))}
    </datalist>
  )
}

function chosenOptions(stored: string): string[] {
  try {
    const parsed: unknown = JSON.parse(stored)
    return Array.isArray(parsed) ? parsed.map(String) : []
  } catch {
    return []
  }
}

/**
 * One field of the characteristics form as the input its kind needs. `prefix` keeps ids apart when the
 * same field appears in two forms of a page (own values and consensus).
 */
export function ValueInput(props: { field: ExtractionField; form: FormState; prefix: string }) {
  const { field, form } = props
  const name = `field-${field.id}`
  const id = `${props.prefix}${name}`
  const value = form.values[name] ?? ''
  const error = form.errors[name]
  const described = [field.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined
  const common = { id, name, 'aria-invalid': error ? 'true' : undefined, 'aria-describedby': described }
  let input
  switch (field.kind) {
    case 'long_text':
      input = (
        <textarea {...common} rows={3}>
          {value}
        </textarea>
      )
      break
    case 'number':
      input = <input {...common} type='text' inputmode='decimal' value={value} class='short' />
      break
    case 'country':
      input = <input {...common} type='text' list={COUNTRY_LIST_ID} value={value} autocomplete='off' />
      break
    case 'single_choice': {
      const stale = value !== '' && !field.options.includes(value)
      input = (
        <select {...common}>
          <option value=''>Not recorded</option>
          {field.options.map((option) => (
            <option value={option} selected={option === value}>
              {option}
            </option>
          ))}
          {stale ? (
            <option value={value} selected>
              {value} (no longer a choice)
            </option>
          ) : null}
        </select>
      )
      break
    }
    case 'multiple_choice': {
      const chosen = chosenOptions(value)
      const stale = chosen.filter((option) => !field.options.includes(option))
      input = (
        <div class='choice-group' role='group' aria-labelledby={`${id}-label`}>
          {[...field.options, ...stale].map((option, index) => (
            <label class='answer-choice'>
              <input
                type='checkbox'
                name={name}
                value={option}
                checked={chosen.includes(option)}
                id={index === 0 ? id : undefined}
              />
              {option}
              {stale.includes(option) ? ' (no longer a choice)' : ''}
            </label>
          ))}
        </div>
      )
      break
    }
    default:
      input = <input {...common} type='text' value={value} />
  }
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <label for={id} id={`${id}-label`}>
        {field.label}
      </label>
      {field.hint ? (
        <p class='hint' id={`${id}-hint`}>
          {field.hint}
        </p>
      ) : null}
      {error ? (
        <p class='error-message' id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      {input}
    </div>
  )
}

/** A stored value as text, or a dash when the study does not report it. */
export function ShownValue(props: { field: Pick<ExtractionField, 'kind'>; value: string | null }) {
  if (props.value === null || props.value === '') return <span class='muted'>—</span>
  return <span class='prose'>{displayValue(props.field.kind, props.value)}</span>
}
