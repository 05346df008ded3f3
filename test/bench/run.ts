/**
 * `npm run bench`: runs every benchmark script in this folder, one after another in its own process (so
 * peak memory is each one's own), and passes through their JSON lines: one line per figure.
 */
import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'

const folder = import.meta.dirname
const only = process.argv.slice(2)
const scripts = readdirSync(folder)
  .filter((file) => file.endsWith('.ts') && file !== 'run.ts')
  .filter((file) => only.length === 0 || only.some((name) => file.includes(name)))
  .sort()

let failed = 0
for (const script of scripts) {
  // --expose-gc: memory figures (idle-memory) are taken after a collection, in every thread.
  const result = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', join(folder, script)], {
    stdio: 'inherit',
  })
  if (result.status !== 0) {
    failed += 1
    console.error(`bench ${script} failed with exit code ${result.status}`)
  }
}
process.exitCode = failed === 0 ? 0 : 1
