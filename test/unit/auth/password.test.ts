import { describe, expect, it } from 'vitest'
import { PRODUCTION_SCRYPT_COST, productionHasher, scryptHasher } from '../../../src/auth/password.ts'

describe('password hashing', () => {
  it('accepts the right password and refuses a wrong one, at the production cost', async () => {
    const stored = await productionHasher.hash('correct horse battery')
    expect(stored.startsWith(`scrypt$${PRODUCTION_SCRYPT_COST.N}$${PRODUCTION_SCRYPT_COST.r}$1$`)).toBe(true)
    expect(await productionHasher.verify('correct horse battery', stored)).toBe(true)
    expect(await productionHasher.verify('correct horse batterY', stored)).toBe(false)
  })

  it('salts every hash', async () => {
    const cheap = scryptHasher({ N: 2, r: 1, p: 1 })
    expect(await cheap.hash('same password')).not.toBe(await cheap.hash('same password'))
  })

  it('checks a hash at the cost it was made with, whichever hasher checks it', async () => {
    const cheap = scryptHasher({ N: 2, r: 1, p: 1 })
    const stored = await cheap.hash('correct horse battery')
    expect(await productionHasher.verify('correct horse battery', stored)).toBe(true)
  })

  it('refuses malformed stored hashes', async () => {
    expect(await productionHasher.verify('anything', 'not-a-hash')).toBe(false)
    expect(await productionHasher.verify('anything', 'scrypt$16384$8$1$c2FsdA$')).toBe(false)
  })

  it('keeps a decoy hash at its own cost that no password matches', async () => {
    expect(productionHasher.decoyHash.startsWith('scrypt$16384$8$1$')).toBe(true)
    expect(await productionHasher.verify('', productionHasher.decoyHash)).toBe(false)
  })
})
