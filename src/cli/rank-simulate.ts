/**
 * `weft rank simulate`: how much screening work prioritisation would have saved on a review that is
 * already fully labelled. Needs no database; reads one CSV file or spreadsheet (XLSX, ODS).
 */
import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { decodeBytes } from '../domain/formats/decode.ts'
import { isZip, readSpreadsheet, SpreadsheetError } from '../domain/formats/spreadsheet.ts'
import { guessDelimiter, readDelimitedRows } from '../domain/formats/delimited-rows.ts'
import type { ParseIssue } from '../domain/formats/bibliographic-record.ts'
import { labelledRecords, LabelledDatasetError, type LabelledRecord } from '../domain/ranking/labelled-dataset.ts'
import { DEFAULT_MODEL, describeModel } from '../domain/ranking/model.ts'
import { simulateReview } from '../domain/ranking/simulation-summary.ts'
import type { CliOptions } from './args.ts'
import { CliUsageError, type CliIo } from './io.ts'

const DEFAULT_SEEDS = 10

export function rankSimulate(options: CliOptions, io: CliIo): void {
  const file = options.dataset
  if (file === undefined || file.trim() === '') throw new CliUsageError('missing --dataset FILE')
  const seeds = options.seeds === undefined ? DEFAULT_SEEDS : Number(options.seeds)
  if (!Number.isInteger(seeds) || seeds < 1 || seeds > 1000)
    throw new CliUsageError(`--seeds: not a number of runs from 1 to 1000: ${options.seeds}`)
  const records = readLabelledFile(file)
  const summary = simulateReview(records, seeds)
  if (options.json) {
    io.out(JSON.stringify({ dataset: basename(file), model: describeModel(DEFAULT_MODEL), ...summary }))
    return
  }
  const percent = (share: number) => `${(share * 100).toFixed(1)}%`
  const { mean } = summary
  io.out(
    `${basename(file)}: ${summary.records} records, ${summary.relevant} relevant; mean of ${seeds} seed${seeds === 1 ? '' : 's'}`,
  )
  io.out(`Model: ${describeModel(DEFAULT_MODEL)}`)
  io.out(
    `WSS@95 ${percent(mean.wss95)}  WSS@100 ${percent(mean.wss100)}  RRF@10 ${percent(mean.rrf10)}  ATD ${percent(mean.atd)}`,
  )
  io.out('Recall curve (records screened → relevant found):')
  io.out(summary.recallCurve.map((point) => `${percent(point.screened)} → ${percent(point.recall)}`).join(', '))
}

function readLabelledFile(file: string): LabelledRecord[] {
  let bytes: Uint8Array
  try {
    bytes = readFileSync(file)
  } catch (error) {
    throw new CliUsageError(`--dataset: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'})`)
  }
  try {
    if (isZip(bytes)) return labelledRecords(readSpreadsheet(bytes).rows, 'row')
    const { text } = decodeBytes(bytes)
    const issues: ParseIssue[] = []
    // The header line decides: keywords cells full of ";" would outvote the commas further down.
    const header = text.slice(0, text.indexOf('\n') === -1 ? text.length : text.indexOf('\n'))
    const rows = readDelimitedRows(text, guessDelimiter(header), issues)
    const issue = issues[0]
    if (issue !== undefined) throw new LabelledDatasetError(`line ${issue.line}: ${issue.message}`)
    return labelledRecords(rows, 'line')
  } catch (error) {
    if (error instanceof LabelledDatasetError || error instanceof SpreadsheetError)
      throw new CliUsageError(`${file}: ${error.message}`)
    throw error
  }
}
