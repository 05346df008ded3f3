/** The project-written labelled set (test/fixtures/ranking/link-workers.csv), read as the CLI reads it. */
import { readFileSync } from 'node:fs'
import { readDelimitedRows } from '../../../src/domain/formats/delimited-rows.ts'
import { labelledRecords } from '../../../src/domain/ranking/labelled-dataset.ts'

export const LINK_WORKERS_CSV = new URL('../../fixtures/ranking/link-workers.csv', import.meta.url)

export function linkWorkerRecords() {
  return labelledRecords(readDelimitedRows(readFileSync(LINK_WORKERS_CSV, 'utf8'), ',', []), 'line')
}
