import { runCli } from '../../src/cli.ts'

/** Runs `weft …` in-process and collects what it printed, as a shell would see it. */
export async function weft(argv: string[]) {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(argv, {
    out: (line) => out.push(line),
    write: (text) => out.push(text),
    err: (line) => err.push(line),
  })
  return { code, out, err }
}
