import type { Executor } from '../../db/client.ts'
import { forgetFormTokensUsedBefore } from './form-tokens.ts'
import { deleteExpiredSessions } from './sessions.ts'

/**
 * Forgets what can no longer matter: sessions past their expiry, and used form tokens older than any
 * token the form guard still accepts (an older one is refused as expired before its nonce is looked up).
 */
export function forgetExpired(db: Executor, now: Date, formTokenMaxAgeMs: number): void {
  db.transaction((tx) => {
    deleteExpiredSessions(tx, now)
    forgetFormTokensUsedBefore(tx, new Date(now.getTime() - formTokenMaxAgeMs))
  })
}
