import type { Db } from '../../db/client.ts'
import { prismaCounts } from '../domain/prisma/counts.ts'
import { prismaCsv } from '../domain/prisma/csv.ts'
import { prismaJson } from '../domain/prisma/json.ts'
import { prismaFacts } from '../store/prisma-facts.ts'
import { findReviewBySlug } from '../store/reviews.ts'
import { prismaSvgDocument } from '../../views/prisma/flow-diagram.tsx'
import type { CliOptions } from './args.ts'
import { CliUsageError, type CliIo } from './io.ts'

const FORMATS = ['json', 'csv', 'svg'] as const

/**
 * `weft prisma --review S --format json|csv|svg`: the review's PRISMA 2020 counts, computed from its stored
 * facts, as the R package's field names (json), the Shiny app's template (csv) or the diagram (svg).
 */
export function printPrisma(db: Db, options: CliOptions, io: CliIo): void {
  if (!options.review) throw new CliUsageError('missing --review')
  const format = options.format ?? 'json'
  if (!(FORMATS as readonly string[]).includes(format))
    throw new CliUsageError(`--format: ${format} is not one of ${FORMATS.join(', ')}`)
  const review = findReviewBySlug(db, options.review)
  if (!review) throw new CliUsageError(`--review: no review has the short name ${options.review}`)
  const counts = prismaCounts(prismaFacts(db, review.id))
  if (format === 'csv') io.write(prismaCsv(counts))
  else if (format === 'svg') io.write(prismaSvgDocument(counts))
  else io.write(`${JSON.stringify(prismaJson(counts), null, 2)}\n`)
}
