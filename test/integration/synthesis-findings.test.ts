import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { cerqualFindings } from '../../db/schema.ts'
import { addFinding, findingsForTables } from '../../src/store/cerqual-findings.ts'
import { addConcept } from '../../src/store/synthesis-concepts.ts'
import { mapConstruct } from '../../src/store/synthesis-mappings.ts'
import { loadSynthesisSnapshot } from '../../src/store/synthesis-snapshot.ts'
import { addLevel, placeNode } from '../../src/store/synthesis-line-of-argument.ts'
import { addThirdOrder } from '../../src/store/synthesis-third-order.ts'
import { testWeft } from '../support/app.ts'
import { linkGraphs, reachableStudies } from '../support/random-synthesis.ts'
import { synthesisReview } from '../support/synthesis-app.ts'
import { addQuote, addSecondOrder, addStudy, bareReview } from '../support/synthesis-fixtures.ts'

const ASSESSMENT = {
  methodological_limitationsConcern: 'minor',
  methodological_limitationsExplanation: 'Reflexivity rarely reported.',
  coherenceConcern: 'none',
  coherenceExplanation: 'Consistent.',
  adequacyConcern: 'moderate',
  adequacyExplanation: 'Thin data in one study.',
  relevanceConcern: 'none',
  relevanceExplanation: 'UK primary care.',
  confidence: 'moderate',
  confidenceExplanation: 'Rated down once for adequacy.',
}

async function withThirdOrder() {
  const setup = await synthesisReview()
  const { db, reviewId, construct } = setup
  const concept = addConcept(db, reviewId, { label: 'Role boundaries', description: '' }, 1)
  const blurred = mapConstruct(
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
    concept.id,
    construct('Holding patients while they wait').id,
    { translation: 'reciprocal', explanation: '' },
    1,
  )
  const thirdOrder = addThirdOrder(
    db,
    reviewId,
    { label: 'Holding more than designed for', definition: '', conceptIds: [concept.id] },
    1,
  )
  return { ...setup, concept, thirdOrder, blurred }
}

describe('CERQual findings', () => {
  it('adds a finding on a third-order construct, assesses it, and shows it in the SoQF table with studies from the links', async () => {
    const { reviewer, base, db, thirdOrder, auditCount } = await withThirdOrder()
    const added = await reviewer.post(`${base}/findings`, {
      summary: 'Link workers hold more than the role was designed for.',
      restsOn: String(thirdOrder.id),
    })
    expect(added.status).toBe(303)
    const [finding] = db.select().from(cerqualFindings).all()
    expect(added.headers.get('location')).toBe(`${base}/findings/${finding!.id}`)
    const saved = await reviewer.post(`${base}/findings/${finding!.id}`, {
      summary: finding!.summary,
      restsOn: String(thirdOrder.id),
      ...ASSESSMENT,
    })
    expect(saved.status).toBe(303)
    expect(auditCount('finding.added')).toBe(1)
    expect(auditCount('finding.assessed')).toBe(1)
    const soqf = await (await reviewer.get(`${base}/findings/soqf/csv`)).text()
    expect(soqf).toContain(
      '1,Link workers hold more than the role was designed for.,Frostick 2019; Griffith 2023,Moderate confidence,Rated down once for adequacy.',
    )
    const profile = await (await reviewer.get(`${base}/findings/evidence-profile/csv`)).text()
    expect(profile).toContain(
      'Minor concerns: Reflexivity rarely reported.,No or very minor concerns: Consistent.,Moderate concerns: Thin data in one study.',
    )
  })

  it('follows the links: unmapping a study’s only construct drops it from the contributing studies', async () => {
    const { reviewer, base, db, reviewId, thirdOrder, blurred } = await withThirdOrder()
    addFinding(db, reviewId, { summary: 'Holding', basis: 'third_order', thirdOrderId: thirdOrder.id }, 1)
    await reviewer.post(`${base}/grid/mappings/${blurred.id}/unmap`)
    const soqf = await (await reviewer.get(`${base}/findings/soqf/csv`)).text()
    expect(soqf).toContain('1,Holding,Griffith 2023,Not yet assessed,')
  })

  it('refuses a level of concern without its explanation and an overall rating before every component is judged', async () => {
    const { reviewer, base, db, reviewId, thirdOrder } = await withThirdOrder()
    const finding = addFinding(
      db,
      reviewId,
      { summary: 'Holding', basis: 'third_order', thirdOrderId: thirdOrder.id },
      1,
    )
    const bare = await reviewer.post(`${base}/findings/${finding.id}`, {
      summary: 'Holding',
      restsOn: String(thirdOrder.id),
      coherenceConcern: 'minor',
      confidence: 'high',
      confidenceExplanation: 'x',
    })
    expect(bare.status).toBe(422)
    const page = await bare.text()
    expect(page).toContain('Coherence: explain the level of concern.')
    expect(page).toContain('Judge every component before the overall confidence')
    expect(db.select().from(cerqualFindings).all()[0]!.coherenceConcern).toBeNull()
  })

  it('warns, after saving, when the overall rating is above the usual ceiling', async () => {
    const { reviewer, base, db, reviewId, thirdOrder } = await withThirdOrder()
    const finding = addFinding(
      db,
      reviewId,
      { summary: 'Holding', basis: 'third_order', thirdOrderId: thirdOrder.id },
      1,
    )
    await reviewer.post(`${base}/findings/${finding.id}`, {
      summary: 'Holding',
      restsOn: String(thirdOrder.id),
      ...ASSESSMENT,
      adequacyConcern: 'serious',
      confidence: 'high',
    })
    expect(await (await reviewer.get(`${base}/findings/${finding.id}`)).text()).toContain(
      'above the usual ceiling of moderate confidence',
    )
  })

  it('traces a line-of-argument finding through every construct in the model', async () => {
    const { reviewer, base, db, reviewId, construct, thirdOrder } = await withThirdOrder()
    const sector = addConcept(db, reviewId, { label: 'Sector', description: '' }, 1)
    mapConstruct(
      db,
      reviewId,
      sector.id,
      construct('Stretched voluntary sector').id,
      { translation: 'reciprocal', explanation: '' },
      1,
    )
    const second = addThirdOrder(db, reviewId, { label: 'Depleted sector', definition: '', conceptIds: [sector.id] }, 1)
    const level = addLevel(db, reviewId, 'All levels', 1)
    placeNode(db, reviewId, thirdOrder.id, level.id, 1)
    await reviewer.post(`${base}/findings`, { summary: 'Tensions at every level.', restsOn: 'loa' })
    expect(await (await reviewer.get(`${base}/findings/soqf/csv`)).text()).toContain(
      'Tensions at every level.,Frostick 2019; Griffith 2023,',
    )
    placeNode(db, reviewId, second.id, level.id, 1)
    expect(await (await reviewer.get(`${base}/findings/soqf/csv`)).text()).toContain(
      'Tensions at every level.,Frostick 2019; Griffith 2023; Pollard 2023,',
    )
  })

  it('answers a finding of another review with 404', async () => {
    const { reviewer, base } = await withThirdOrder()
    expect((await reviewer.get(`${base}/findings/424242`)).status).toBe(404)
  })
})

