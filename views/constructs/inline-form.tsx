import { ConfirmFields } from '../components/forms.tsx'
import type { Child } from 'hono/jsx'
import { SwapForm } from '../components/swap-form.tsx'

export const PANEL_ID = 'constructs-panel'

/**
 * A construct form: a plain post without JavaScript; with htmx it swaps the study's panel in place, and
 * weft.js submits it on Ctrl/Cmd+Enter from a text area (Enter already submits from a one-line field).
 */
export function InlineForm(props: {
  action: string
  csrf: () => string
  class?: string
  confirm?: string
  label?: string
  children: Child
}) {
  return (
    <SwapForm
      action={props.action}
      swap={PANEL_ID}
      csrf={props.csrf}
      class={props.class}
      attributes={{ 'data-keyboard-submit': true, 'data-confirm': props.confirm, 'aria-label': props.label }}
    >
      {props.confirm ? <ConfirmFields question={props.confirm} /> : null}
      {props.children}
    </SwapForm>
  )
}

export function MoveButtons(props: {
  action: string
  csrf: () => string
  name: string
  first: boolean
  last: boolean
}) {
  return (
    <>
      {(['up', 'down'] as const).map((direction) => (
        <InlineForm action={props.action} csrf={props.csrf} class='inline'>
          <input type='hidden' name='direction' value={direction} />
          <button
            type='submit'
            class='small'
            disabled={direction === 'up' ? props.first : props.last}
            aria-label={`Move ${props.name} ${direction}`}
          >
            {direction === 'up' ? '↑' : '↓'}
          </button>
        </InlineForm>
      ))}
    </>
  )
}

/** A one-line or multi-line text input with its label and error, for the compact construct forms. */
export function CompactField(props: {
  name: string
  label: string
  idPrefix: string
  value: string
  error?: string | undefined
  multiline?: boolean
  required?: boolean
  autofocus?: boolean | undefined
  class?: string
}) {
  const id = `${props.idPrefix}${props.name}`
  const describedBy = props.error ? `${id}-error` : undefined
  return (
    <div class={['field', props.error ? 'field-error' : '', props.class ?? ''].filter(Boolean).join(' ')}>
      <label for={id}>{props.label}</label>
      {props.error ? (
        <p class='error-message' id={`${id}-error`}>
          {props.error}
        </p>
      ) : null}
      {props.multiline ? (
        <textarea
          id={id}
          name={props.name}
          rows={3}
          required={props.required}
          autofocus={props.autofocus}
          aria-describedby={describedBy}
        >
          {props.value}
        </textarea>
      ) : (
        <input
          id={id}
          name={props.name}
          type='text'
          value={props.value}
          required={props.required}
          autofocus={props.autofocus}
          aria-describedby={describedBy}
        />
      )}
    </div>
  )
}
