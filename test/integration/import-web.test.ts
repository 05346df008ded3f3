import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { importBatches, records, sources } from '../../db/schema.ts'
import { addAccount, Agent, reviewOwnedBy, signedIn, testWeft, type TestWeft } from '../support/app.ts'

const fixture = (name: string) => new Uint8Array(readFileSync(join(import.meta.dirname, '../fixtures/formats', name)))
const NOTES = 'These are my search notes.\nNothing to import here.\n'

async function reviewWithOwner() {
  const weft = testWeft()
  const owner = await signedIn(weft, 'owner@example.org')
  const slug = await reviewOwnedBy(owner)
  return { weft, owner, base: `/reviews/${slug}/imports` }
}

function stored(weft: TestWeft) {
  return {
    records: weft.db.select().from(records).all(),
    batches: weft.db.select().from(importBatches).all(),
    sources: weft.db.select().from(sources).all(),
  }
}

/** The text of each `data-summary` element of the first summary on the page: the keys of weft import --json. */
function summaryOf(html: string): Record<string, string> {
  const summary: Record<string, string> = {}
  for (const [, key, inner] of html.matchAll(/data-summary="(\w+)">(.*?)<\/(?:dd|span)>/gs)) {
    if (key && !(key in summary)) summary[key] = inner!.replace(/<[^>]+>/g, '').trim()
  }
  return summary
}

async function follow(agent: Agent, response: Response) {
  expect(response.status).toBe(303)
  const location = response.headers.get('location')!
  return { location, html: await (await agent.get(location)).text() }
}

