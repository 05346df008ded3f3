import type { FormState } from './forms.tsx'

/**
 * The error of a field the form components don't draw (radio groups, file inputs, checkboxes), with the id
 * ErrorSummary links to.
 */
export function InlineError({ form, name }: { form: FormState; name: string }) {
  const error = form.errors[name]
  return error ? (
    <p class='error-message' id={`error-${name}`}>
      {error}
    </p>
  ) : null
}
