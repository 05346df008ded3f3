import { runCli } from '../../src/cli.ts'
import { TEST_HASHER } from './app.ts'

/**
 * Runs `weft …` in-process and collects what it printed, as a shell would see it. Accounts are hashed at
 * the tests' trivial cost; test/integration/cli.test.ts runs the real executable, at the production cost.
 */
export async function weft(argv: string[]) {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(
    argv,
    {
      out: (line) => out.push(line),
      write: (text) => out.push(text),
      err: (line) => err.push(line),
    },
    { passwordHasher: TEST_HASHER },
  )
  return { code, out, err }
}
