import type { Db } from '../../db/client.ts'
import { CSV_BYTE_ORDER_MARK, csvLine } from '../domain/formats/write-csv.ts'
import { recordsForExport } from '../store/records.ts'
import { findReviewBySlug } from '../store/reviews.ts'
import type { CliOptions } from './args.ts'
import { CliUsageError, type CliIo } from './io.ts'

const RECORD_COLUMNS = ['id', 'source', 'batch', 'duplicate_of', 'doi', 'pmid', 'title', 'year'] as const

/** `weft export --what records --format csv`: every record, duplicates included, one line each. */
export function exportRecords(db: Db, options: CliOptions, io: CliIo): void {
  if (!options.review) throw new CliUsageError('missing --review')
  if (options.what !== 'records') throw new CliUsageError('--what: only records can be exported so far')
  if ((options.format ?? 'csv') !== 'csv') throw new CliUsageError('--format: records export as csv')
  const review = findReviewBySlug(db, options.review)
  if (!review) throw new CliUsageError(`--review: no review has the short name ${options.review}`)
  const lines = [CSV_BYTE_ORDER_MARK + csvLine(RECORD_COLUMNS)]
  for (const record of recordsForExport(db, review.id)) {
    lines.push(csvLine([record.id, record.source, record.batch, record.duplicateOf, record.doi, record.pmid, record.title, record.year]))
  }
  io.write(lines.join(''))
}
