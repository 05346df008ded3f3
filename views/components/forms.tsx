import type { Child } from 'hono/jsx'

export type FieldErrors = Record<string, string>
export type FormValues = Record<string, string>

export interface FormState {
  values: FormValues
  errors: FieldErrors
}

export const emptyForm: FormState = { values: {}, errors: {} }

export function ErrorSummary({ errors }: { errors: FieldErrors }) {
  const entries = Object.entries(errors)
  if (entries.length === 0) return null
  return (
    <div class='error-summary' role='alert' tabindex={-1}>
      <h2>{entries.length === 1 ? 'There is a problem' : `There are ${entries.length} problems`}</h2>
      <ul>
        {entries.map(([field, message]) => (
          <li>{field === '_form' ? message : <a href={`#field-${field}`}>{message}</a>}</li>
        ))}
      </ul>
    </div>
  )
}

/** An error at a field the form components don't draw (file input, checkbox), linked from the summary. */
export function InlineError({ form, name }: { form: FormState; name: string }) {
  const error = form.errors[name]
  return error ? (
    <p class='error-message' id={`error-${name}`}>
      {error}
    </p>
  ) : null
}

export function Form(props: {
  action: string
  csrf?: (() => string) | undefined
  children: Child
  class?: string
  /** Ask this before posting: a dialog with JavaScript, a confirmation page without (src/http/confirm-step.tsx). */
  confirm?: string
  /** The Yes button of the confirmation page, e.g. "Remove Bea". */
  confirmButton?: string
}) {
  return (
    <form method='post' action={props.action} class={props.class} data-confirm={props.confirm}>
      {props.csrf ? <input type='hidden' name='_csrf' value={props.csrf()} /> : null}
      {props.confirm ? <ConfirmFields question={props.confirm} button={props.confirmButton} /> : null}
      {props.children}
    </form>
  )
}

/** The question a form asks before it posts, for the confirmation page when there is no JavaScript to ask. */
export function ConfirmFields(props: { question: string; button?: string | undefined }) {
  return (
    <>
      <input type='hidden' name='_confirm' value={props.question} />
      {props.button ? <input type='hidden' name='_confirm_button' value={props.button} /> : null}
    </>
  )
}

interface FieldProps {
  name: string
  label: string
  form: FormState
  hint?: string
  required?: boolean
}

function FieldShell(props: FieldProps & { children: Child }) {
  const error = props.form.errors[props.name]
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <label for={`field-${props.name}`}>
        {props.label}
        {props.required ? (
          <span class='required' aria-hidden='true'>
            {' '}
            *
          </span>
        ) : null}
      </label>
      {props.hint ? (
        <p class='hint' id={`hint-${props.name}`}>
          {props.hint}
        </p>
      ) : null}
      {error ? (
        <p class='error-message' id={`error-${props.name}`}>
          {error}
        </p>
      ) : null}
      {props.children}
    </div>
  )
}

function describedBy(props: FieldProps): string | undefined {
  const ids = [props.hint ? `hint-${props.name}` : '', props.form.errors[props.name] ? `error-${props.name}` : '']
  return ids.filter(Boolean).join(' ') || undefined
}

export function TextField(
  props: FieldProps & {
    type?: 'text' | 'email' | 'password' | 'date'
    autocomplete?: string
    maxlength?: number
    inputmode?: 'numeric'
  },
) {
  return (
    <FieldShell {...props}>
      <input
        id={`field-${props.name}`}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.type === 'password' ? '' : (props.form.values[props.name] ?? '')}
        required={props.required}
        autocomplete={props.autocomplete}
        maxlength={props.maxlength}
        inputmode={props.inputmode}
        aria-invalid={props.form.errors[props.name] ? 'true' : undefined}
        aria-describedby={describedBy(props)}
      />
    </FieldShell>
  )
}

export function TextArea(props: FieldProps & { rows?: number; code?: boolean }) {
  return (
    <FieldShell {...props}>
      <textarea
        id={`field-${props.name}`}
        name={props.name}
        rows={props.rows ?? 3}
        class={props.code ? 'code' : undefined}
        required={props.required}
        aria-invalid={props.form.errors[props.name] ? 'true' : undefined}
        aria-describedby={describedBy(props)}
      >
        {props.form.values[props.name] ?? ''}
      </textarea>
    </FieldShell>
  )
}

export function SelectField(props: FieldProps & { options: readonly { value: string; label: string }[] }) {
  const selected = props.form.values[props.name]
  return (
    <FieldShell {...props}>
      <select
        id={`field-${props.name}`}
        name={props.name}
        aria-invalid={props.form.errors[props.name] ? 'true' : undefined}
        aria-describedby={describedBy(props)}
      >
        {props.options.map((option) => (
          <option value={option.value} selected={option.value === selected}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldShell>
  )
}

export function Checkbox(props: FieldProps) {
  const checked = ['on', 'true', '1'].includes(props.form.values[props.name] ?? '')
  return (
    <div class='field checkbox'>
      <input id={`field-${props.name}`} name={props.name} type='checkbox' checked={checked} />
      <label for={`field-${props.name}`}>{props.label}</label>
      {props.hint ? <p class='hint'>{props.hint}</p> : null}
    </div>
  )
}
