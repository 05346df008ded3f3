import { describe, expect, it } from 'vitest'
import { conceptMappings } from '../../db/schema.ts'
import { addConcept } from '../../src/store/synthesis-concepts.ts'
import { mapConstruct } from '../../src/store/synthesis-mappings.ts'
import { synthesisReview } from '../support/synthesis-app.ts'

async function mapped() {
  const setup = await synthesisReview()
  const concept = addConcept(setup.db, setup.reviewId, { label: 'Role boundaries', description: '' }, 1)
  const blurred = mapConstruct(
    setup.db,
    setup.reviewId,
    concept.id,
    setup.construct('Blurred boundaries of the role').id,
    { translation: 'reciprocal', explanation: '' },
    1,
  )
  const kept = mapConstruct(
    setup.db,
    setup.reviewId,
    concept.id,
    setup.construct('Boundaries kept by clear referral criteria').id,
    { translation: 'reciprocal', explanation: '' },
    1,
  )
  return { ...setup, concept, blurred, kept }
}

const columns = (html: string) =>
  [...html.matchAll(/<th scope="col">([^<]+)<\/th>/g)].map((match) => match[1]).slice(1, 4)

describe('translation', () => {
  it('refuses a refutational translation without its explanation', async () => {
    const { reviewer, base, db, kept } = await mapped()
    const response = await reviewer.post(`${base}/translation/mappings/${kept.id}`, {
      translation: 'refutational',
      explanation: ' ',
    })
    expect(response.status).toBe(422)
    expect(await response.text()).toContain('a refutational translation needs its explanation')
    expect(
      db
        .select()
        .from(conceptMappings)
        .all()
        .every((mapping) => mapping.translation === 'reciprocal'),
    ).toBe(true)
  })

  it('marks a translation refutational with why, and shows it in both translation tables', async () => {
    const { reviewer, base, kept, auditCount } = await mapped()
    const saved = await reviewer.post(`${base}/translation/mappings/${kept.id}`, {
      translation: 'refutational',
      explanation: 'Protected caseloads kept the role bounded',
    })
    expect(saved.status).toBe(303)
    expect(auditCount('translation.marked')).toBe(1)
    const britten = await (await reviewer.get(`${base}/translation/britten/csv`)).text()
    expect(britten).toContain(
      'Role boundaries,Blurred boundaries of the role,,Boundaries kept by clear referral criteria [refutes],',
    )
    const page = await (await reviewer.get(`${base}/translation`)).text()
    expect(page).toContain('id="britten-table"')
    expect(page).toContain('id="chain-table"')
  })

  it('orders the grid’s studies from an index study, then by a custom order with its rationale', async () => {
    const { reviewer, base, studies, auditCount } = await mapped()
    const [frostick, griffith, pollard] = studies
    expect(columns(await (await reviewer.get(`${base}/grid`)).text())).toEqual([
      'Frostick 2019',
      'Griffith 2023',
      'Pollard 2023',
    ])
    await reviewer.post(`${base}/translation/order`, {
      kind: 'index_study',
      indexStudyId: String(pollard!.id),
      rationale: 'Richest account',
    })
    expect(columns(await (await reviewer.get(`${base}/grid`)).text())).toEqual([
      'Pollard 2023',
      'Frostick 2019',
      'Griffith 2023',
    ])
    await reviewer.post(`${base}/translation/order`, {
      kind: 'custom',
      rationale: 'Ethnographies first',
      [`place-${griffith!.id}`]: '1',
      [`place-${pollard!.id}`]: '2',
      [`place-${frostick!.id}`]: '3',
    })
    expect(columns(await (await reviewer.get(`${base}/grid`)).text())).toEqual([
      'Griffith 2023',
      'Pollard 2023',
      'Frostick 2019',
    ])
    expect(await (await reviewer.get(`${base}/translation`)).text()).toContain('Ethnographies first')
    expect(auditCount('translation_order.saved')).toBe(2)
  })

  it('refuses an index-study order without an index study, and a place that is not a number', async () => {
    const { reviewer, base, studies } = await mapped()
    expect((await reviewer.post(`${base}/translation/order`, { kind: 'index_study', indexStudyId: '' })).status).toBe(
      422,
    )
    const bad = await reviewer.post(`${base}/translation/order`, {
      kind: 'custom',
      [`place-${studies[0]!.id}`]: 'first',
    })
    expect(bad.status).toBe(422)
    expect(await bad.text()).toContain('whole number')
  })

  it('exports the construct-chain table', async () => {
    const { reviewer, base } = await mapped()
    const csv = await (await reviewer.get(`${base}/translation/chain/csv`)).text()
    expect(csv).toContain(
      'Third-order construct,Second-order constructs (studies),Illustrative first-order quotes,Contributing studies,Relationship',
    )
  })
})