describe('contributing studies stored and traced', () => {
  it('equal the studies reachable through the stored links, for random link graphs', () => {
    fc.assert(
      fc.property(linkGraphs, (graph) => {
        const { db } = testWeft()
        const { reviewId, actorId } = bareReview(db, 'random-links')
        const study = new Map(graph.studies.map((id) => [id, addStudy(db, reviewId, `Study ${id}`)]))
        const construct = new Map(
          [...graph.constructStudy].map(([id, studyId]) => [
            id,
            addSecondOrder(db, reviewId, study.get(studyId)!, `Construct ${id}`),
          ]),
        )
        for (const link of graph.constructQuotes)
          addQuote(
            db,
            reviewId,
            study.get(graph.constructStudy.get(link.secondOrderId)!)!,
            `Quote ${link.firstOrderId}`,
            [construct.get(link.secondOrderId)!],
          )
        const concept = new Map(
          graph.concepts.map((id) => [
            id,
            addConcept(db, reviewId, { label: `Concept ${id}`, description: '' }, actorId).id,
          ]),
        )
        for (const mapping of graph.mappings) {
          mapConstruct(
            db,
            reviewId,
            concept.get(mapping.conceptId)!,
            construct.get(mapping.secondOrderId)!,
            { translation: 'reciprocal', explanation: '' },
            actorId,
          )
        }
        const findingOf = new Map<number, number>()
        for (const thirdOrderId of graph.thirdOrders) {
          const conceptIds = graph.thirdOrderConcepts
            .filter((link) => link.thirdOrderId === thirdOrderId)
            .map((link) => concept.get(link.conceptId)!)
          if (conceptIds.length === 0) continue
          const stored = addThirdOrder(
            db,
            reviewId,
            { label: `Third ${thirdOrderId}`, definition: '', conceptIds },
            actorId,
          )
          findingOf.set(
            thirdOrderId,
            addFinding(
              db,
              reviewId,
              { summary: `Finding ${thirdOrderId}`, basis: 'third_order', thirdOrderId: stored.id },
              actorId,
            ).id,
          )
        }
        const rows = findingsForTables(db, reviewId, loadSynthesisSnapshot(db, reviewId))
        for (const [thirdOrderId] of findingOf) {
          const row = rows.find((r) => r.summary === `Finding ${thirdOrderId}`)!
          const expected = reachableStudies(graph, [thirdOrderId])
            .map((id) => `Study ${id}`)
            .sort()
          expect(row.contributingStudies.map((s) => s.label).sort()).toEqual(expected)
        }
      }),
      { numRuns: 40 },
    )
  })
})
