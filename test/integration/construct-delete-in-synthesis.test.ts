import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { conceptMappings, secondOrderConstructs, synthesisConcepts } from '../../db/schema.ts'
import { StoreConflictError } from '../../src/store/errors.ts'
import { deleteConstructItem } from '../../src/store/constructs.ts'
import { testWeft } from '../support/app.ts'
import { addSecondOrder, addStudy, bareReview } from '../support/synthesis-fixtures.ts'

describe('deleting a construct from the extraction page', () => {
  it('refuses a construct the synthesis maps, saying where to delete it, and keeps it with its mapping', () => {
    const weft = testWeft()
    const { reviewId, actorId } = bareReview(weft.db, 'constructs-in-use')
    const studyId = addStudy(weft.db, reviewId, 'Moffatt 2017')
    const constructId = addSecondOrder(weft.db, reviewId, studyId, 'Boundary work')
    const concept = weft.db
      .insert(synthesisConcepts)
      .values({ reviewId, label: 'Holding the line', position: 0 })
      .returning()
      .get()
    weft.db.insert(conceptMappings).values({ reviewId, conceptId: concept.id, secondOrderId: constructId }).run()
    expect(() => deleteConstructItem(weft.db, { reviewId, studyId, actorId }, 'second', constructId)).toThrow(
      StoreConflictError,
    )
    expect(() => deleteConstructItem(weft.db, { reviewId, studyId, actorId }, 'second', constructId)).toThrow(
      /synthesis page/,
    )
    expect(
      weft.db.select().from(secondOrderConstructs).where(eq(secondOrderConstructs.id, constructId)).get(),
    ).toBeDefined()
    expect(weft.db.select().from(conceptMappings).all()).toHaveLength(1)
  })

  it('deletes a construct nothing in the synthesis uses', () => {
    const weft = testWeft()
    const { reviewId, actorId } = bareReview(weft.db, 'constructs-unused')
    const studyId = addStudy(weft.db, reviewId, 'Wildman 2019')
    const constructId = addSecondOrder(weft.db, reviewId, studyId, 'Holistic support')
    deleteConstructItem(weft.db, { reviewId, studyId, actorId }, 'second', constructId)
    expect(weft.db.select().from(secondOrderConstructs).all()).toHaveLength(0)
  })
})
