import { eq, lt } from 'drizzle-orm'
import type { Executor } from '../../db/client.ts'
import { usedFormTokens } from '../../db/schema.ts'

/**
 * Marks a form token as used. Returns false when it was used already: the second of two submissions of
 * the same form (a double click, the back button, a replay) is then refused instead of applied twice.
 */
export function claimFormToken(db: Executor, nonce: string, now: Date): boolean {
  const result = db.insert(usedFormTokens).values({ nonce, usedAt: now }).onConflictDoNothing().run()
  return result.changes > 0
}

/** Gives a token back when its request changed nothing (a validation error), so the form can be fixed and sent. */
export function releaseFormToken(db: Executor, nonce: string): void {
  db.delete(usedFormTokens).where(eq(usedFormTokens.nonce, nonce)).run()
}

export function forgetFormTokensUsedBefore(db: Executor, cutoff: Date): void {
  db.delete(usedFormTokens).where(lt(usedFormTokens.usedAt, cutoff)).run()
}
