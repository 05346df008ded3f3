import { describe, expect, it } from 'vitest'
import { hashPassword, verifyPassword } from '../../../src/auth/password.ts'

describe('password hashing', () => {
  it('verifies the password it hashed and nothing else', async () => {
    const stored = await hashPassword('correct horse battery')
    expect(stored).toMatch(/^scrypt\$16384\$8\$1\$/)
    expect(await verifyPassword('correct horse battery', stored)).toBe(true)
    expect(await verifyPassword('correct horse batterY', stored)).toBe(false)
  })

  it('salts each hash, so equal passwords do not look equal', async () => {
    expect(await hashPassword('same password')).not.toBe(await hashPassword('same password'))
  })

  it('treats a damaged stored hash as a mismatch rather than an error', async () => {
    expect(await verifyPassword('anything', 'not-a-hash')).toBe(false)
    expect(await verifyPassword('anything', 'scrypt$16384$8$1$c2FsdA$')).toBe(false)
  })
})
