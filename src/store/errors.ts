/**
 * What the store refuses because of what is already stored (as opposed to malformed input, which the
 * validators at the edge reject). `field` names the form field the message belongs to, when there is one.
 */
export class StoreConflictError extends Error {
  readonly field: string | undefined

  constructor(message: string, field?: string) {
    super(message)
    this.name = 'StoreConflictError'
    this.field = field
  }
}

export class StoreNotFoundError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'StoreNotFoundError'
  }
}
