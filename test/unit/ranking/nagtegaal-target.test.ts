/**
 * The published ASReview baseline on a real review (METHOD.md §11), on the shared fixtures
 * (test/support/shared-manifest.ts: when it runs). Two seeds here (about 15 s); the 10-seed table in the README comes from `weft rank simulate`.
 */
import { readFileSync } from 'node:fs'
import { expect, it } from 'vitest'
import { readDelimitedRows } from '../../../src/domain/formats/delimited-rows.ts'
import { labelledRecords } from '../../../src/domain/ranking/labelled-dataset.ts'
import { simulateReview } from '../../../src/domain/ranking/simulation-summary.ts'
import { describeShared, sharedFixture } from '../../support/shared-manifest.ts'

describeShared('Nagtegaal 2019 (2,019 records, 101 relevant)', () => {
  it('saves at least ASReview’s published work: WSS@95 71.7% and RRF@10 65.3%', () => {
    const text = readFileSync(sharedFixture('labeled/srd_Nagtegaal_2019.csv'), 'utf8')
    const summary = simulateReview(labelledRecords(readDelimitedRows(text, ',', []), 'line'), 2)
    expect(summary.mean.rrf10).toBeGreaterThanOrEqual(0.653)
    expect(summary.mean.wss95).toBeGreaterThanOrEqual(0.717)
  }, 120_000)
})
