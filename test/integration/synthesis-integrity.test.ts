/** Concepts and constructs used in a translation never vanish silently: deleting asks and says what it breaks. */
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import {
  auditEvents,
  cerqualFindings,
  conceptMappings,
  secondOrderConstructs,
  synthesisConcepts,
  thirdOrderConcepts,
} from '../../db/schema.ts'
import { addFinding } from '../../src/store/cerqual-findings.ts'
import { addConcept } from '../../src/store/synthesis-concepts.ts'
import { mapConstruct } from '../../src/store/synthesis-mappings.ts'
import { addThirdOrder } from '../../src/store/synthesis-third-order.ts'
import { synthesisReview } from '../support/synthesis-app.ts'

async function usedConcept() {
  const setup = await synthesisReview()
  const { db, reviewId, construct } = setup
  const concept = addConcept(db, reviewId, { label: 'Role boundaries', description: '' }, 1)
  const spare = addConcept(db, reviewId, { label: 'Scope creep', description: 'Doing more than the job' }, 1)
  mapConstruct(
    db,
    reviewId,
    concept.id,
    construct('Blurred boundaries of the role').id,
    { translation: 'reciprocal', explanation: '' },
    1,
  )
  mapConstruct(
    db,
    reviewId,
    spare.id,
    construct('Blurred boundaries of the role').id,
    { translation: 'reciprocal', explanation: '' },
    1,
  )
  mapConstruct(
    db,
    reviewId,
    spare.id,
    construct('Boundaries kept by clear referral criteria').id,
    { translation: 'refutational', explanation: 'Clear criteria' },
    1,
  )
  const thirdOrder = addThirdOrder(
    db,
    reviewId,
    { label: 'Holding more than designed for', definition: '', conceptIds: [concept.id, spare.id] },
    1,
  )
  const finding = addFinding(
    db,
    reviewId,
    {
      summary: 'Link workers hold more than the role was designed for.',
      basis: 'third_order',
      thirdOrderId: thirdOrder.id,
    },
    1,
  )
  return { ...setup, concept, spare, thirdOrder, finding }
}

describe('concepts', () => {
  it('adds, renames and refuses a second concept with the same name', async () => {
    const { reviewer, base, db } = await synthesisReview()
    expect((await reviewer.post(`${base}/concepts`, { label: 'Emotional labour', description: '' })).status).toBe(303)
    const clash = await reviewer.post(`${base}/concepts`, { label: 'emotional LABOUR' })
    expect(clash.status).toBe(422)
    expect(await clash.text()).toContain('There is already a concept “Emotional labour”.')
    const [concept] = db.select().from(synthesisConcepts).all()
    await reviewer.post(`${base}/concepts/${concept!.id}`, {
      label: 'Emotional labour of holding',
      description: 'Carrying distress',
    })
    expect(db.select().from(synthesisConcepts).all()).toMatchObject([
      { label: 'Emotional labour of holding', description: 'Carrying distress' },
    ])
  })

  it('merges a concept into another, keeping every mapping and third-order link, in one audit event', async () => {
    const { reviewer, base, db, concept, spare, thirdOrder, auditCount } = await usedConcept()
    const response = await reviewer.post(`${base}/concepts/${spare.id}/merge`, { into: String(concept.id) })
    expect(response.status).toBe(303)
    const mappings = db.select().from(conceptMappings).all()
    expect(mappings.every((mapping) => mapping.conceptId === concept.id)).toBe(true)
    expect(mappings.map((mapping) => mapping.translation).sort()).toEqual(['reciprocal', 'refutational'])
    expect(db.select().from(thirdOrderConcepts).all()).toEqual([{ thirdOrderId: thirdOrder.id, conceptId: concept.id }])
    expect(db.select().from(synthesisConcepts).where(eq(synthesisConcepts.id, spare.id)).all()).toHaveLength(0)
    expect(db.select().from(synthesisConcepts).where(eq(synthesisConcepts.id, concept.id)).get()!.description).toBe(
      'Doing more than the job',
    )
    expect(auditCount('concept.merged')).toBe(1)
  })

  it('keeps a refutation when both merged concepts map the same construct', async () => {
    const { reviewer, base, db, reviewId, construct } = await synthesisReview()
    const into = addConcept(db, reviewId, { label: 'Boundaries', description: '' }, 1)
    const from = addConcept(db, reviewId, { label: 'Limits', description: '' }, 1)
    const criteria = construct('Boundaries kept by clear referral criteria').id
    mapConstruct(db, reviewId, into.id, criteria, { translation: 'reciprocal', explanation: '' }, 1)
    mapConstruct(db, reviewId, from.id, criteria, { translation: 'refutational', explanation: 'Clear criteria' }, 1)
    await reviewer.post(`${base}/concepts/${from.id}/merge`, { into: String(into.id) })
    expect(db.select().from(conceptMappings).all()).toMatchObject([
      { conceptId: into.id, translation: 'refutational', explanation: 'Clear criteria' },
    ])
  })

  it('asks before deleting a concept in use, listing the mappings, constructs and findings it breaks', async () => {
    const { reviewer, base, spare } = await usedConcept()
    const page = await (await reviewer.get(`${base}/concepts/${spare.id}/delete`)).text()
    expect(page).toContain('Delete the concept “Scope creep”?')
    expect(page).toContain('Mappings removed (2)')
    expect(page).toContain(
      '“Boundaries kept by clear referral criteria” (Pollard 2023) → “Scope creep”, refutational (contradicts)',
    )
    expect(page).toContain('Third-order constructs that lose evidence (1)')
    expect(page).toContain(
      'Link workers hold more than the role was designed for. <strong>(contributing studies change; review its assessment)</strong>',
    )
  })

  it('does not delete a concept in use without the confirmation', async () => {
    const { reviewer, base, db, spare } = await usedConcept()
    const response = await reviewer.post(`${base}/concepts/${spare.id}/delete`, {})
    expect(response.status).toBe(409)
    expect(await response.text()).toContain('is used in the synthesis: confirm')
    expect(db.select().from(synthesisConcepts).where(eq(synthesisConcepts.id, spare.id)).all()).toHaveLength(1)
    expect(db.select().from(conceptMappings).all()).toHaveLength(3)
  })

  it('deletes a concept once confirmed, with its mappings, and audits what went', async () => {
    const { reviewer, base, db, spare, auditCount } = await usedConcept()
    expect((await reviewer.post(`${base}/concepts/${spare.id}/delete`, { confirmed: 'on' })).status).toBe(303)
    expect(
      db
        .select()
        .from(conceptMappings)
        .all()
        .map((mapping) => mapping.conceptId),
    ).not.toContain(spare.id)
    expect(db.select().from(thirdOrderConcepts).all()).toHaveLength(1)
    expect(auditCount('concept.deleted')).toBe(1)
    const [event] = db.select().from(auditEvents).where(eq(auditEvents.action, 'concept.deleted')).all()
    expect((event!.before as { mappings: unknown[] }).mappings).toHaveLength(2)
  })

  it('deletes an unused concept after saying nothing else changes', async () => {
    const { reviewer, base, db, reviewId } = await synthesisReview()
    const concept = addConcept(db, reviewId, { label: 'Unused', description: '' }, 1)
    expect(await (await reviewer.get(`${base}/concepts/${concept.id}/delete`)).text()).toContain(
      'Nothing in the synthesis uses it',
    )
    expect((await reviewer.post(`${base}/concepts/${concept.id}/delete`, {})).status).toBe(303)
    expect(db.select().from(synthesisConcepts).all()).toHaveLength(0)
  })
})

