import { describe, expect, it } from 'vitest'
import { inArray } from 'drizzle-orm'
import { conceptMappings, reportingResponses, secondOrderConstructs } from '../../db/schema.ts'
import { seedAppraisalDemo } from '../../src/demo/appraisal-demo.ts'
import { addSynthesisDemo, DEMO_MARK } from '../../src/demo/synthesis-demo.ts'
import { EVIDENCE_PAGES } from '../../src/domain/reporting/evidence.ts'
import { synthesisReview } from '../support/synthesis-app.ts'
import { addIncludedStudies } from '../support/included-studies.ts'

async function withDemo() {
  const setup = await synthesisReview()
  const constructs = setup.studies.flatMap((study) =>
    study.constructs.map((c) => ({ id: c.id, studyId: study.id, label: c.label })),
  )
  addSynthesisDemo(setup.db, { reviewId: setup.reviewId, actorId: 1, constructs })
  return setup
}

describe('eMERGe and ENTREQ checklists', () => {
  it('lists eMERGe’s 19 items, each linked to the evidence Weft holds or saying what it waits for', async () => {
    const { reviewer, base } = await synthesisReview()
    const page = await (await reviewer.get(`${base}/checklists/emerge`)).text()
    expect(page.match(/<tr id="item-\d+">/g)).toHaveLength(19)
    expect(page).toContain(`<a href="/reviews/link-workers/synthesis/translation">Translation tables</a>`)
    expect(page).toContain('<a href="/reviews/link-workers/report">PRISMA 2020 flow diagram</a>')
  })

  it('every evidence link of a checklist opens a page of the review', async () => {
    const { reviewer } = await synthesisReview()
    for (const page of Object.values(EVIDENCE_PAGES)) {
      const response = await reviewer.get(`/reviews/link-workers${page.path}`)
      // A section's landing page may send on to its first step (screening goes to title/abstract).
      const landed = response.status === 303 ? await reviewer.get(response.headers.get('location')!) : response
      expect(landed.status, page.path).toBe(200)
    }
  })

  it('saves where the manuscript reports each item in one transaction with one audit event', async () => {
    const { reviewer, base, db, auditCount } = await synthesisReview()
    const response = await reviewer.post(`${base}/checklists/emerge`, {
      'location-13': 'Methods, p. 6',
      'notes-13': 'Table 2',
      'location-16': 'Figure 2',
    })
    expect(response.status).toBe(303)
    expect(
      db
        .select()
        .from(reportingResponses)
        .all()
        .map((row) => [row.item, row.location]),
    ).toEqual([
      [13, 'Methods, p. 6'],
      [16, 'Figure 2'],
    ])
    expect(auditCount('checklist.saved')).toBe(1)
    const csv = await (await reviewer.get(`${base}/checklists/emerge/export/csv`)).text()
    expect(csv).toContain(
      '13,Process of translating studies,Phase 5 — Translating studies into one another,"Translation order and rationale\nTranslation tables","Methods, p. 6",Table 2',
    )
  })

  it('keeps ENTREQ’s 21 items apart, and knows no other checklist', async () => {
    const { reviewer, base, db } = await synthesisReview()
    expect((await (await reviewer.get(`${base}/checklists/entreq`)).text()).match(/<tr id="item-\d+">/g)).toHaveLength(
      21,
    )
    await reviewer.post(`${base}/checklists/entreq`, { 'location-21': 'Discussion' })
    expect(db.select().from(reportingResponses).all()).toMatchObject([{ checklist: 'entreq', item: 21 }])
    expect((await reviewer.get(`${base}/checklists/prisma`)).status).toBe(404)
  })

  it('refuses an over-long location, saving nothing', async () => {
    const { reviewer, base, db } = await synthesisReview()
    const response = await reviewer.post(`${base}/checklists/emerge`, {
      'location-1': 'x'.repeat(501),
      'location-2': 'Intro',
    })
    expect(response.status).toBe(422)
    expect(db.select().from(reportingResponses).all()).toHaveLength(0)
  })
})

