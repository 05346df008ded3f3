// Entry of a job pool worker thread: registers tsx (as src/bin/weft.js does) so the thread can load the
// TypeScript sources, then starts taking jobs.
import { register } from 'tsx/esm/api'

register()
await import('./job-worker-main.ts')
