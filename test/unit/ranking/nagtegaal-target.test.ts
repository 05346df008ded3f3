/**
 * The published ASReview baseline on a real review (METHOD.md §11), only where ../shared/fixtures
 * exists. Two seeds here (about 15 s); the 10-seed table in the README comes from `weft rank simulate`.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { readDelimitedRows } from '../../../src/domain/formats/delimited-rows.ts'
import { labelledRecords } from '../../../src/domain/ranking/labelled-dataset.ts'
import { simulateReview } from '../../../src/domain/ranking/simulation-summary.ts'
import { HAVE_SHARED_FIXTURES, ROOT } from '../../support/shared-manifest.ts'

describe.runIf(HAVE_SHARED_FIXTURES)('Nagtegaal 2019 (2,019 records, 101 relevant)', () => {
  it('saves at least ASReview’s published work: WSS@95 71.7% and RRF@10 65.3%', () => {
    const text = readFileSync(`${ROOT}labeled/srd_Nagtegaal_2019.csv`, 'utf8')
    const summary = simulateReview(labelledRecords(readDelimitedRows(text, ',', []), 'line'), 2)
    expect(summary.mean.rrf10).toBeGreaterThanOrEqual(0.653)
    expect(summary.mean.wss95).toBeGreaterThanOrEqual(0.717)
  }, 120_000)
})
