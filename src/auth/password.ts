/**
 * Password hashing with scrypt from node:crypto. The stored form carries its own parameters
 * (`scrypt$N$r$p$salt$hash`) so they can be raised later without invalidating existing accounts, and so a
 * hash is always checked at the cost it was made with.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto'

const KEY_LENGTH = 64

export interface ScryptCost {
  N: number
  r: number
  p: number
}

/** The cost every account gets in production: N = 2^14, r = 8 (16 MiB of memory per hash). */
export const PRODUCTION_SCRYPT_COST: ScryptCost = { N: 16384, r: 8, p: 1 }

/**
 * Makes and checks password hashes. The app takes one through createApp, so tests can hash at a trivial
 * cost while production (and one test) keeps the real one.
 */
export interface PasswordHasher {
  hash(password: string): Promise<string>
  verify(password: string, stored: string): Promise<boolean>
  /** A hash of nothing at this hasher's cost: checked when an email has no account, so timing tells nothing. */
  readonly decoyHash: string
}

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, options, (error, key) =>
      error ? reject(error) : resolve(key),
    )
  })
}

async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$')
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !hash) return false
  const expected = Buffer.from(hash, 'base64url')
  const actual = await derive(password, Buffer.from(salt, 'base64url'), {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  })
  // Constant-time comparison so the time taken says nothing about how much of the hash matched.
  return actual.length === expected.length && timingSafeEqual(actual, expected)
}

export function scryptHasher(cost: ScryptCost = PRODUCTION_SCRYPT_COST): PasswordHasher {
  const { N, r, p } = cost
  const zeros = (bytes: number) => Buffer.alloc(bytes).toString('base64url')
  return {
    async hash(password) {
      const salt = randomBytes(16)
      const key = await derive(password, salt, cost)
      return ['scrypt', N, r, p, salt.toString('base64url'), key.toString('base64url')].join('$')
    },
    verify: verifyPassword,
    decoyHash: ['scrypt', N, r, p, zeros(16), zeros(KEY_LENGTH)].join('$'),
  }
}

/** The hasher at production cost: the default wherever none is given. */
export const productionHasher = scryptHasher()
