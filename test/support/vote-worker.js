// A worker thread starts without a TypeScript loader: register tsx, as src/bin/weft.js does, then run the voter.
import { register } from 'tsx/esm/api'

register()
await import('./vote-worker.ts')
