/**
 * Server-side sessions (after Lucia's auth_session.ts). The cookie holds `id.secret`; the database holds
 * only the SHA-256 of the secret, so a copy of the database cannot be turned into signed-in cookies.
 */
import { eq, lt } from 'drizzle-orm'
import type { Executor } from '../../db/client.ts'
import { sessions, users, type Session, type User } from '../../db/schema.ts'
import { constantTimeEqual, randomToken, sha256 } from '../auth/tokens.ts'

export const SESSION_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000
/** A session used with less than this left is extended, so active reviewers are not signed out. */
const RENEW_WHEN_LEFT_MS = 15 * 24 * 60 * 60 * 1000

export interface CreatedSession {
  token: string
  session: Session
}

export function createSession(db: Executor, userId: number, now: Date): CreatedSession {
  const id = randomToken(18)
  const secret = randomToken(32)
  const session = db
    .insert(sessions)
    .values({
      id,
      secretHash: sha256(secret),
      formKey: randomToken(32),
      userId,
      createdAt: now,
      expiresAt: new Date(now.getTime() + SESSION_LIFETIME_MS),
    })
    .returning()
    .get()
  return { token: `${id}.${secret}`, session }
}

export type SessionCheck =
  { status: 'valid'; session: Session; user: User; renewed: boolean } | { status: 'expired' } | { status: 'invalid' }

export function validateSessionToken(db: Executor, token: string, now: Date): SessionCheck {
  const [id, secret] = token.split('.')
  if (!id || !secret) return { status: 'invalid' }
  const row = db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, id))
    .get()
  if (!row || !constantTimeEqual(row.session.secretHash, sha256(secret))) return { status: 'invalid' }
  if (row.session.expiresAt.getTime() <= now.getTime()) {
    db.delete(sessions).where(eq(sessions.id, id)).run()
    return { status: 'expired' }
  }
  const left = row.session.expiresAt.getTime() - now.getTime()
  if (left >= RENEW_WHEN_LEFT_MS) return { status: 'valid', ...row, renewed: false }
  const expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS)
  db.update(sessions).set({ expiresAt }).where(eq(sessions.id, id)).run()
  return { status: 'valid', session: { ...row.session, expiresAt }, user: row.user, renewed: true }
}

export function deleteSession(db: Executor, sessionId: string): void {
  db.delete(sessions).where(eq(sessions.id, sessionId)).run()
}

export function deleteExpiredSessions(db: Executor, now: Date): void {
  db.delete(sessions).where(lt(sessions.expiresAt, now)).run()
}
