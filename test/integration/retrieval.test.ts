import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { auditEvents, records, reports } from '../../db/schema.ts'
import { minimalPdf } from '../../src/demo/retrieval-demo.ts'
import { fullTextPath, MAX_FULL_TEXT_BYTES, sha256Hex } from '../../src/files/full-texts.ts'
import { reportsSought, retrievalCounts } from '../../src/store/reports.ts'
import { addAccount, Agent, reviewOwnedBy, signedIn, testWeft, type TestWeft } from '../support/app.ts'
import { importCitations, reviewIdOf, setScreeningOutcome } from '../support/screening-state.ts'
import { watchUploadFolder } from '../support/upload-folder.ts'

const DATABASE_CITATIONS = [
  { title: 'Link workers in practice: an ethnography', authors: ['Moffatt, Suzanne', 'Steer, M.'], year: 2017 },
  { title: 'Loneliness in rural Wales: a cohort study', authors: ['Evans, R.'], year: 2015 },
  { title: 'Community connectors in general practice', authors: ['Smith, A.'], year: 2020 },
]
const WEBSITE_CITATIONS = [
  { title: 'Social prescribing: a guide for link workers', authors: ['NHS England'], year: 2019 },
]

interface Setup {
  weft: TestWeft
  owner: Agent
  slug: string
  reviewId: number
  included: number
  excluded: number
  pending: number
  website: number
}

/** A review with three database records (included, excluded, pending at title/abstract) and a website record. */
async function setup(): Promise<Setup> {
  const weft = testWeft()
  const owner = await signedIn(weft, 'owner@example.org')
  const slug = await reviewOwnedBy(owner)
  const reviewId = reviewIdOf(weft.db, slug)
  const [included, excluded, pending] = importCitations(
    weft.db,
    reviewId,
    { name: 'MEDLINE', kind: 'database' },
    DATABASE_CITATIONS,
  )
  const [website] = importCitations(
    weft.db,
    reviewId,
    { name: 'NHS England website', kind: 'website' },
    WEBSITE_CITATIONS,
  )
  setScreeningOutcome(weft.db, included!, 'title_abstract', 'included')
  setScreeningOutcome(weft.db, excluded!, 'title_abstract', 'excluded')
  setScreeningOutcome(weft.db, pending!, 'title_abstract', 'pending')
  return { weft, owner, slug, reviewId, included: included!, excluded: excluded!, pending: pending!, website: website! }
}

function reportRow(weft: TestWeft, recordId: number) {
  return weft.db.select().from(reports).where(eq(reports.recordId, recordId)).get()
}

function filesDirOf(weft: TestWeft): string {
  if (!weft.filesDir) throw new Error('testWeft() gives every app a files folder')
  return weft.filesDir
}

