import type { UploadState } from '../../src/domain/import-outcome.ts'

const number = (value: number) => value.toLocaleString('en')
const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`
const share = (done: number, total: number) => (total > 0 ? Math.min(100, Math.floor((done / total) * 100)) : 0)

/** The words and figures of each phase: what is done of what. */
function describe(state: UploadState): { text: string; done: number | null; total: number | null } {
  const of = 'fileName' in state && state.files > 1 ? ` (file ${state.fileNumber} of ${state.files})` : ''
  switch (state.phase) {
    case 'waiting':
      return { text: 'Waiting for the upload to begin…', done: null, total: null }
    case 'receiving':
      return state.totalBytes
        ? {
            text: `Uploading: ${megabytes(state.bytes)} of ${megabytes(state.totalBytes)} (${share(state.bytes, state.totalBytes)}%)…`,
            done: state.bytes,
            total: state.totalBytes,
          }
        : { text: `Uploading: ${megabytes(state.bytes)}…`, done: state.bytes, total: null }
    case 'reading':
      return {
        text:
          `Reading ${state.fileName}${of}: ${megabytes(state.bytes)} of ${megabytes(state.totalBytes)}, ` +
          `${number(state.records)} records so far (${share(state.bytes, state.totalBytes)}%)…`,
        done: state.bytes,
        total: state.totalBytes,
      }
    case 'storing':
      return {
        text: `Storing the records of ${state.fileName}${of}: ${number(state.stored)} of ${number(state.total)} (${share(state.stored, state.total)}%)…`,
        done: state.stored,
        total: state.total,
      }
    case 'done':
      return { text: state.summary, done: null, total: null }
    case 'failed':
      return { text: state.message, done: null, total: null }
  }
}

/**
 * Where an upload of reference files stands, as its page polls it while the file goes up and is imported:
 * the phase and its figures (also as data attributes), then the summary with a link to the import.
 */
export function UploadProgressView({ state }: { state: UploadState }) {
  const { text, done, total } = describe(state)
  return (
    <span
      class='upload-progress-state'
      data-upload-phase={state.phase}
      data-upload-done={done ?? undefined}
      data-upload-total={total ?? undefined}
    >
      <span data-upload-text>{text}</span>
      {state.phase === 'done' && state.location ? (
        <>
          {' '}
          <a href={state.location}>See the import</a>
        </>
      ) : null}
    </span>
  )
}
