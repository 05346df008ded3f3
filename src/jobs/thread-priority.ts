/**
 * Background threads yield to the request thread. On Linux each thread has its own nice value, so a pool
 * thread building a review's features lowers its own and the scheduler prefers the thread answering
 * reviewers whenever both want the same core (on 2 cores, alongside the machine's other work). Elsewhere
 * nothing changes: the thread keeps the process's priority.
 */
import { readlinkSync } from 'node:fs'
import { setPriority } from 'node:os'

/** The nice value of the pool's threads: 10 gives the request thread about ten times their share of a busy core. */
export const BACKGROUND_NICE = 10

/** The kernel's id of the calling thread (Linux), or null. */
export function currentThreadId(): number | null {
  try {
    const id = Number(readlinkSync('/proc/thread-self').split('/').pop())
    return Number.isInteger(id) && id > 0 ? id : null
  } catch {
    return null
  }
}

/** Lowers the calling thread's priority to `nice`; false where the system has no per-thread priority. */
export function lowerThreadPriority(nice = BACKGROUND_NICE): boolean {
  const thread = currentThreadId()
  if (thread === null) return false
  try {
    setPriority(thread, nice)
    return true
  } catch {
    return false
  }
}
