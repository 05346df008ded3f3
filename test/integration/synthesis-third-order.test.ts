import { describe, expect, it } from 'vitest'
import { argumentNodes, thirdOrderConstructs } from '../../db/schema.ts'
import { addConcept } from '../../src/store/synthesis-concepts.ts'
import { mapConstruct } from '../../src/store/synthesis-mappings.ts'
import { synthesisReview } from '../support/synthesis-app.ts'

async function withConcepts() {
  const setup = await synthesisReview()
  const { db, reviewId, construct } = setup
  const boundaries = addConcept(db, reviewId, { label: 'Role boundaries', description: '' }, 1)
  const sector = addConcept(db, reviewId, { label: 'Stretched sector', description: '' }, 1)
  mapConstruct(
    db,
    reviewId,
    boundaries.id,
    construct('Blurred boundaries of the role').id,
    { translation: 'reciprocal', explanation: '' },
    1,
  )
  mapConstruct(
    db,
    reviewId,
    boundaries.id,
    construct('Holding patients while they wait').id,
    { translation: 'reciprocal', explanation: '' },
    1,
  )
  mapConstruct(
    db,
    reviewId,
    sector.id,
    construct('Stretched voluntary sector').id,
    { translation: 'reciprocal', explanation: '' },
    1,
  )
  return { ...setup, boundaries, sector }
}

describe('third-order constructs', () => {
  it('builds one from concepts and opens onto its concepts, constructs, studies and quotes', async () => {
    const { reviewer, base, boundaries, db } = await withConcepts()
    const created = await reviewer.post(`${base}/third-order`, {
      label: 'Holding more than designed for',
      definition: 'The role stretches.',
      'conceptIds[]': String(boundaries.id),
    })
    expect(created.status).toBe(303)
    const [thirdOrder] = db.select().from(thirdOrderConstructs).all()
    expect(created.headers.get('location')).toBe(`${base}/third-order/${thirdOrder!.id}`)
    const page = await (await reviewer.get(`${base}/third-order/${thirdOrder!.id}`)).text()
    expect(page).toContain('<strong>Contributing studies (2):</strong> Frostick 2019; Griffith 2023')
    expect(page).toContain('Concept: <a href')
    expect(page).toContain('Blurred boundaries of the role')
    expect(page).toContain('“Holding patients while they wait in their words”')
  })

  it('refuses one built from no concept', async () => {
    const { reviewer, base, db } = await withConcepts()
    const response = await reviewer.post(`${base}/third-order`, { label: 'Free-floating' })
    expect(response.status).toBe(422)
    expect(await response.text()).toContain('Choose at least one concept')
    expect(db.select().from(thirdOrderConstructs).all()).toHaveLength(0)
  })

  it('edits the concepts it is built from, which changes its contributing studies', async () => {
    const { reviewer, base, boundaries, sector, db } = await withConcepts()
    await reviewer.post(`${base}/third-order`, { label: 'Tension', 'conceptIds[]': String(boundaries.id) })
    const [thirdOrder] = db.select().from(thirdOrderConstructs).all()
    const body = new URLSearchParams({ label: 'Tension', definition: '' })
    body.append('conceptIds[]', String(boundaries.id))
    body.append('conceptIds[]', String(sector.id))
    body.set('_csrf', reviewer.formToken() as string)
    const saved = await reviewer.request(`${base}/third-order/${thirdOrder!.id}`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' },
    })
    expect(saved.status).toBe(303)
    expect(await (await reviewer.get(`${base}/third-order/${thirdOrder!.id}`)).text()).toContain(
      'Contributing studies (3):',
    )
  })
})

describe('line of argument', () => {
  async function modelled() {
    const setup = await withConcepts()
    const { reviewer, base, boundaries, sector, db } = setup
    await reviewer.post(`${base}/third-order`, {
      label: 'Holding more than designed for',
      'conceptIds[]': String(boundaries.id),
    })
    await reviewer.post(`${base}/third-order`, {
      label: 'Signposting into a depleted sector',
      'conceptIds[]': String(sector.id),
    })
    const [holding, signposting] = db.select().from(thirdOrderConstructs).all()
    await reviewer.post(`${base}/line-of-argument/statement`, { statement: 'Tensions at every level.' })
    await reviewer.post(`${base}/line-of-argument/levels`, { label: 'System and policy' })
    await reviewer.post(`${base}/line-of-argument/levels`, { label: 'Individual link worker' })
    const page = await (await reviewer.get(`${base}/line-of-argument`)).text()
    const levelIds = [...page.matchAll(/line-of-argument\/levels\/(\d+)\/delete/g)].map((match) => match[1]!)
    await reviewer.post(`${base}/line-of-argument/nodes`, {
      thirdOrderId: String(signposting!.id),
      levelId: levelIds[0]!,
    })
    await reviewer.post(`${base}/line-of-argument/nodes`, { thirdOrderId: String(holding!.id), levelId: levelIds[1]! })
    const [from, to] = db.select().from(argumentNodes).all()
    await reviewer.post(`${base}/line-of-argument/relations`, {
      fromNodeId: String(from!.id),
      toNodeId: String(to!.id),
      label: 'constrains',
    })
    return { ...setup, holding: holding!, signposting: signposting!, levelIds }
  }

  it('draws the model as SVG on the server: levels, labelled arrows, nodes linking to their detail page', async () => {
    const { reviewer, base, holding, signposting } = await modelled()
    const page = await (await reviewer.get(`${base}/line-of-argument`)).text()
    expect(page).toContain('Tensions at every level.')
    expect(page).toMatch(/<svg[^>]*class="line-of-argument"/)
    expect(page).toContain('>System and policy</text>')
    expect(page).toContain(`<a href="${base}/third-order/${holding.id}" class="node" data-node=`)
    expect(page).toContain(`<a href="${base}/third-order/${signposting.id}" class="node" data-node=`)
    expect(page).toContain('marker-end="url(#loa-arrow)"')
    expect(page).toContain('>constrains</text>')
  })

  it('says there is no figure yet, instead of failing, while no construct is placed', async () => {
    const { reviewer, base } = await withConcepts()
    for (const file of ['figure.svg', 'figure.png']) {
      const response = await reviewer.get(`${base}/line-of-argument/${file}`)
      expect(response.status).toBe(404)
      expect(await response.text()).toContain('no third-order construct placed yet')
    }
  })

  it('downloads the figure as a standalone SVG with absolute links', async () => {
    const { reviewer, base, holding } = await modelled()
    const svg = await reviewer.get(`${base}/line-of-argument/figure.svg`)
    expect(svg.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8')
    const text = await svg.text()
    expect(text.startsWith('<?xml')).toBe(true)
    expect(text).toContain('xmlns="http://www.w3.org/2000/svg"')
    expect(text).toContain(`href="http://localhost${base}/third-order/${holding.id}"`)
  })

  it('keeps a level that still holds constructs', async () => {
    const { reviewer, base, levelIds } = await modelled()
    const response = await reviewer.post(`${base}/line-of-argument/levels/${levelIds[0]}/delete`, {})
    expect(response.status).toBe(409)
    expect(await response.text()).toContain('still holds 1 construct(s)')
  })

  it('refuses a relation from a construct to itself', async () => {
    const { reviewer, base, db } = await modelled()
    const [node] = db.select().from(argumentNodes).all()
    expect(
      (
        await reviewer.post(`${base}/line-of-argument/relations`, {
          fromNodeId: String(node!.id),
          toNodeId: String(node!.id),
        })
      ).status,
    ).toBe(422)
  })
})
