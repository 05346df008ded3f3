/**
 * Uploads stream to temporary files (os.tmpdir(), which follows TMPDIR): a test file points TMPDIR at a
 * folder of its own for its run, so it sees every temporary upload file that is left behind.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll } from 'vitest'

/** Registers the folder for the calling test file; `leftovers()` lists the upload files still in it. */
export function watchUploadFolder(): { leftovers: () => string[] } {
  let folder = ''
  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'weft-test-uploads-'))
    process.env['TMPDIR'] = folder
  })
  afterAll(() => {
    delete process.env['TMPDIR']
    rmSync(folder, { recursive: true, force: true })
  })
  return { leftovers: () => readdirSync(folder).filter((name) => name.startsWith('weft-upload-')) }
}
