import { describe, expect, it } from 'vitest'
import { signedIn, testWeft } from '../support/app.ts'
import { screeningTeam } from '../support/screening.ts'

describe('Report page', () => {
  it('shows the live diagram, what is still open in plain words, and the records per search', async () => {
    const weft = testWeft()
    const team = await screeningTeam(weft, { records: 5 })
    const res = await team.viewer.get(`/reviews/${team.slug}/report`)
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('<svg')
    expect(html).toContain('data-box="records_screened"')
    expect(html).toContain('5 records not yet screened')
    expect(html).toMatch(/MEDLINE<\/td><td>Database<\/td><td class="number">5</)
    expect(html).toContain('aria-current="page">Report</a>')
  })

  it('downloads the diagram as an SVG attachment and as a PNG', async () => {
    const weft = testWeft()
    const team = await screeningTeam(weft, { records: 2 })
    const svg = await team.viewer.get(`/reviews/${team.slug}/report/diagram.svg`)
    expect(svg.headers.get('content-type')).toContain('image/svg+xml')
    expect(svg.headers.get('content-disposition')).toBe('attachment; filename="screening-review-prisma.svg"')
    expect(await svg.text()).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg /)
    const png = await team.viewer.get(`/reviews/${team.slug}/report/diagram.png`)
    expect(png.headers.get('content-type')).toBe('image/png')
    const bytes = new Uint8Array(await png.arrayBuffer())
    expect(Buffer.from(bytes.subarray(1, 4)).toString()).toBe('PNG')
    // Twice the SVG's width, for print.
    const width = Buffer.from(bytes).readUInt32BE(16)
    const svgWidth = Number(
      (await (await team.viewer.get(`/reviews/${team.slug}/report/diagram.svg`)).text()).match(/width="(\d+)"/)?.[1],
    )
    expect(width).toBe(svgWidth * 2)
  })

  it('offers a landscape print page with only the diagram and a note on saving a PDF', async () => {
    const weft = testWeft()
    const team = await screeningTeam(weft, { records: 2 })
    const page = await (await team.viewer.get(`/reviews/${team.slug}/report/print`)).text()
    expect(page).toContain('Save as PDF')
    expect(page).not.toContain('class="tabs"')
    const css = await (await team.viewer.get(`/reviews/${team.slug}/report/report.css`)).text()
    expect(css).toContain('size: A4 landscape')
    expect(css).toMatch(/@media print \{ \.print-note \{ display: none; \} \}/)
  })

  it('hands out the counts as the PRISMA2020 JSON and CSV', async () => {
    const weft = testWeft()
    const team = await screeningTeam(weft, { records: 3 })
    const json = await (await team.viewer.get(`/reviews/${team.slug}/report/prisma.json`)).json()
    expect(json).toMatchObject({ database_results: 3, duplicates: 0, records_screened: 0, status: 'provisional' })
    const csv = await (await team.viewer.get(`/reviews/${team.slug}/report/prisma.csv`)).text()
    expect(csv.split('\n')[0]).toBe('data,node,box,description,boxtext,tooltips,url,n')
  })

  it('refuses an export that does not exist, saying which formats there are', async () => {
    const weft = testWeft()
    const team = await screeningTeam(weft, { records: 1 })
    const res = await team.viewer.get(`/reviews/${team.slug}/report/export?what=decisions&format=ris`)
    expect(res.status).toBe(400)
    expect(await res.text()).toContain('decisions export as csv, not ris')
  })

  it('is for members only', async () => {
    const weft = testWeft()
    const team = await screeningTeam(weft, { records: 1 })
    const stranger = await signedIn(weft, 'stranger@example.org')
    const res = await stranger.get(`/reviews/${team.slug}/report/export?what=records&format=ris`)
    expect([403, 404]).toContain(res.status)
  })
})
