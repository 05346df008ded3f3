import { availableParallelism } from 'node:os'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const root = fileURLToPath(new URL('..', import.meta.url))

// One name per test run, inherited by every worker: browser tests save their screenshots under it.
process.env.WEFT_TEST_RUN ??= new Date().toISOString().replace(/[:.]/g, '-')

export default defineConfig({
  root,
  oxc: { jsx: { runtime: 'automatic', importSource: 'hono/jsx' } },
  test: {
    environment: 'node',
    globals: false,
    // One module graph per worker, not per test file: importing the app once instead of ~100 times saves
    // most of the suite's time. Safe because tests share no state through modules: each builds its own app
    // on its own database, and the app's caches are keyed by that database (no vi.mock anywhere).
    isolate: false,
    // Every core: with one module graph per worker the main process has little to do (vitest's default,
    // one core less, leaves a 2-core machine running one test file at a time).
    maxWorkers: availableParallelism(),
    projects: [
      // Generous limits keep slow tests (property tests, the benchmark sets beside ../shared/fixtures) from
      // failing on a busy 2-core machine.
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.{ts,tsx}'], testTimeout: 30_000 } },
      {
        extends: true,
        test: { name: 'integration', include: ['test/integration/**/*.test.{ts,tsx}'], testTimeout: 30_000 },
      },
      {
        extends: true,
        test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 60_000 },
      },
    ],
  },
})
