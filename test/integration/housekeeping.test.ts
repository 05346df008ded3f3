import { describe, expect, it } from 'vitest'
import { sessions, usedFormTokens } from '../../db/schema.ts'
import { FORM_TOKEN_MAX_AGE_MS } from '../../src/http/form-token.ts'
import { forgetExpired } from '../../src/store/housekeeping.ts'
import { SESSION_LIFETIME_MS } from '../../src/store/sessions.ts'
import { reviewOwnedBy, signedIn, testWeft } from '../support/app.ts'

describe('housekeeping', () => {
  it('forgets expired sessions and form tokens too old to be replayed, and keeps the rest', async () => {
    const weft = testWeft()
    const owner = await signedIn(weft, 'owner@example.org')
    await reviewOwnedBy(owner) // uses one form token
    weft.clock.advance(FORM_TOKEN_MAX_AGE_MS / 2)
    await reviewOwnedBy(owner, 'second-review', 'Second review')
    expect(weft.db.select().from(usedFormTokens).all()).toHaveLength(2)

    forgetExpired(weft.db, new Date(weft.clock.now.getTime() + FORM_TOKEN_MAX_AGE_MS / 2 + 1000), FORM_TOKEN_MAX_AGE_MS)
    expect(weft.db.select().from(usedFormTokens).all()).toHaveLength(1)
    expect(weft.db.select().from(sessions).all()).toHaveLength(1)

    forgetExpired(weft.db, new Date(weft.clock.now.getTime() + SESSION_LIFETIME_MS + 1000), FORM_TOKEN_MAX_AGE_MS)
    expect(weft.db.select().from(sessions).all()).toHaveLength(0)
    expect(weft.db.select().from(usedFormTokens).all()).toHaveLength(0)
  })
})
