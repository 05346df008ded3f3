import { count, eq } from 'drizzle-orm'
import type { Executor } from '../../db/client.ts'
import { users, type User } from '../../db/schema.ts'
import { productionHasher, type PasswordHasher } from '../auth/password.ts'
import { recordAuditEvent } from './audit.ts'
import { StoreConflictError } from './errors.ts'

export interface NewAccount {
  email: string
  name: string
  password: string
}

export function countUsers(db: Executor): number {
  return db.select({ n: count() }).from(users).get()?.n ?? 0
}

export function findUserByEmail(db: Executor, email: string): User | undefined {
  return db.select().from(users).where(eq(users.email, email.trim().toLowerCase())).get()
}

export function listUsers(db: Executor): User[] {
  return db.select().from(users).orderBy(users.name).all()
}

/**
 * Creates an account whose password is already hashed. The very first account of an instance becomes its
 * administrator, whoever creates it (first visitor in the browser or `weft user add`).
 */
export function insertUser(
  db: Executor,
  account: { email: string; name: string; passwordHash: string },
  actorId: number | null,
  options: { firstAccountOnly?: boolean } = {},
): User {
  const email = account.email.trim().toLowerCase()
  return db.transaction((tx) => {
    const existing = tx.select({ n: count() }).from(users).get()?.n ?? 0
    if (options.firstAccountOnly && existing > 0) {
      throw new StoreConflictError('This Weft already has an administrator; sign in instead.')
    }
    if (tx.select({ id: users.id }).from(users).where(eq(users.email, email)).get()) {
      throw new StoreConflictError(`An account with the email ${email} already exists.`, 'email')
    }
    const user = tx
      .insert(users)
      .values({ email, name: account.name.trim(), passwordHash: account.passwordHash, isAdmin: existing === 0 })
      .returning()
      .get()
    recordAuditEvent(tx, {
      reviewId: null,
      actorId: actorId ?? user.id,
      action: 'user.created',
      entityType: 'user',
      entityId: user.id,
      after: { email: user.email, name: user.name, isAdmin: user.isAdmin },
    })
    return user
  })
}

export async function createUser(
  db: Executor,
  account: NewAccount,
  actorId: number | null,
  options: { firstAccountOnly?: boolean; hasher?: PasswordHasher } = {},
): Promise<User> {
  // Hash before the transaction: better-sqlite3 transactions must be synchronous.
  const passwordHash = await (options.hasher ?? productionHasher).hash(account.password)
  return insertUser(db, { email: account.email, name: account.name, passwordHash }, actorId, options)
}
