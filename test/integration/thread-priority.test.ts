/**
 * The job pool's threads run at a lower priority than the thread answering reviewers (Linux, where each
 * thread has its own nice value), so the scheduler prefers requests when both want a core.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { BACKGROUND_NICE } from '../../src/jobs/thread-priority.ts'
import { testWeftOnFile } from '../support/app.ts'

/** Each thread of this process with its nice value (field 19 of /proc/self/task/ID/stat). */
function threadNiceValues(): Map<number, number> {
  const values = new Map<number, number>()
  for (const task of readdirSync('/proc/self/task')) {
    let stat: string
    try {
      stat = readFileSync(`/proc/self/task/${task}/stat`, 'utf8')
    } catch {
      continue // a thread that ended meanwhile (another test's pool closing)
    }
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    values.set(Number(task), Number(fields[16]))
  }
  return values
}

describe.runIf(process.platform === 'linux')('priority of the background threads', () => {
  it('lowers the pool’s threads and leaves the request thread as it was', async () => {
    const weft = testWeftOnFile()
    try {
      const before = threadNiceValues()
      await weft.services.jobs.run('held', {})
      const lowered = [...threadNiceValues()].filter(([id, nice]) => !before.has(id) && nice === BACKGROUND_NICE)
      expect(lowered.length).toBeGreaterThanOrEqual(1)
      expect(threadNiceValues().get(process.pid)).toBe(before.get(process.pid))
    } finally {
      await weft.close()
    }
  })
})
