import { describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { conceptMappings, users } from '../../db/schema.ts'
import { excludeStudyAfterAppraisal } from '../../src/store/appraisals-exclusion.ts'
import { addConcept } from '../../src/store/synthesis-concepts.ts'
import { reviewOwnedBy } from '../support/app.ts'
import { synthesisReview } from '../support/synthesis-app.ts'
import { addSecondOrder, addStudy, reviewIdOf } from '../support/synthesis-fixtures.ts'

async function withConcept() {
  const setup = await synthesisReview()
  const concept = addConcept(setup.db, setup.reviewId, { label: 'Role boundaries', description: '' }, 1)
  return { ...setup, concept }
}

describe('juxtaposition grid', () => {
  it('drops a study excluded after appraisal from the grid and the synthesis overview, with its constructs', async () => {
    const { reviewer, base, db, reviewId, studies, owner } = await withConcept()
    const frostick = studies.find((study) => study.label === 'Frostick 2019')!
    const ownerId = db.select().from(users).where(eq(users.email, 'owner@example.org')).get()!.id
    excludeStudyAfterAppraisal(db, reviewId, frostick.id, 'Too little qualitative data', ownerId, new Date())
    const grid = await (await reviewer.get(`${base}/grid`)).text()
    expect(grid).not.toContain('Frostick 2019')
    expect(grid).not.toContain(frostick.constructs[0]!.label)
    const overview = await (await owner.get(base)).text()
    expect(overview).toContain('across 2 studies')
  })

  it('says a study with no constructs has none yet, rather than that all are mapped', async () => {
    const { reviewer, base, db, reviewId } = await withConcept()
    addStudy(db, reviewId, 'Wood 2022')
    const html = (await (await reviewer.get(`${base}/grid`)).text()).replace(/\s+/g, ' ')
    const footer = html.slice(html.indexOf('Not mapped yet'))
    expect(footer.match(/all mapped/g) ?? []).toHaveLength(0)
    expect(footer).toContain('no constructs yet')
  })

  it('shows concepts as rows and studies as columns, with empty cells', async () => {
    const { reviewer, base } = await withConcept()
    const html = await (await reviewer.get(`${base}/grid`)).text()
    expect(html).toMatch(
      /<th scope="col">Frostick 2019<\/th><th scope="col">Griffith 2023<\/th><th scope="col">Pollard 2023<\/th>/,
    )
    expect(html).toContain('Role boundaries')
    expect(html.match(/No construct mapped/g)).toHaveLength(3)
  })

  it('maps a construct with a plain form post, in one transaction with one audit event', async () => {
    const { reviewer, base, concept, construct, db, auditCount } = await withConcept()
    const response = await reviewer.post(`${base}/grid/map`, {
      conceptId: String(concept.id),
      secondOrderId: String(construct('Blurred boundaries of the role').id),
    })
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe(`${base}/grid`)
    expect(db.select().from(conceptMappings).all()).toMatchObject([
      { conceptId: concept.id, translation: 'reciprocal' },
    ])
    expect(auditCount('construct.mapped')).toBe(1)
    const html = await (await reviewer.get(`${base}/grid`)).text()
    expect(html).toContain(
      'data-study="Frostick 2019" data-concept="Role boundaries"><ul><li class="grid-entry reciprocal"',
    )
  })

  it('answers an htmx map or unmap with the redrawn grid alone', async () => {
    const { reviewer, base, concept, construct, db } = await withConcept()
    const htmx = { 'HX-Request': 'true', 'HX-Request-Type': 'partial' }
    const mapped = await reviewer.post(
      `${base}/grid/map`,
      { conceptId: String(concept.id), secondOrderId: String(construct('Logics of choice and care').id) },
      { headers: htmx },
    )
    const fragment = await mapped.text()
    expect(mapped.status).toBe(200)
    expect(fragment.startsWith('<div id="juxtaposition-grid">')).toBe(true)
    expect(fragment).not.toContain('<html')
    expect(fragment).toContain('Construct mapped.')
    expect(fragment).toContain('name="_csrf"')
    const [mapping] = db.select().from(conceptMappings).all()
    const unmapped = await reviewer.post(`${base}/grid/mappings/${mapping!.id}/unmap`, {}, { headers: htmx })
    expect(await unmapped.text()).toContain('Construct unmapped.')
    expect(db.select().from(conceptMappings).all()).toHaveLength(0)
  })

  it('refuses to map the same construct to a concept twice (422: the construct chosen is refused)', async () => {
    const { reviewer, base, concept, construct, db } = await withConcept()
    const fields = { conceptId: String(concept.id), secondOrderId: String(construct('Stretched voluntary sector').id) }
    await reviewer.post(`${base}/grid/map`, fields)
    const again = await reviewer.post(`${base}/grid/map`, fields)
    expect(again.status).toBe(422)
    expect(await again.text()).toContain('is already mapped to “Role boundaries”')
    expect(db.select().from(conceptMappings).all()).toHaveLength(1)
  })

  it('refuses a link to another review’s construct or concept, writing nothing', async () => {
    const { weft, owner, reviewer, base, concept, construct, db, auditCount } = await withConcept()
    await reviewOwnedBy(owner, 'other-review', 'Another review')
    const otherId = reviewIdOf(db, 'other-review')
    const foreignConstruct = addSecondOrder(db, otherId, addStudy(db, otherId, 'Elsewhere 2020'), 'Not ours')
    const foreignConcept = addConcept(weft.db, otherId, { label: 'Theirs', description: '' }, 1)
    const withForeignConstruct = await reviewer.post(`${base}/grid/map`, {
      conceptId: String(concept.id),
      secondOrderId: String(foreignConstruct),
    })
    const withForeignConcept = await reviewer.post(`${base}/grid/map`, {
      conceptId: String(foreignConcept.id),
      secondOrderId: String(construct('Stretched voluntary sector').id),
    })
    expect(withForeignConstruct.status).toBe(404)
    expect(withForeignConcept.status).toBe(404)
    expect(db.select().from(conceptMappings).all()).toHaveLength(0)
    expect(auditCount('construct.mapped')).toBe(0)
  })

  it('lets a viewer read the grid but not map', async () => {
    const { viewer, base, concept, construct, db } = await withConcept()
    const page = await (await viewer.get(`${base}/grid`)).text()
    expect(page).toContain('Role boundaries')
    expect(page).not.toContain('/grid/map')
    const response = await viewer.post(`${base}/grid/map`, {
      conceptId: String(concept.id),
      secondOrderId: String(construct('Stretched voluntary sector').id),
    })
    expect(response.status).toBe(403)
    expect(db.select().from(conceptMappings).all()).toHaveLength(0)
  })

  it('exports the grid as CSV (UTF-8 with BOM) and as an HTML page', async () => {
    const { reviewer, base, concept, construct } = await withConcept()
    await reviewer.post(`${base}/grid/map`, {
      conceptId: String(concept.id),
      secondOrderId: String(construct('Holding patients while they wait').id),
    })
    const csv = await reviewer.get(`${base}/grid/export/csv`)
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="link-workers-juxtaposition-grid.csv"')
    const bytes = new Uint8Array(await csv.arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(new TextDecoder().decode(bytes)).toContain(
      'Concept,Frostick 2019,Griffith 2023,Pollard 2023\r\nRole boundaries,,Holding patients while they wait,\r\n',
    )
    const html = await (await reviewer.get(`${base}/grid/export/html`)).text()
    expect(html).toMatch(/^<!DOCTYPE html>/)
    expect(html).toContain('<td>Holding patients while they wait</td>')
    expect((await reviewer.get(`${base}/grid/export/pdf`)).status).toBe(404)
  })
})
