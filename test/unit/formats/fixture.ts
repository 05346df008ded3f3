/** Reads a project-written fixture from test/fixtures/formats. */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

export const FIXTURES = fileURLToPath(new URL('../../fixtures/formats/', import.meta.url))

export function fixtureBytes(name: string): Uint8Array {
  return readFileSync(FIXTURES + name)
}

export function fixtureText(name: string): string {
  return readFileSync(FIXTURES + name, 'utf8')
}
