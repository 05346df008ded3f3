import { basename } from 'node:path'
import type { Db } from '../../db/client.ts'
import type { ImportBatch } from '../../db/schema.ts'
import { isFormatName, type FormatName } from '../domain/formats/index.ts'
import { SOURCE_KINDS, skipsTitleAbstract, type SourceKind } from '../domain/vocabulary.ts'
import { readMapOption } from '../input/import-input.ts'
import { importIntoSource } from '../store/imports.ts'
import type { ImportOutcome } from '../domain/import-outcome.ts'
import { findReviewBySlug } from '../store/reviews.ts'
import { findSourceByName } from '../store/sources.ts'
import type { CliOptions } from './args.ts'
import { fileChunks, fileFacts } from './file-chunks.ts'
import { CliUsageError, type CliIo } from './io.ts'

function refusal(file: string, outcome: Exclude<ImportOutcome<ImportBatch>, { status: 'imported' }>): string {
  switch (outcome.status) {
    case 'already_imported':
      return `${file} was already imported into this review (batch ${outcome.earlier.id}); add --force to import it again`
    case 'needs_mapping':
      return `${file}: Weft does not know which of the columns ${outcome.headers.map((h) => `“${h}”`).join(', ')} holds the title; name the columns with --map "title=…,authors=…" (or import it in the browser to map them)`
    case 'unreadable': {
      const [first] = outcome.errors
      return `${file} line ${first?.line ?? 1}: ${first?.message ?? 'no references found'}`
    }
  }
}

function sourceKind(options: CliOptions): SourceKind {
  const kind = options.kind ?? 'database'
  if (!(SOURCE_KINDS as readonly string[]).includes(kind))
    throw new CliUsageError(`--kind: one of ${SOURCE_KINDS.join(', ')}`)
  return kind as SourceKind
}

/** `weft import`: each file is one transaction; the first file that cannot be imported stops the run. */
export function importFiles(db: Db, options: CliOptions, files: string[], io: CliIo): void {
  if (!options.review) throw new CliUsageError('missing --review')
  if (!options.source) throw new CliUsageError('missing --source')
  if (files.length === 0) throw new CliUsageError('name at least one file to import')
  if (options.format !== undefined && !isFormatName(options.format))
    throw new CliUsageError(`--format: unknown format ${options.format}`)
  const review = findReviewBySlug(db, options.review)
  if (!review) throw new CliUsageError(`--review: no review has the short name ${options.review}`)
  const kind = sourceKind(options)
  const mapping = options.map === undefined ? undefined : readMapOption(options.map)
  if (mapping !== undefined && !mapping.ok) throw new CliUsageError(mapping.error)
  const facts = files.map((file) => ({ file, ...fileFacts(file) }))
  const sourceName = options.source
  for (const { file, sha256, sizeBytes } of facts) {
    const outcome = importIntoSource(db, {
      reviewId: review.id,
      source: { newSource: { name: sourceName, kind } },
      fileName: basename(file),
      sha256,
      sizeBytes,
      chunks: fileChunks(file),
      format: options.format as FormatName | undefined,
      columnMapping: mapping?.value,
      actorId: null,
      allowRepeat: options.force ?? false,
    })
    if (outcome.status !== 'imported') throw new CliUsageError(refusal(file, outcome))
    const { summary } = outcome
    // Said every time: records of other methods skip title/abstract screening, which must be what was meant.
    const skips = skipsTitleAbstract(findSourceByName(db, review.id, outcome.sourceName ?? sourceName)?.kind ?? kind)
    io.out(
      options.json
        ? JSON.stringify({ ...summary, screening: skips ? 'straight_to_retrieval' : 'title_abstract' })
        : `${file}: ${summary.imported} records imported as ${summary.format} into ${outcome.sourceName} (batch ${summary.batch})` +
            (summary.flagged ? `, ${summary.flagged} flagged` : '') +
            (summary.errors.length ? `, ${summary.errors.length} problems reported` : '') +
            (skips
              ? `; ${outcome.sourceName} is an other-methods source, so these records go straight to retrieval without title/abstract screening (PRISMA 2020); use --kind database or register, or edit the source, if they should be screened`
              : ''),
    )
  }
}
