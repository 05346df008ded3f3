/**
 * Uploads stream to temporary files, and imports parse into staging databases (os.tmpdir(), which follows
 * TMPDIR): a test file points TMPDIR at a folder of its own for its run, so it sees any left behind.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll } from 'vitest'

/** Registers the folder for the calling test file; `leftovers()` lists the uploads and staging files in it. */
export function watchUploadFolder(): { leftovers: () => string[] } {
  let folder = ''
  let before: string | undefined
  beforeAll(() => {
    before = process.env['TMPDIR']
    folder = mkdtempSync(join(tmpdir(), 'weft-test-uploads-'))
    process.env['TMPDIR'] = folder
  })
  afterAll(() => {
    // Test files share a worker (isolate: false): the next one finds TMPDIR as it was.
    if (before === undefined) delete process.env['TMPDIR']
    else process.env['TMPDIR'] = before
    rmSync(folder, { recursive: true, force: true })
  })
  return { leftovers: () => readdirSync(folder).filter((name) => /^weft-(upload|import-staging)-/.test(name)) }
}
