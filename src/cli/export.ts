import type { Db } from '../../db/client.ts'
import { OPERATOR } from '../domain/screening/blinding.ts'
import { exportInput } from '../input/export-input.ts'
import { exportFile } from '../store/exports-file.ts'
import { findReviewBySlug } from '../store/reviews.ts'
import type { CliOptions } from './args.ts'
import { CliUsageError, type CliIo } from './io.ts'

/**
 * `weft export --review S --what W --format F [--style S]`: the same files as the Report page's Exports
 * section, printed on stdout. `--what records --format csv` (the default format) lists the records after
 * deduplication, `--what identified` every record, each with its id, source, batch, duplicate_of, DOI,
 * PMID, title and year.
 */
export function exportRecords(db: Db, options: CliOptions, io: CliIo): void {
  if (!options.review) throw new CliUsageError('missing --review')
  if (!options.what) throw new CliUsageError('missing --what')
  const parsed = exportInput.safeParse({ what: options.what, format: options.format ?? 'csv', style: options.style })
  if (!parsed.success) throw new CliUsageError(`--${parsed.error.issues[0]?.message ?? 'invalid export'}`)
  const review = findReviewBySlug(db, options.review)
  if (!review) throw new CliUsageError(`--review: no review has the short name ${options.review}`)
  // The shell is the server's operator, not a screener: it exports every vote.
  io.write(exportFile(db, review, parsed.data, OPERATOR).body)
}
