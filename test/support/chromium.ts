/**
 * Finds the Chromium the browser tests drive. playwright-core never downloads a browser, and the README's
 * two commands must pass on a fresh machine, so the order is:
 *   1. CHROMIUM_PATH, when set (an error if nothing is there: a wrong setting should not be papered over);
 *   2. Debian's /usr/bin/chromium, when installed;
 *   3. the Chromium that the npm package @sparticuz/chromium carries inside its tarball (a devDependency:
 *      `npm install` brings it from the registry, with no download step), unpacked once per version into
 *      the OS temp folder.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

export const SYSTEM_CHROMIUM = '/usr/bin/chromium'

export interface ChromiumBinary {
  executablePath: string
  /** Where it came from, for the error message and the log. */
  origin: 'CHROMIUM_PATH' | 'system' | 'npm package'
  /** Extra environment the binary needs (the packaged one brings its own fonts). */
  env: Record<string, string>
}

export async function findChromium(): Promise<ChromiumBinary> {
  const configured = process.env.CHROMIUM_PATH
  if (configured) {
    if (!existsSync(configured)) throw new Error(`CHROMIUM_PATH is ${configured}, but there is no Chromium there.`)
    return { executablePath: configured, origin: 'CHROMIUM_PATH', env: {} }
  }
  if (existsSync(SYSTEM_CHROMIUM)) return { executablePath: SYSTEM_CHROMIUM, origin: 'system', env: {} }
  return packagedChromium()
}

function packagedVersion(): string {
  const require = createRequire(import.meta.url)
  // The package's exports hide package.json; its entry point sits at build/cjs/index.cjs.
  const manifest = join(dirname(require.resolve('@sparticuz/chromium')), '..', '..', 'package.json')
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version
}

/**
 * Unpacks the package's Brotli files with the package's own code. It always unpacks into os.tmpdir(), and
 * reuses whatever it finds there, so it is pointed (through TMPDIR, which os.tmpdir() reads on each call)
 * at a staging folder of this process, then the folder is renamed into place: a half-unpacked browser from
 * an interrupted or concurrent run can never be picked up.
 */
async function packagedChromium(): Promise<ChromiumBinary> {
  const home = join(tmpdir(), `weft-chromium-${packagedVersion()}`)
  const binary = {
    executablePath: join(home, 'chromium'),
    origin: 'npm package' as const,
    env: { FONTCONFIG_PATH: join(home, 'fonts') },
  }
  if (existsSync(binary.executablePath)) return binary

  const staging = `${home}.${process.pid}.${Date.now()}`
  mkdirSync(staging, { recursive: true })
  const tmpdirBefore = process.env.TMPDIR
  try {
    process.env.TMPDIR = staging
    const { default: Chromium } = await import('@sparticuz/chromium')
    await Chromium.executablePath()
  } finally {
    if (tmpdirBefore === undefined) delete process.env.TMPDIR
    else process.env.TMPDIR = tmpdirBefore
  }
  try {
    renameSync(staging, home)
  } catch (error) {
    // Another test file unpacked the same version first: keep theirs.
    rmSync(staging, { recursive: true, force: true })
    if (!existsSync(binary.executablePath)) throw error
  }
  return binary
}
