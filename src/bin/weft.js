#!/usr/bin/env node
// The `weft` executable: registers tsx so Node 20 can load the TypeScript sources, then runs the CLI.
import { register } from 'tsx/esm/api'

register()
const { runCli } = await import('../cli.ts')
const code = await runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(`${text}\n`),
  write: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(`${text}\n`),
})
// `serve` keeps running (its server holds the event loop open); other commands end here.
if (code !== 0) process.exitCode = code
