/**
 * The temporary folders imports parse into (src/store/imports.ts). Each is named for the process that
 * made it, so a folder whose process is gone — killed part-way through an import, which no `finally`
 * survives — is known to be abandoned and is removed by the next import, instead of leaving hundreds of
 * megabytes in the temp folder for good.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const PREFIX = 'weft-import-staging-'
const OWNED = new RegExp(`^${PREFIX}(\\d+)-`)

/** A new staging folder of this process, after removing those of processes that no longer run. */
export function newStagingFolder(parent = tmpdir()): string {
  removeAbandonedStagingFolders(parent)
  return mkdtempSync(join(parent, `${PREFIX}${process.pid}-`))
}

/** Removes the staging folders whose process has ended; returns how many. */
export function removeAbandonedStagingFolders(parent = tmpdir()): number {
  let removed = 0
  let names: string[]
  try {
    names = readdirSync(parent)
  } catch {
    return 0
  }
  for (const name of names) {
    const owner = OWNED.exec(name)?.[1]
    if (owner === undefined || isRunning(Number(owner))) continue
    rmSync(join(parent, name), { recursive: true, force: true })
    removed += 1
  }
  return removed
}

/** Whether a process with this id runs (one we may not signal runs too: its folder is not ours to take). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
