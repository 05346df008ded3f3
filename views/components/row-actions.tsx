import type { Child } from 'hono/jsx'
import { Form } from './forms.tsx'

/**
 * "Rename" that opens in place: one text field holding the current name and Save. The field is named by a
 * visible `label` (with the field's `id`) or, where the row already shows the name, by `ariaLabel` alone.
 */
export function RenameForm(props: {
  action: string
  csrf: () => string
  value: string
  maxlength: number
  /** Open, with what was typed, after a refused rename. */
  open?: boolean
  id?: string
  label?: string
  ariaLabel?: string
}) {
  return (
    <details class='inline-edit' open={props.open}>
      <summary>Rename</summary>
      <Form action={props.action} csrf={props.csrf}>
        {props.label ? <label for={props.id}>{props.label}</label> : null}
        <input
          id={props.id}
          name='label'
          value={props.value}
          maxlength={props.maxlength}
          aria-label={props.ariaLabel}
          required
        />
        <button type='submit' class='small'>
          Save
        </button>
      </Form>
    </details>
  )
}

/** A destructive action (delete, remove) as one small red button that asks `confirm` before it posts. */
export function DangerButton(props: {
  action: string
  csrf: () => string
  confirm: string
  /** The Yes button of the confirmation page when JavaScript is off, e.g. "Remove Bea". */
  confirmButton?: string
  class?: string
  children: Child
}) {
  return (
    <Form
      action={props.action}
      csrf={props.csrf}
      class={props.class ?? 'inline'}
      confirm={props.confirm}
      {...(props.confirmButton ? { confirmButton: props.confirmButton } : {})}
    >
      <button type='submit' class='small danger'>
        {props.children}
      </button>
    </Form>
  )
}
