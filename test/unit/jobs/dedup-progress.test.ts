import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../../db/client.ts'
import { DedupJobs } from '../../../src/jobs/dedup-jobs.ts'
import { JobRunner } from '../../../src/jobs/job-runner.ts'
import { runDedupAttempts, type DedupPhase } from '../../../src/jobs/dedup-run.ts'
import type { DedupWork } from '../../../src/store/duplicates.ts'

const WORK: DedupWork = {
  reviewId: 1,
  newBatches: [1],
  records: [],
  newIds: new Set(),
  decidedPairs: new Set(),
  keptApart: [],
  version: 1,
}

describe('deduplication progress', () => {
  it('says the job is starting, not reading 0%, while its thread loads', () => {
    const jobs = new DedupJobs(new JobRunner(openDatabase(':memory:'), 1))
    jobs.start(42, null)
    expect(jobs.running(42)).toMatchObject({ phase: 'starting', percent: 0 })
  })

  it('moves with the records read, then the comparison, then the saving', () => {
    const seen: [DedupPhase, number, string][] = []
    runDedupAttempts(
      {
        load: (onRead) => {
          for (const read of [5000, 10000, 12000]) onRead(read, 12000)
          return WORK
        },
        compare: (_work, onProgress) => {
          onProgress(0.5)
          onProgress(1)
          return { candidates: [], clusters: [] } as never
        },
        save: () => ({ candidates: 0, merged_auto: 0, pending: 0 }),
      },
      (phase, percent, counted) => seen.push([phase, percent, counted ? `${counted.done}/${counted.total}` : '']),
    )
    expect(seen).toEqual([
      ['reading', 4, '5000/12000'],
      ['reading', 8, '10000/12000'],
      ['reading', 10, '12000/12000'],
      ['comparing', 52, ''],
      ['comparing', 95, ''],
      ['saving', 95, ''],
    ])
  })
})