describe('importing reference files in the browser', () => {
  it('shows the import page with the upload form and no imports yet', async () => {
    const { owner, base } = await reviewWithOwner()
    const page = await owner.get(base)
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain('enctype="multipart/form-data"')
    expect(html).toContain('name="files"')
    expect(html).toContain(
      '<select id="field-format" name="format" aria-describedby="hint-format"><option value="">Detect from content</option>',
    )
    expect(html).toContain('<option value="endnote_xml">EndNote XML</option>')
    expect(html).toContain('Import even if this file was imported before')
    expect(html).toContain('Nothing has been imported into this review yet.')
  })

  it('imports a RIS file into a new source and redirects to its summary', async () => {
    const { weft, owner, base } = await reviewWithOwner()
    const response = await owner.postMultipart(
      base,
      { sourceId: 'new', sourceName: 'MEDLINE', sourceKind: 'database', format: '' },
      [['files', 'ovid.ris', fixture('ovid.ris')]],
    )
    const { location, html } = await follow(owner, response)
    expect(location).toBe(`${base}/1`)
    expect(summaryOf(html)).toEqual({ batch: '1', format: 'RIS', read: '2', imported: '2', flagged: '0', errors: '0' })
    expect(html).toContain('ovid.ris imported: 2 records.')
    const { records: rows, sources: logged, batches } = stored(weft)
    expect(logged).toMatchObject([{ name: 'MEDLINE', kind: 'database' }])
    expect(rows).toHaveLength(2)
    expect(batches).toMatchObject([
      { fileName: 'ovid.ris', format: 'ris', sourceId: logged[0]!.id, importedBy: 1, deduplicated: true },
    ])
    // The list of earlier imports shows it, and a reload of the summary imports nothing.
    const list = await (await owner.get(base)).text()
    expect(list).toContain('id="batch-row-1"')
    expect(list).toContain('owner')
    expect((await owner.get(location)).status).toBe(200)
    expect(stored(weft).records).toHaveLength(2)
  })

  it('keeps each import’s deduplication result: a later run does not change an earlier import’s page', async () => {
    const { weft, owner, base } = await reviewWithOwner()
    const first = await owner.postMultipart(base, { sourceName: 'MEDLINE', sourceKind: 'database' }, [
      ['files', 'ovid.ris', fixture('ovid.ris')],
    ])
    await weft.services.dedup.settled(1)
    const second = await owner.postMultipart(base, { sourceName: 'Scopus', sourceKind: 'database' }, [
      ['files', 'scopus-overlap.ris', fixture('scopus-overlap.ris')],
    ])
    await weft.services.dedup.settled(1)
    const page = async (response: Response) => (await owner.get(response.headers.get('location')!)).text()
    const [one, two] = [await page(first), await page(second)]
    // The first run found nothing within MEDLINE's two records; the second merged Scopus's copy of one.
    expect(one).toMatch(/<span data-dedup="merged_auto">0 merged automatically<\/span>/)
    expect(two).toMatch(/<span data-dedup="merged_auto">1 merged automatically<\/span>/)
    for (const html of [one, two]) {
      expect(html).not.toContain('Deduplication is running')
      expect(html).not.toContain('has not compared')
    }
    const polled = await (await owner.get(`${base}/1/deduplication`)).text()
    expect(polled).not.toContain('hx-trigger')
    expect(polled).toMatch(/0 merged automatically/)
  })

  it('flags records without a title and lists the problems with their lines', async () => {
    const { weft, owner, base } = await reviewWithOwner()
    const response = await owner.postMultipart(base, { sourceName: 'Scopus', sourceKind: 'database' }, [
      ['files', 'missing-er.ris', fixture('missing-er.ris')],
    ])
    const { html } = await follow(owner, response)
    const summary = summaryOf(html)
    expect(summary).toMatchObject({ format: 'RIS', read: '3', imported: '3', flagged: '1' })
    expect(Number(summary['errors'])).toBeGreaterThan(0)
    expect(html).toContain('<td>no title</td>')
    expect(html).toMatch(/<strong>Line \d+( \(record \d+\))?:<\/strong>/)
    expect(stored(weft).records.map((record) => record.flag)).toEqual([null, null, 'no title'])
  })

  it('imports several files at once, one batch each, and shows every summary', async () => {
    const { weft, owner, base } = await reviewWithOwner()
    await owner.post(`/reviews/link-workers/sources`, { name: 'Mixed', kind: 'other' })
    const sourceId = String(stored(weft).sources[0]!.id)
    const response = await owner.postMultipart(base, { sourceId, confirmOtherMethods: 'on' }, [
      ['files', 'pubmed.nbib', fixture('pubmed.nbib')],
      ['files', 'zotero.bib', fixture('zotero.bib')],
      ['files', 'endnote.xml', fixture('endnote.xml')],
    ])
    const { location, html } = await follow(owner, response)
    expect(location).toBe(`${base}?batches=1,2,3`)
    expect(html).toContain('3 files imported')
    for (const id of [1, 2, 3]) expect(html).toContain(`id="batch-${id}"`)
    const { batches, sources: logged } = stored(weft)
    expect(batches.map((batch) => [batch.format, batch.sourceId])).toEqual([
      ['medline', logged[0]!.id],
      ['bibtex', logged[0]!.id],
      ['endnote_xml', logged[0]!.id],
    ])
    expect(logged).toHaveLength(1)
  })

  it('imports spreadsheets, PubMed XML, EndNote tagged text and Ovid exports from the browser', async () => {
    const { weft, owner, base } = await reviewWithOwner()
    const response = await owner.postMultipart(base, { sourceName: 'Everything', sourceKind: 'database' }, [
      ['files', 'embase.xlsx', fixture('embase.xlsx')],
      ['files', 'team-sheet.ods', fixture('team-sheet.ods')],
      ['files', 'pubmed.xml', fixture('pubmed.xml')],
      ['files', 'endnote.enw', fixture('endnote.enw')],
      ['files', 'ovid.txt', fixture('ovid.txt')],
    ])
    const { html } = await follow(owner, response)
    expect(html).toContain('5 files imported: 14 records.')
    expect(stored(weft).batches.map((batch) => [batch.format, batch.recordsRead])).toEqual([
      ['xlsx', 2],
      ['ods', 2],
      ['pubmed_xml', 3],
      ['endnote_tagged', 3],
      ['ovid', 4],
    ])
  })

  it('refuses a file imported before, stores nothing, and imports it when the reviewer insists', async () => {
    const { weft, owner, base } = await reviewWithOwner()
    const upload = (fields: Record<string, string>) =>
      owner.postMultipart(base, { sourceName: 'MEDLINE', sourceKind: 'database', ...fields }, [
        ['files', 'ovid.ris', fixture('ovid.ris')],
      ])
    expect((await upload({})).status).toBe(303)
    const again = await upload({})
    expect(again.status).toBe(422)
    const html = await again.text()
    expect(html).toContain('<strong>ovid.ris</strong> was not imported: this review already has it, as')
    expect(html).toContain(`href="${base}/1">batch 1</a>`)
    expect(html).toContain('id="error-force"')
    expect(html).toContain('value="MEDLINE"')
    expect(stored(weft).records).toHaveLength(2)
    expect(stored(weft).batches).toHaveLength(1)

    const insisted = await upload({ force: 'on' })
    const { location } = await follow(owner, insisted)
    expect(location).toBe(`${base}/2`)
    expect(stored(weft).records).toHaveLength(4)
  })

  it('asks before importing into a source whose records skip title/abstract screening, and imports once confirmed', async () => {
    const { weft, owner, base } = await reviewWithOwner()
    const fields = { sourceName: 'Reference lists', sourceKind: 'citation' }
    const asked = await owner.postMultipart(base, fields, [['files', 'ovid.ris', fixture('ovid.ris')]])
    expect(asked.status).toBe(422)
    const html = await asked.text()
    expect(html).toContain(
      'Records from this source go straight to retrieval, as PRISMA 2020’s other-methods column has no screening; is that right?',
    )
    expect(html).toContain('name="confirmOtherMethods"')
    expect(stored(weft)).toEqual({ records: [], batches: [], sources: [] })
    const confirmed = await owner.postMultipart(base, { ...fields, confirmOtherMethods: 'on' }, [
      ['files', 'ovid.ris', fixture('ovid.ris')],
    ])
    const { html: summary } = await follow(owner, confirmed)
    expect(summary).toContain('straight to retrieval')
    expect(stored(weft).records).toHaveLength(2)
  })

  it('answers an unreadable file with 422, its line and what is wrong, and stores nothing, not even the new source', async () => {
    const { weft, owner, base } = await reviewWithOwner()
    const response = await owner.postMultipart(
      base,
      { sourceName: 'Notes', sourceKind: 'other', confirmOtherMethods: 'on' },
      [['files', 'notes.txt', NOTES]],
    )
    expect(response.status).toBe(422)
    const html = await response.text()
    expect(html).toContain('<strong>notes.txt</strong> could not be imported; nothing of it was stored')
    expect(html).toContain('<strong>Line 1:</strong> Could not recognise the format')
    expect(stored(weft)).toEqual({ records: [], batches: [], sources: [] })
  })

  it('reports a file that does not parse in the chosen format with the line of the problem', async () => {
    const { weft, owner, base } = await reviewWithOwner()
    const broken = '[\n  {"id": "a", "title": \n'
    const response = await owner.postMultipart(base, { sourceName: 'Zotero', format: 'csl_json' }, [
      ['files', 'broken.json', broken],
    ])
    expect(response.status).toBe(422)
    const html = await response.text()
    expect(html).toContain('<strong>broken.json</strong> could not be imported as CSL-JSON')
    expect(html).toContain(
      '<strong>Line 2 (record 1):</strong> CSL-JSON item 1 at line 2 is cut off: the file ends inside it',
    )
    expect(stored(weft)).toEqual({ records: [], batches: [], sources: [] })
  })

  it('imports what can be read of a damaged file and names the record and line of the damage', async () => {
    const { weft, owner, base } = await reviewWithOwner()
    const cut = '[\n  {"id": "a", "title": "Link workers"},\n  {"id": "b", "title": \n'
    const { html } = await follow(
      owner,
      await owner.postMultipart(base, { sourceName: 'Zotero' }, [['files', 'cut.json', cut]]),
    )
    expect(summaryOf(html)).toMatchObject({ format: 'CSL-JSON', read: '1', imported: '1', errors: '1' })
    expect(html).toContain(
      '<strong>Line 3 (record 2):</strong> CSL-JSON item 2 at line 3 is cut off: the file ends inside it',
    )
    expect(stored(weft).records).toHaveLength(1)
  })

  it('imports the good files of an upload and says which file was refused and why', async () => {
    const { weft, owner, base } = await reviewWithOwner()
    const response = await owner.postMultipart(base, { sourceName: 'MEDLINE' }, [
      ['files', 'notes.txt', NOTES],
      ['files', 'ovid.ris', fixture('ovid.ris')],
    ])
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toContain('One file was not imported; 1 was')
    expect(html).toContain('<strong>notes.txt</strong> could not be imported')
    expect(summaryOf(html)).toMatchObject({ batch: '1', read: '2', imported: '2' })
    expect(html).toContain('id="dedup-status"')
    await weft.services.dedup.settled(1)
    const status = await (await owner.get(`${base}/deduplication`)).text()
    expect(status).toContain('id="dedup-report"')
    expect(status).toContain('href="/reviews/link-workers/duplicates"')
    expect(stored(weft).batches.map((batch) => batch.fileName)).toEqual(['ovid.ris'])
  })

  it('asks for a column mapping for unknown CSV/TSV headers, then imports with it', async () => {
    const { weft, owner, base } = await reviewWithOwner()
    const tsv = fixture('unknown-headers.tsv')
    const first = await owner.postMultipart(
      base,
      { sourceName: 'Diary', sourceKind: 'other', confirmOtherMethods: 'on' },
      [['files', 'diary.tsv', tsv]],
    )
    expect(first.status).toBe(422)
    const html = await first.text()
    expect(html).toContain('Map the columns of diary.tsv')
    for (const header of ['Ref ID', 'Headline', 'Writers', 'When'])
      expect(html).toContain(`name="mapHeader[]" value="${header}"`)
    expect(html).toContain('Choose diary.tsv again')
    expect(html).toContain('<input type="hidden" name="sourceName" value="Diary"/>')
    expect(html).toContain('<input type="hidden" name="confirmOtherMethods" value="on"/>')
    expect(stored(weft)).toEqual({ records: [], batches: [], sources: [] })

    const mapping = {
      mapFile: 'diary.tsv',
      sourceName: 'Diary',
      sourceKind: 'other',
      confirmOtherMethods: 'on',
      'mapHeader[]': ['Ref ID', 'Headline', 'Writers', 'When'],
    }
    const noTitle = await owner.postMultipart(
      base,
      { ...mapping, 'mapField[]': ['ignore', 'abstract', 'authors', 'year'] },
      [['files', 'diary.tsv', tsv]],
    )
    expect(noTitle.status).toBe(422)
    expect(await noTitle.text()).toContain('Choose which column holds the title.')
    const badField = await owner.postMultipart(
      base,
      { ...mapping, 'mapField[]': ['ignore', 'title', 'writers', 'year'] },
      [['files', 'diary.tsv', tsv]],
    )
    expect(badField.status).toBe(422)
    expect(await badField.text()).toContain('id="error-map-2"')
    expect(stored(weft).records).toHaveLength(0)

    const mapped = await owner.postMultipart(
      base,
      { ...mapping, 'mapField[]': ['ignore', 'title', 'authors', 'year'] },
      [['files', 'diary.tsv', tsv]],
    )
    const { html: summary } = await follow(owner, mapped)
    expect(summaryOf(summary)).toMatchObject({ format: 'TSV (tab-separated)', read: '1', imported: '1', flagged: '0' })
    expect(stored(weft).records).toMatchObject([
      { title: 'Social prescribing link workers: a diary study', authors: ['Owen, Ruth'], year: 2019 },
    ])
  })

  it('runs deduplication after the import and shows its report with the way to the queue', async () => {
    const { weft, owner, base } = await reviewWithOwner()
    await owner.postMultipart(base, { sourceName: 'MEDLINE' }, [['files', 'ovid.ris', fixture('ovid.ris')]])
    const response = await owner.postMultipart(base, { sourceName: 'Scopus' }, [
      ['files', 'scopus-overlap.ris', fixture('scopus-overlap.ris')],
    ])
    await follow(owner, response)
    await weft.services.dedup.settled(1)
    const html = await (await owner.get(`${base}/2`)).text()
    expect(html).toMatch(
      /\d+ candidate pairs?<\/span>, <span data-dedup="merged_auto">1 merged automatically<\/span>\.\s*In the review, <span data-dedup="pending">[1-9]\d* possible duplicate pairs?<\/span> waits? for a reviewer/,
    )
    expect(html).toContain('href="/reviews/link-workers/duplicates"')
    expect(html).toMatch(/[1-9]\d* possible duplicates? waits? for a reviewer/)
    expect(stored(weft).records.filter((record) => record.duplicateOf !== null)).toHaveLength(1)
  })

  it('lets a viewer read the imports but not import', async () => {
    const { weft, owner, base } = await reviewWithOwner()
    await owner.postMultipart(base, { sourceName: 'MEDLINE' }, [['files', 'ovid.ris', fixture('ovid.ris')]])
    await addAccount(weft.db, 'viewer@example.org')
    await owner.post('/reviews/link-workers/members', { email: 'viewer@example.org', role: 'viewer' })
    const viewer = new Agent(weft)
    await viewer.signIn('viewer@example.org')
    const page = await (await viewer.get(base)).text()
    expect(page).toContain('id="batch-row-1"')
    expect(page).not.toContain('name="files"')
    expect((await viewer.get(`${base}/1`)).status).toBe(200)
    const refused = await viewer.postMultipart(base, { sourceName: 'MEDLINE', force: 'on' }, [
      ['files', 'ovid.ris', fixture('ovid.ris')],
    ])
    expect(refused.status).toBe(403)
    expect(stored(weft).batches).toHaveLength(1)
  })

  it.each([
    ['a source of no review', { sourceId: '999' }, 'sourceId', 'That source is not in this review’s search log'],
    [
      'a source id that is not a number',
      { sourceId: '1 or 1=1' },
      'sourceId',
      'That source is not in this review’s search log',
    ],
    ['no source at all', {}, 'sourceId', 'Choose the source these files come from, or name a new one.'],
    [
      'a new source without a name',
      { sourceId: 'new', sourceName: '  ' },
      'sourceName',
      'Name the new source, e.g. MEDLINE.',
    ],
    [
      'an unknown kind',
      { sourceName: 'MEDLINE', sourceKind: 'library' },
      'sourceKind',
      'Choose what kind of source this is.',
    ],
    ['an unknown format', { sourceName: 'MEDLINE', format: 'docx' }, 'format', 'Choose a format from the list'],
  ])('refuses %s at its field with 422 and stores nothing', async (_case, fields, field, message) => {
    const { weft, owner, base } = await reviewWithOwner()
    const response = await owner.postMultipart(base, fields, [['files', 'ovid.ris', fixture('ovid.ris')]])
    expect(response.status).toBe(422)
    const html = await response.text()
    expect(html).toContain(`id="error-${field}"`)
    expect(html).toContain(message)
    expect(stored(weft)).toEqual({ records: [], batches: [], sources: [] })
  })

  it('refuses a form without a file at the file field', async () => {
    const { weft, owner, base } = await reviewWithOwner()
    // A browser sends an empty file part when nothing was chosen.
    const response = await owner.postMultipart(base, { sourceName: 'MEDLINE' }, [['files', '', '']])
    expect(response.status).toBe(422)
    expect(await response.text()).toContain('id="error-files"')
    expect((await owner.post(base, { sourceName: 'MEDLINE' })).status).toBe(422)
    expect(stored(weft).sources).toHaveLength(0)
  })

  it('checks the form token of a multipart upload and applies a double submission once', async () => {
    const { weft, owner, base } = await reviewWithOwner()
    const files: [string, string, Uint8Array][] = [['files', 'ovid.ris', fixture('ovid.ris')]]
    expect((await owner.postMultipart(base, { sourceName: 'MEDLINE' }, files, { token: false })).status).toBe(403)
    expect((await owner.postMultipart(base, { sourceName: 'MEDLINE' }, files, { token: 'forged.token' })).status).toBe(
      403,
    )
    expect(stored(weft).batches).toHaveLength(0)
    const token = owner.formToken() as string
    expect((await owner.postMultipart(base, { sourceName: 'MEDLINE' }, files, { token })).status).toBe(303)
    const twice = await owner.postMultipart(base, { sourceName: 'MEDLINE', force: 'on' }, files, { token })
    expect(twice.status).toBe(409)
    expect(stored(weft).batches).toHaveLength(1)
  })

  it('refuses an upload over 512 MB with 413 before importing anything', async () => {
    const { weft, owner, base } = await reviewWithOwner()
    const response = await owner.postMultipart(
      base,
      { sourceName: 'MEDLINE' },
      [['files', 'ovid.ris', fixture('ovid.ris')]],
      {
        headers: { 'content-length': String(600 * 1024 * 1024) },
      },
    )
    expect(response.status).toBe(413)
    expect(await response.text()).toContain('The upload is larger than 512 MB')
    expect(stored(weft)).toEqual({ records: [], batches: [], sources: [] })
  })

  it('answers a link to another review’s import, or to no import, with 404', async () => {
    const { owner, base } = await reviewWithOwner()
    await reviewOwnedBy(owner, 'other-review', 'Other review')
    await owner.postMultipart('/reviews/other-review/imports', { sourceName: 'MEDLINE' }, [
      ['files', 'ovid.ris', fixture('ovid.ris')],
    ])
    expect((await owner.get('/reviews/other-review/imports/1')).status).toBe(200)
    expect((await owner.get(`${base}/1`)).status).toBe(404)
    expect((await owner.get(`${base}/not-a-number`)).status).toBe(404)
    const list = await (await owner.get(`${base}?batches=1`)).text()
    expect(list).not.toContain('id="batch-1"')
  })
})
