import { SwapForm } from '../components/swap-form.tsx'

/** A record's labels, and the forms that add and remove them; htmx swaps just this block. */
export interface RecordLabelsProps {
  /** /reviews/:slug */
  reviewBase: string
  recordId: number
  labels: string[]
  /** Labels the review already uses, offered as the reviewer types. */
  known: string[]
  csrf: () => string
  canLabel: boolean
  /** Where a plain (no-JavaScript) post returns to. */
  back: string
  error?: string | undefined
}

export function recordLabelsId(recordId: number): string {
  return `record-labels-${recordId}`
}

export function RecordLabels(props: RecordLabelsProps) {
  const id = recordLabelsId(props.recordId)
  const action = `${props.reviewBase}/records/${props.recordId}/labels`
  return (
    <div id={id} class='record-labels'>
      <span class='labels-heading'>Labels:</span>
      {props.labels.length === 0 ? <span class='muted'>none</span> : null}
      <ul class='label-chips'>
        {props.labels.map((label) => (
          <li class='label-chip'>
            <span>{label}</span>
            {props.canLabel ? (
              <SwapForm action={`${action}/remove`} swap={id} csrf={props.csrf} class='inline'>
                <input type='hidden' name='label' value={label} />
                <input type='hidden' name='back' value={props.back} />
                <button type='submit' class='link remove-label' aria-label={`Remove the label “${label}”`}>
                  ×
                </button>
              </SwapForm>
            ) : null}
          </li>
        ))}
      </ul>
      {props.canLabel ? (
        <SwapForm action={action} swap={id} csrf={props.csrf} class='label-add'>
          <input type='hidden' name='back' value={props.back} />
          <label class='visually-hidden' for={`${id}-new`}>
            New label
          </label>
          <input
            id={`${id}-new`}
            name='label'
            type='text'
            maxlength={60}
            list={`${id}-known`}
            placeholder='Add a label'
            aria-invalid={props.error ? 'true' : undefined}
            aria-describedby={props.error ? `${id}-error` : undefined}
          />
          <datalist id={`${id}-known`}>
            {props.known.map((label) => (
              <option value={label} />
            ))}
          </datalist>
          <button type='submit' class='small secondary'>
            Add label
          </button>
        </SwapForm>
      ) : null}
      {props.error ? (
        <p class='error-message' id={`${id}-error`} role='alert'>
          {props.error}
        </p>
      ) : null}
    </div>
  )
}
