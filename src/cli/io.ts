/** Where a command writes; tests pass collectors, the real CLI passes the process streams. */
export interface CliIo {
  /** One line of output (a newline is added). */
  out: (text: string) => void
  /** Output exactly as given (exports). */
  write: (text: string) => void
  err: (text: string) => void
}

/** A mistake by the person at the shell: printed as one line on stderr, exit code 1. */
export class CliUsageError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'CliUsageError'
  }
}

/** Prints a result: as one JSON document with --json, otherwise as the human sentence. */
export function report(io: CliIo, json: boolean, result: Record<string, unknown>, sentence: string): void {
  io.out(json ? JSON.stringify(result) : sentence)
}