describe('second-order constructs used in a translation', () => {
  it('cannot be deleted behind the synthesis’s back: the database refuses', async () => {
    const { db, construct } = await usedConcept()
    expect(() =>
      db
        .delete(secondOrderConstructs)
        .where(eq(secondOrderConstructs.id, construct('Blurred boundaries of the role').id))
        .run(),
    ).toThrow(/FOREIGN KEY/)
  })

  it('are deleted through the page that lists the mappings and findings they break', async () => {
    const { reviewer, base, db, construct, auditCount } = await usedConcept()
    const id = construct('Blurred boundaries of the role').id
    const page = await (await reviewer.get(`${base}/constructs/${id}/delete`)).text()
    expect(page).toContain('Mappings removed (2)')
    expect(page).toContain('CERQual findings affected (1)')
    expect((await reviewer.post(`${base}/constructs/${id}/delete`, {})).status).toBe(409)
    expect((await reviewer.post(`${base}/constructs/${id}/delete`, { confirmed: 'on' })).status).toBe(303)
    expect(db.select().from(secondOrderConstructs).where(eq(secondOrderConstructs.id, id)).all()).toHaveLength(0)
    expect(db.select().from(conceptMappings).all()).toHaveLength(1)
    expect(auditCount('second_order.deleted')).toBe(1)
  })
})

describe('third-order constructs used by findings', () => {
  it('ask before deleting, name the findings deleted with them, and delete once confirmed', async () => {
    const { reviewer, base, db, thirdOrder, finding, auditCount } = await usedConcept()
    const page = await (await reviewer.get(`${base}/third-order/${thirdOrder.id}/delete`)).text()
    expect(page).toContain(`${finding.summary} <strong>(deleted with it, assessment included)</strong>`)
    expect((await reviewer.post(`${base}/third-order/${thirdOrder.id}/delete`, {})).status).toBe(409)
    expect((await reviewer.post(`${base}/third-order/${thirdOrder.id}/delete`, { confirmed: 'on' })).status).toBe(303)
    expect(db.select().from(cerqualFindings).all()).toHaveLength(0)
    expect(db.select().from(thirdOrderConcepts).all()).toHaveLength(0)
    expect(auditCount('third_order.deleted')).toBe(1)
  })
})
