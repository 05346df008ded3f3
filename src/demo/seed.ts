import { createHash } from 'node:crypto'
import type { Db } from '../../db/client.ts'
import { productionHasher, type PasswordHasher } from '../auth/password.ts'
import { runDeduplication } from '../store/duplicates.ts'
import { importReferenceFile } from '../store/imports.ts'
import { addMember } from '../store/memberships.ts'
import { createReview } from '../store/reviews.ts'
import { setThirdReviewer } from '../store/screening-allocation.ts'
import { createSource } from '../store/sources.ts'
import { countUsers, findUserByEmail, insertUser } from '../store/users.ts'
import { DEMO_EXPORTS } from './search-results.ts'
import { seedFullTextDemo } from './full-text-demo.ts'
import { seedScreeningDemo } from './screening-demo.ts'
import { DEMO_EXCLUSION_REASONS, DEMO_PASSWORD, DEMO_PEOPLE, DEMO_REVIEW, DEMO_SOURCES } from './link-worker-review.ts'

export const DEMO_LOGIN = { email: DEMO_PEOPLE[0].email, password: DEMO_PASSWORD }

/** Loads the demo review into an empty database. Returns false (and does nothing) when it is not empty. */
export async function seedDemo(db: Db, options: { filesDir: string; hasher?: PasswordHasher }): Promise<boolean> {
  if (countUsers(db) > 0) return false
  const passwordHash = await (options.hasher ?? productionHasher).hash(DEMO_PASSWORD)
  // One transaction: a failure part-way leaves the database empty, and the next start tries again.
  db.transaction((tx) => {
    const [owner, ...others] = DEMO_PEOPLE.map((person) => insertUser(tx, { ...person, passwordHash }, null))
    const review = createReview(tx, DEMO_REVIEW, {
      ownerId: owner!.id,
      actorId: owner!.id,
      exclusionReasons: DEMO_EXCLUSION_REASONS,
    })
    others.forEach((user, index) => addMember(tx, review.id, user.email, DEMO_PEOPLE[index + 1]!.role, owner!.id))
    const third = others.find((user) => user.email === 'third.reviewer@weft.local')!
    setThirdReviewer(tx, review.id, third.id, owner!.id)
    const sourceIds = new Map(
      DEMO_SOURCES.map((source) => [source.name, createSource(tx, review.id, source, owner!.id).id]),
    )
    for (const file of DEMO_EXPORTS) {
      const bytes = new TextEncoder().encode(file.text)
      const outcome = importReferenceFile(db, {
        reviewId: review.id,
        sourceId: sourceIds.get(file.source)!,
        fileName: file.fileName,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        sizeBytes: bytes.length,
        chunks: [bytes],
        actorId: owner!.id,
      })
      if (outcome.status !== 'imported')
        throw new Error(`demo export ${file.fileName} did not import: ${outcome.status}`)
    }
    runDeduplication(db, review.id, owner!.id)
    const people = { reviewId: review.id, ownerId: owner!.id, secondId: others[0]!.id, at: new Date() }
    seedScreeningDemo(tx, { ...people, thirdId: third.id })
    seedFullTextDemo(tx, { ...people, filesDir: options.filesDir })
  })
  return true
}

/** True while the demo account still has the password printed at start-up (so printing it is still useful). */
export async function demoLoginStillWorks(db: Db): Promise<boolean> {
  const user = findUserByEmail(db, DEMO_LOGIN.email)
  return user ? productionHasher.verify(DEMO_LOGIN.password, user.passwordHash) : false
}
