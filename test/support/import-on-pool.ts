/** A file on disk imported on the job pool into a new source, as a browser upload is once it has arrived. */
import { basename } from 'node:path'
import { statSync } from 'node:fs'
import type { JobRunner, RunOptions } from '../../src/jobs/job-runner.ts'

export function importOnPool(
  jobs: JobRunner,
  reviewId: number,
  file: string,
  sourceName: string,
  options?: RunOptions,
) {
  return jobs.run(
    'import',
    {
      reviewId,
      source: { newSource: { name: sourceName, kind: 'database' } },
      fileName: basename(file),
      sha256: `${basename(file)}-${statSync(file).mtimeMs}`,
      sizeBytes: statSync(file).size,
      filePath: file,
      actorId: null,
    },
    options,
  )
}
