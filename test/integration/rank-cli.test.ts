import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { weft } from '../support/cli.ts'

const fixture = (name: string) => join(import.meta.dirname, '../fixtures/ranking', name)
const simulate = (...args: string[]) => weft(['rank', 'simulate', '--db', ':memory:', ...args])

function writeTemp(name: string, content: string | Uint8Array): string {
  const path = join(mkdtempSync(join(tmpdir(), 'weft-rank-')), name)
  writeFileSync(path, content)
  return path
}

describe('weft rank simulate', () => {
  it('replays a labelled CSV and prints the mean metrics of each seed as JSON, the same every time', async () => {
    const first = await simulate('--dataset', fixture('link-workers.csv'), '--seeds', '2', '--json')
    expect(first.code).toBe(0)
    const report = JSON.parse(first.out[0]!)
    expect(report).toMatchObject({ dataset: 'link-workers.csv', records: 202, relevant: 22 })
    expect(report.seeds.map((seed: { seed: number }) => seed.seed)).toEqual([1, 2])
    expect(report.mean.wss95).toBeGreaterThan(0.5)
    expect(report.recallCurve).toHaveLength(20)
    const second = await simulate('--dataset', fixture('link-workers.csv'), '--seeds', '2', '--json')
    expect(second.out).toEqual(first.out)
  })

  it('prints WSS@95, WSS@100, RRF@10, ATD and the recall curve for people', async () => {
    const result = await simulate('--dataset', fixture('link-workers.csv'), '--seeds', '1')
    expect(result.code).toBe(0)
    expect(result.out[0]).toBe('link-workers.csv: 202 records, 22 relevant; mean of 1 seed')
    expect(result.out[1]).toBe(
      'Model: naive Bayes + linear SVM (C 0.3), summed ranks; TF-IDF (log term frequency) of Porter stems',
    )
    expect(result.out[2]).toMatch(/^WSS@95 \d+\.\d% {2}WSS@100 \d+\.\d% {2}RRF@10 \d+\.\d% {2}ATD \d+\.\d%$/)
    expect(result.out[4]).toMatch(/^5\.0% → \d+\.\d%, 10\.0% → /)
  })

  it('reads the first sheet of an XLSX workbook', async () => {
    const result = await simulate('--dataset', fixture('link-workers.xlsx'), '--seeds', '1', '--json')
    expect(result.err).toEqual([])
    expect(JSON.parse(result.out[0]!)).toMatchObject({ records: 8, relevant: 3 })
  })

  it('reads an ODS spreadsheet through the same reader as reference lists', async () => {
    const result = await simulate('--dataset', fixture('link-workers.ods'), '--seeds', '1', '--json')
    expect(result.err).toEqual([])
    expect(JSON.parse(result.out[0]!)).toMatchObject({ records: 6, relevant: 3 })
  })

  it('refuses a label that is not 1 or 0 and names its line', async () => {
    const file = writeTemp(
      'bad.csv',
      'title,abstract,label_included\nA,"an abstract\nover two lines",1\nB,b,0\nC,c,maybe\n',
    )
    const result = await simulate('--dataset', file)
    expect(result.code).toBe(1)
    expect(result.err).toEqual([`weft: ${file}: line 5: label_included must be 1 or 0, not “maybe”`])
  })

  it('names the missing column and the header it found', async () => {
    const file = writeTemp('nolabel.csv', 'title,abstract,included\nA,a,1\n')
    const result = await simulate('--dataset', file)
    expect(result.code).toBe(1)
    expect(result.err[0]).toBe(
      `weft: ${file}: line 1: no label_included column (the header has title, abstract, included)`,
    )
  })

  it('refuses a review without both relevant and irrelevant records, a missing file and a broken workbook', async () => {
    const allIn = writeTemp('all.csv', 'title,abstract,label_included\nA,a,1\nB,b,1\n')
    expect((await simulate('--dataset', allIn)).err[0]).toMatch(
      /at least one record labelled 1 and one labelled 0 \(found 2 of 2\)/,
    )
    const missing = await simulate('--dataset', '/nonexistent/labels.csv')
    expect(missing).toMatchObject({ code: 1, err: ['weft: --dataset: cannot read /nonexistent/labels.csv (ENOENT)'] })
    const broken = writeTemp('broken.xlsx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))
    expect((await simulate('--dataset', broken)).err[0]).toMatch(/broken\.xlsx: not a readable spreadsheet/)
    expect((await simulate('--dataset', fixture('link-workers.csv'), '--seeds', '0')).code).toBe(1)
    expect((await simulate()).err).toEqual(['weft: missing --dataset FILE'])
  })
})
