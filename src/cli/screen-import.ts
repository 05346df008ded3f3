import { readFileSync, statSync } from 'node:fs'
import { basename } from 'node:path'
import type { Db } from '../../db/client.ts'
import { MAX_DECISION_FILE_BYTES, reviewerMapFromText } from '../input/decision-import-input.ts'
import { decisionImportSentence } from '../../views/screening-import/summary.ts'
import { importDecisionFile, importRayyanDecisions, type DecisionImportResult } from '../store/decision-import.ts'
import { findReviewBySlug } from '../store/reviews.ts'
import type { CliOptions } from './args.ts'
import { CliUsageError, type CliIo } from './io.ts'

/**
 * `weft screen import --review S FILE.csv` (a decisions CSV) or `--rayyan --reviewer-map "…"` (the
 * Rayyan decisions in the review's records): one transaction; on any problem nothing is stored and the
 * first problem is the one line on stderr (--json also prints them all on stdout).
 */
export function screenImport(db: Db, options: CliOptions, files: string[], io: CliIo): void {
  if (!options.review) throw new CliUsageError('missing --review')
  const review = findReviewBySlug(db, options.review)
  if (!review) throw new CliUsageError(`--review: no review has the short name ${options.review}`)
  const context = { reviewId: review.id, actorId: null, at: new Date() }

  let origin: string
  let result: DecisionImportResult
  if (options.rayyan) {
    if (files.length > 0)
      throw new CliUsageError('--rayyan reads the decisions of records already imported; name no file')
    const map = reviewerMapFromText(options['reviewer-map'])
    if (!map.ok) throw new CliUsageError(map.error)
    origin = 'Rayyan decisions'
    result = importRayyanDecisions(db, { ...context, origin }, map.value)
  } else {
    if (files.length !== 1) throw new CliUsageError('name one decisions CSV file to import (or --rayyan)')
    const file = files[0]!
    origin = basename(file)
    result = importDecisionFile(db, { ...context, origin }, readDecisionFile(file))
  }

  if (!result.ok) {
    if (options.json) io.out(JSON.stringify({ errors: result.errors, more: result.more }))
    const others = result.errors.length - 1 + result.more
    const more = others === 0 ? 'Nothing' : `And ${others} more ${others === 1 ? 'problem' : 'problems'}; nothing`
    throw new CliUsageError(
      `${origin}: ${result.errors[0]?.message ?? 'The import was refused.'} ${more} was imported.`,
    )
  }
  io.out(options.json ? JSON.stringify(result.summary) : `${origin}: ${decisionImportSentence(result.summary)}`)
}

function readDecisionFile(file: string): Uint8Array {
  try {
    if (statSync(file).size > MAX_DECISION_FILE_BYTES)
      throw new CliUsageError(`${file} is larger than ${MAX_DECISION_FILE_BYTES / (1024 * 1024)} MB; split it`)
    return readFileSync(file)
  } catch (error) {
    if (error instanceof CliUsageError) throw error
    throw new CliUsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`)
  }
}