/** Every file under the test app's data folder, temporary ones included. */
function storedFiles(weft: TestWeft): string[] {
  if (!existsSync(filesDirOf(weft))) return []
  return readdirSync(filesDirOf(weft), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
}

function eventsOf(weft: TestWeft, action: string) {
  return weft.db.select().from(auditEvents).where(eq(auditEvents.action, action)).all()
}

function uploadPdf(agent: Agent, slug: string, recordId: number, name: string, content: string | Uint8Array) {
  return agent.postMultipart(`/reviews/${slug}/reports/${recordId}/retrieved`, { state: 'all' }, [
    ['file', name, content],
  ])
}

describe('reports sought for retrieval', () => {
  it('lists a record included at title/abstract as a report sought, but not one excluded or still pending', async () => {
    const { weft, owner, slug, included, excluded, pending } = await setup()
    const html = await (await owner.get(`/reviews/${slug}/retrieval`)).text()
    expect(html).toContain(`id="report-${included}"`)
    expect(html).not.toContain(`id="report-${excluded}"`)
    expect(html).not.toContain(`id="report-${pending}"`)
    expect(html).toContain('Awaiting retrieval')
    expect(reportRow(weft, included)).toBeUndefined()
  })

  it('lists records from other methods without any screening', async () => {
    const { weft, owner, slug, reviewId, website } = await setup()
    const html = await (await owner.get(`/reviews/${slug}/retrieval`)).text()
    expect(html).toContain(`id="report-${website}"`)
    expect(html).toContain('(other methods)')
    expect(retrievalCounts(weft.db, reviewId)).toMatchObject({
      sought: 2,
      awaiting: 2,
      byColumn: { databases_registers: { sought: 1 }, other_methods: { sought: 1 } },
    })
  })

  it('counts an other-method record once, in its own column, even when it was screened too', async () => {
    const { weft, reviewId, website } = await setup()
    setScreeningOutcome(weft.db, website, 'title_abstract', 'included')
    expect(retrievalCounts(weft.db, reviewId)).toMatchObject({
      sought: 2,
      byColumn: { databases_registers: { sought: 1 }, other_methods: { sought: 1 } },
    })
    expect(reportsSought(weft.db, reviewId, { limit: 10 }).reports).toHaveLength(2)
  })

  it('does not seek a duplicate, even one from other methods', async () => {
    const { weft, owner, slug, included, website } = await setup()
    weft.db.update(records).set({ duplicateOf: included }).where(eq(records.id, website)).run()
    const html = await (await owner.get(`/reviews/${slug}/retrieval`)).text()
    expect(html).not.toContain(`id="report-${website}"`)
    expect(html).toContain('Sought: <strong>1</strong>')
  })

  it('filters by retrieval state and pages by record id', async () => {
    const { weft, owner, slug, reviewId, included, website } = await setup()
    await owner.post(`/reviews/${slug}/reports/${website}/not-retrieved`, { note: 'Page no longer online' })
    expect(
      reportsSought(weft.db, reviewId, { filter: 'not_retrieved', limit: 10 }).reports.map((r) => r.recordId),
    ).toEqual([website])
    expect(reportsSought(weft.db, reviewId, { filter: 'awaiting', limit: 10 }).reports.map((r) => r.recordId)).toEqual([
      included,
    ])
    const first = reportsSought(weft.db, reviewId, { limit: 1 })
    expect(first.reports.map((r) => r.recordId)).toEqual([included])
    expect(first.nextAfterId).toBe(included)
    const second = reportsSought(weft.db, reviewId, { limit: 1, afterId: first.nextAfterId! })
    expect(second).toEqual({ reports: [expect.objectContaining({ recordId: website })], nextAfterId: null })
    const html = await (await owner.get(`/reviews/${slug}/retrieval?state=not_retrieved`)).text()
    expect(html).toContain(`id="report-${website}"`)
    expect(html).not.toContain(`id="report-${included}"`)
    expect(html).toContain('Page no longer online')
  })
})

describe('marking reports retrieved or not', () => {
  it('marks a report retrieved without a PDF, with an audit event, and undoes it back to awaiting', async () => {
    const { weft, owner, slug, included } = await setup()
    const response = await owner.post(`/reviews/${slug}/reports/${included}/retrieved`, { state: 'awaiting' })
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe(`/reviews/${slug}/retrieval?state=awaiting#report-${included}`)
    expect(reportRow(weft, included)).toMatchObject({ retrieval: 'retrieved', fileSha256: null })
    expect(eventsOf(weft, 'report.retrieved')).toHaveLength(1)
    await owner.post(`/reviews/${slug}/reports/${included}/awaiting`)
    expect(reportRow(weft, included)).toMatchObject({ retrieval: 'awaiting', retrievalNote: '' })
    expect(eventsOf(weft, 'report.retrieval_reset')).toHaveLength(1)
  })

  it('needs a note to mark a report not retrieved', async () => {
    const { weft, owner, slug, included } = await setup()
    const refused = await owner.post(`/reviews/${slug}/reports/${included}/not-retrieved`, { note: '   ' })
    expect(refused.status).toBe(422)
    expect(await refused.text()).toContain('Say why the report could not be retrieved')
    expect(reportRow(weft, included)).toBeUndefined()
    const done = await owner.post(`/reviews/${slug}/reports/${included}/not-retrieved`, {
      note: 'Author did not reply',
    })
    expect(done.status).toBe(303)
    expect(reportRow(weft, included)).toMatchObject({
      retrieval: 'not_retrieved',
      retrievalNote: 'Author did not reply',
    })
  })

  it('refuses a record that is not sought, e.g. one excluded at title/abstract', async () => {
    const { weft, owner, slug, excluded } = await setup()
    const response = await owner.post(`/reviews/${slug}/reports/${excluded}/retrieved`)
    expect(response.status).toBe(404)
    expect(await response.text()).toContain('is not a report sought for retrieval')
    expect(reportRow(weft, excluded)).toBeUndefined()
  })

  it('keeps a report retrieved once it is screened at full text', async () => {
    const { weft, owner, slug, included } = await setup()
    await owner.post(`/reviews/${slug}/reports/${included}/retrieved`)
    setScreeningOutcome(weft.db, included, 'full_text', 'conflict')
    const response = await owner.post(`/reviews/${slug}/reports/${included}/awaiting`)
    expect(response.status).toBe(409)
    expect(await response.text()).toContain('already being screened at full text')
    expect(reportRow(weft, included)?.retrieval).toBe('retrieved')
  })

  it('counts a double-submitted form once', async () => {
    const { weft, owner, slug, included } = await setup()
    const token = owner.formToken() as string
    const first = await owner.post(
      `/reviews/${slug}/reports/${included}/not-retrieved`,
      { note: 'Not held' },
      { token },
    )
    const second = await owner.post(
      `/reviews/${slug}/reports/${included}/not-retrieved`,
      { note: 'Not held' },
      { token },
    )
    expect([first.status, second.status]).toEqual([303, 409])
    expect(eventsOf(weft, 'report.not_retrieved')).toHaveLength(1)
  })

  it('answers an htmx request with the report card and the counts refreshed in place', async () => {
    const { owner, slug, included } = await setup()
    const response = await owner.post(
      `/reviews/${slug}/reports/${included}/retrieved`,
      {},
      {
        headers: { 'HX-Request': 'true', 'HX-Request-Type': 'partial' },
      },
    )
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toMatch(new RegExp(`^<article class="report report-retrieved" id="report-${included}"`))
    expect(html).toContain('id="retrieval-counts"')
    expect(html).toContain('hx-swap-oob="true"')
    expect(html).toContain('Retrieved: <strong>1</strong>')
    expect(html).not.toContain('<html')
  })

  it('answers an htmx request without a note with the card, its message and the form kept open', async () => {
    const { owner, slug, included } = await setup()
    const response = await owner.post(
      `/reviews/${slug}/reports/${included}/not-retrieved`,
      { note: '' },
      {
        headers: { 'HX-Request': 'true', 'HX-Request-Type': 'partial' },
      },
    )
    expect(response.status).toBe(422)
    const html = await response.text()
    expect(html).toContain(`id="report-${included}"`)
    expect(html).toContain('<details class="inline-edit" open')
    expect(html).toContain('Say why the report could not be retrieved')
  })

  it('shows viewers the list without any action', async () => {
    const { weft, owner, slug, included } = await setup()
    await addAccount(weft.db, 'viewer@example.org')
    await owner.post(`/reviews/${slug}/members`, { email: 'viewer@example.org', role: 'viewer' })
    const viewer = new Agent(weft)
    await viewer.signIn('viewer@example.org')
    const html = await (await viewer.get(`/reviews/${slug}/retrieval`)).text()
    expect(html).toContain(`id="report-${included}"`)
    expect(html).not.toContain('Mark retrieved')
    expect((await viewer.post(`/reviews/${slug}/reports/${included}/retrieved`)).status).toBe(403)
  })
})

describe('full-text PDFs', () => {
  const pdf = minimalPdf(['Moffatt 2017', 'Full text'])
  // Uploads stream to a temporary folder first: point the temp directory somewhere this file can watch.
  const leftUploads = watchUploadFolder().leftovers

  it('stores an uploaded PDF once by its SHA-256, however many reports attach it', async () => {
    const { weft, owner, slug, included, website } = await setup()
    expect((await uploadPdf(owner, slug, included, 'moffatt-2017.pdf', pdf)).status).toBe(303)
    expect((await uploadPdf(owner, slug, website, 'copy.pdf', pdf)).status).toBe(303)
    const sha256 = sha256Hex(pdf)
    expect(storedFiles(weft)).toEqual([fullTextPath(filesDirOf(weft), sha256)])
    expect(new Uint8Array(readFileSync(fullTextPath(filesDirOf(weft), sha256)))).toEqual(pdf)
    expect(reportRow(weft, included)).toMatchObject({
      retrieval: 'retrieved',
      fileSha256: sha256,
      fileName: 'moffatt-2017.pdf',
      fileSize: pdf.byteLength,
    })
    expect(eventsOf(weft, 'report.full_text_attached')).toHaveLength(2)
    expect(leftUploads()).toEqual([])
  })

  it('serves the PDF inline to a member of the review', async () => {
    const { owner, slug, included } = await setup()
    await uploadPdf(owner, slug, included, 'Moffatt “2017”.pdf', pdf)
    const response = await owner.get(`/reviews/${slug}/reports/${included}/file`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/pdf')
    expect(response.headers.get('content-disposition')).toBe(
      `inline; filename="Moffatt _2017_.pdf"; filename*=UTF-8''${encodeURIComponent('Moffatt “2017”.pdf')}`,
    )
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(pdf)
    const html = await (await owner.get(`/reviews/${slug}/retrieval`)).text()
    expect(html).toContain(`href="/reviews/${slug}/reports/${included}/file"`)
  })

  it('refuses the PDF to a non-member (403) and under another review (404)', async () => {
    const { weft, owner, slug, included } = await setup()
    await uploadPdf(owner, slug, included, 'moffatt.pdf', pdf)
    const stranger = await signedIn(weft, 'stranger@example.org')
    expect((await stranger.get(`/reviews/${slug}/reports/${included}/file`)).status).toBe(403)
    const otherSlug = await reviewOwnedBy(stranger, 'other-review', 'Another review')
    const response = await stranger.get(`/reviews/${otherSlug}/reports/${included}/file`)
    expect(response.status).toBe(404)
    expect(response.headers.get('content-type')).not.toBe('application/pdf')
  })

  it('refuses a file that is not a PDF with a clear message, storing nothing', async () => {
    const { weft, owner, slug, included } = await setup()
    const response = await uploadPdf(owner, slug, included, 'paper.pdf', 'TY  - JOUR\nTI  - not a pdf\nER  - \n')
    expect(response.status).toBe(422)
    expect(await response.text()).toContain('That file is not a PDF (it does not start with %PDF-)')
    expect(storedFiles(weft)).toEqual([])
    expect(leftUploads()).toEqual([])
    expect(reportRow(weft, included)).toBeUndefined()
  })

  it('refuses a PDF over 50 MB with a clear message, storing nothing', async () => {
    const { weft, owner, slug, included } = await setup()
    const big = new Uint8Array(MAX_FULL_TEXT_BYTES + 1)
    big.set(pdf)
    const response = await uploadPdf(owner, slug, included, 'scan.pdf', big)
    expect(response.status).toBe(413)
    expect(await response.text()).toContain('The PDF is larger than 50 MB')
    expect(storedFiles(weft)).toEqual([])
    expect(leftUploads()).toEqual([])
    expect(reportRow(weft, included)).toBeUndefined()
  })

  it('refuses an upload whose declared size is over the limit before reading it', async () => {
    const { weft, owner, slug, included } = await setup()
    const response = await owner.postMultipart(
      `/reviews/${slug}/reports/${included}/retrieved`,
      {},
      [['file', 'x.pdf', pdf]],
      {
        headers: { 'content-length': String(MAX_FULL_TEXT_BYTES + 1024) },
      },
    )
    expect(response.status).toBe(413)
    expect(await response.text()).toContain('The PDF is larger than 50 MB')
    expect(storedFiles(weft)).toEqual([])
  })

  it('detaches the PDF when a report goes back to awaiting, and no longer serves it', async () => {
    const { weft, owner, slug, included } = await setup()
    await uploadPdf(owner, slug, included, 'moffatt.pdf', pdf)
    await owner.post(`/reviews/${slug}/reports/${included}/awaiting`)
    expect(reportRow(weft, included)).toMatchObject({ retrieval: 'awaiting', fileSha256: null })
    expect((await owner.get(`/reviews/${slug}/reports/${included}/file`)).status).toBe(404)
    const reset = eventsOf(weft, 'report.retrieval_reset')[0]
    expect(reset?.before).toMatchObject({ retrieval: 'retrieved', fileSha256: sha256Hex(pdf) })
    expect(
      weft.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.entityType, 'report')))
        .all(),
    ).toHaveLength(2)
  })
})
