import { describe, expect, it } from 'vitest'
import { sharedFixturesRule } from '../support/shared-manifest.ts'

describe('tests on the shared fixtures', () => {
  it('run wherever the fixtures are, asked for or not', () => {
    expect(sharedFixturesRule(true, false)).toBe('run')
    expect(sharedFixturesRule(true, true)).toBe('run')
  })

  it('fail, not skip, where WEFT_SHARED_FIXTURES asks for fixtures that are not there', () => {
    expect(sharedFixturesRule(false, true)).toBe('fail')
  })

  it('are skipped only where the fixtures are absent and nobody asked for them', () => {
    expect(sharedFixturesRule(false, false)).toBe('skip')
  })
})
