import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { newStagingFolder, removeAbandonedStagingFolders } from '../../src/store/import-staging-folders.ts'

const parents: string[] = []
afterEach(() => {
  for (const parent of parents.splice(0)) rmSync(parent, { recursive: true, force: true })
})

function tempParent(): string {
  const parent = mkdtempSync(join(tmpdir(), 'weft-staging-test-'))
  parents.push(parent)
  return parent
}

/** The id of a process that has ended. */
function endedProcessId(): number {
  return Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString())
}

describe('staging folders of imports', () => {
  it('removes the folders of imports whose process was killed, and keeps the rest', () => {
    const parent = tempParent()
    const abandoned = join(parent, `weft-import-staging-${endedProcessId()}-Ab12Cd`)
    const running = join(parent, `weft-import-staging-${process.pid}-Ef34Gh`)
    const unrelated = join(parent, 'weft-upload-Ij56Kl')
    for (const folder of [abandoned, running, unrelated]) mkdirSync(folder)

    expect(removeAbandonedStagingFolders(parent)).toBe(1)
    expect(existsSync(abandoned)).toBe(false)
    expect(existsSync(running)).toBe(true)
    expect(existsSync(unrelated)).toBe(true)
  })

  it('names a new folder for this process, after clearing abandoned ones', () => {
    const parent = tempParent()
    mkdirSync(join(parent, `weft-import-staging-${endedProcessId()}-Mn78Op`))
    const folder = newStagingFolder(parent)
    expect(readdirSync(parent)).toEqual([folder.slice(parent.length + 1)])
    expect(folder).toMatch(new RegExp(`weft-import-staging-${process.pid}-`))
  })
})
