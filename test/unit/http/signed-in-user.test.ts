import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const SRC = join(import.meta.dirname, '../../../src')

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(path)
    return /\.tsx?$/.test(entry.name) ? [path] : []
  })
}

// `c.get('user')!` tells TypeScript to trust us; the routes behind the sign-in guard are typed so it
// knows (SignedInEnv, ReviewEnv in src/http/env.ts), and an assertion would hide a route that is not.
const ASSERTED_USER = /\.get\(\s*['"]user['"]\s*\)\s*!|\.var\.user\s*!/

describe('the signed-in person on a route', () => {
  it('is never asserted non-null in the routes or the HTTP middleware', () => {
    const offenders = [...sourceFiles(join(SRC, 'routes')), ...sourceFiles(join(SRC, 'http'))].flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, index) => (ASSERTED_USER.test(line) ? [`${file.slice(SRC.length + 1)}:${index + 1}`] : [])),
    )
    expect(offenders).toEqual([])
  })
})
