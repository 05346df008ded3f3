import type { DecisionImportError } from '../../src/domain/screening/decision-import.ts'

export interface ImportProblems {
  /** What was imported: the file name, or "Rayyan decisions". */
  origin: string
  errors: DecisionImportError[]
  /** Problems past those listed. */
  more: number
}

/** Every problem that stopped an import, each with its line, and the reassurance that nothing was stored. */
export function ImportProblemList({ problems }: { problems: ImportProblems }) {
  const total = problems.errors.length + problems.more
  return (
    <div class='error-summary' role='alert' tabindex={-1} id='import-problems'>
      <h2>
        {problems.origin}: {total === 1 ? 'one problem' : `${total.toLocaleString('en')} problems`}, so nothing was
        imported
      </h2>
      <p>The whole file is one import: correct these and upload it again.</p>
      <ul>
        {problems.errors.map((error) => (
          <li data-line={error.line}>{error.message}</li>
        ))}
        {problems.more > 0 ? <li>…and {problems.more.toLocaleString('en')} more problems.</li> : null}
      </ul>
    </div>
  )
}
