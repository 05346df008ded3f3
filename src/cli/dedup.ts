import type { Db } from '../../db/client.ts'
import { runDeduplication } from '../store/duplicates.ts'
import { findReviewBySlug } from '../store/reviews.ts'
import type { CliOptions } from './args.ts'
import { CliUsageError, report, type CliIo } from './io.ts'

/** `weft dedup`: compares the records imported since the last run with each other and with the rest. */
export function dedupReview(db: Db, options: CliOptions, io: CliIo): void {
  if (!options.review) throw new CliUsageError('missing --review')
  const review = findReviewBySlug(db, options.review)
  if (!review) throw new CliUsageError(`--review: no review has the short name ${options.review}`)
  const result = runDeduplication(db, review.id, null)
  report(
    io,
    options.json ?? false,
    { ...result },
    `${result.candidates} possible duplicate pairs found: ${result.merged_auto} records merged automatically, ${result.pending} pairs waiting for a reviewer`,
  )
}