describe('synthesis report', () => {
  it('expresses the line of argument, constructs with studies and quotes, SoQF, pending sections and eMERGe, on one page', async () => {
    const { reviewer, base } = await withDemo()
    const page = await (await reviewer.get(`${base}/report`)).text()
    expect(page).toContain('inherent, interacting tensions at every level')
    expect(page).toMatch(/<svg[^>]*class="line-of-argument"/)
    expect(page).toContain('Contributing studies (')
    expect(page).toContain('in their words”')
    expect(page).toContain('Summary of Qualitative Findings (GRADE-CERQual)')
    expect(page).toContain('<a href="/reviews/link-workers/characteristics">Characteristics of included studies</a>')
    expect(page).toContain('<a href="/reviews/link-workers/appraisal">Quality appraisal table</a>')
    expect(page).toContain('<a href="/reviews/link-workers/report">PRISMA 2020 flow diagram</a>')
    expect(page).toContain('Rationale and context for the meta-ethnography')
  })

  it('downloads as one HTML file and as Markdown', async () => {
    const { reviewer, base } = await withDemo()
    const html = await reviewer.get(`${base}/report/export/html`)
    expect(html.headers.get('content-disposition')).toBe('attachment; filename="link-workers-synthesis-report.html"')
    expect(await html.text()).toMatch(/^<!DOCTYPE html>[\s\S]*<style>[\s\S]*Third-order constructs/)
    const markdown = await reviewer.get(`${base}/report/export/md`)
    expect(markdown.headers.get('content-type')).toBe('text/markdown; charset=utf-8')
    const text = await markdown.text()
    expect(text).toContain('# Synthesis report: Link workers’ experiences')
    expect(text).toContain('| # | Summary of review finding |')
    // The figure travels inside the Markdown file, not as a link back to this server.
    expect(text).not.toContain('/synthesis/line-of-argument/figure.svg')
    const embedded = /!\[Line-of-argument model\]\(data:image\/png;base64,([A-Za-z0-9+/=]+)\)/.exec(text)
    expect(embedded).not.toBeNull()
    expect(Buffer.from(embedded![1]!, 'base64').subarray(1, 4).toString()).toBe('PNG')
  })

  it('offers the line-of-argument figure as PNG as well as SVG', async () => {
    const { reviewer, base } = await withDemo()
    const page = await (await reviewer.get(`${base}/line-of-argument`)).text()
    expect(page).toContain(`href="${base}/line-of-argument/figure.png"`)
    const png = await reviewer.get(`${base}/line-of-argument/figure.png`)
    expect(png.headers.get('content-type')).toBe('image/png')
    expect(png.headers.get('content-disposition')).toBe('attachment; filename="link-workers-line-of-argument.png"')
    expect(
      Buffer.from(await png.arrayBuffer())
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG')
    const svg = await (await reviewer.get(`${base}/line-of-argument/figure.svg`)).text()
    expect(svg).toMatch(/^<\?xml[^>]*>\n<svg[^>]*class="line-of-argument"/)
  })
})

describe('demo synthesis', () => {
  it('maps every construct, with reciprocal and refutational translations, and marks itself as demo content', async () => {
    const { db, reviewer, base, studies } = await withDemo()
    const mappings = db.select().from(conceptMappings).all()
    expect(mappings).toHaveLength(studies.flatMap((study) => study.constructs).length)
    expect(new Set(mappings.map((mapping) => mapping.translation))).toEqual(new Set(['reciprocal', 'refutational']))
    const overview = await (await reviewer.get(`${base}/line-of-argument`)).text()
    expect(overview).toContain(DEMO_MARK)
    for (const level of ['System and policy', 'Organisational', 'Relational', 'Individual link worker'])
      expect(overview).toContain(`>${level}</text>`)
  })

  it('still shows a refutation when no concept gathers two studies on its own', async () => {
    const { db, reviewId, studies } = await synthesisReview()
    const [first, second] = studies
    const constructs = [
      { id: first!.constructs[0]!.id, studyId: first!.id, label: 'Holding the system together' },
      { id: second!.constructs[0]!.id, studyId: second!.id, label: 'A thinning community offer' },
    ]
    addSynthesisDemo(db, { reviewId, actorId: 1, constructs })
    const mappings = db.select().from(conceptMappings).all()
    expect(mappings.filter((mapping) => mapping.translation === 'refutational')).toHaveLength(1)
    expect(mappings.filter((mapping) => mapping.translation === 'reciprocal')).toHaveLength(2)
  })

  it('runs on the appraisal demo’s studies and constructs, as the demo seed will call it', async () => {
    const { db, reviewId, reviewer, base } = await synthesisReview()
    const studyIds = addIncludedStudies(db, reviewId, [{ label: 'Demo study A 2021' }, { label: 'Demo study B 2023' }])
    seedAppraisalDemo(db, { reviewId, ownerId: 1, reviewerId: 2, studyIds })
    const constructs = db
      .select({
        id: secondOrderConstructs.id,
        studyId: secondOrderConstructs.studyId,
        label: secondOrderConstructs.label,
      })
      .from(secondOrderConstructs)
      .where(inArray(secondOrderConstructs.studyId, studyIds))
      .all()
    addSynthesisDemo(db, { reviewId, actorId: 1, constructs })
    expect(
      db
        .select()
        .from(conceptMappings)
        .all()
        .some((mapping) => mapping.translation === 'refutational'),
    ).toBe(true)
    expect(await (await reviewer.get(`${base}/findings/soqf/csv`)).text()).toContain(
      'Demo study A 2021; Demo study B 2023',
    )
  })

  it('assesses every finding with CERQual, studies traced from the links', async () => {
    const { reviewer, base } = await withDemo()
    const soqf = await (await reviewer.get(`${base}/findings/soqf/csv`)).text()
    const rows = soqf.trim().split('\r\n').slice(1)
    expect(rows).toHaveLength(5)
    expect(soqf).not.toContain('Not yet assessed')
    expect(rows[0]).toContain('Frostick 2019; Griffith 2023; Pollard 2023')
  })
})
