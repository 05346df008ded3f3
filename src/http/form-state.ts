import type { FormState } from '../../views/components/forms.tsx'
import { StoreConflictError } from '../store/errors.ts'

/**
 * Turns a store refusal (a duplicate slug, the last owner…) into the form's error at its field; any
 * other error is not the person's doing and goes on to the error handler.
 */
export function conflictAsFormState(error: unknown, values: Record<string, unknown>): FormState {
  if (!(error instanceof StoreConflictError)) throw error
  const shown: Record<string, string> = {}
  for (const [key, value] of Object.entries(values)) {
    if (key !== 'password' && value !== undefined && value !== null) shown[key] = String(value)
  }
  return { values: shown, errors: { [error.field ?? '_form']: error.message } }
}
