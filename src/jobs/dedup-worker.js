// Entry of the deduplication worker thread: registers tsx (as src/bin/weft.js does) so the thread can
// load the TypeScript sources, then runs the job.
import { register } from 'tsx/esm/api'

register()
await import('./dedup-worker-main.ts')
