/**
 * An import's page follows it while it runs (issue 13.7): the status the page polls moves with the bytes
 * received, then with the records read and stored, and ends on the batch's summary, never on a stale
 * "running". The import runs on a worker thread (a database file), as on a server.
 */
import { setTimeout as sleep } from 'node:timers/promises'
import { describe, expect, it } from 'vitest'
import { ORIGIN, reviewOwnedBy, signedIn, testWeftOnFile } from '../support/app.ts'
import { syntheticRisChunks } from '../support/synthetic-ris.ts'

const RECORDS = 12_000

interface Seen {
  phase: string
  done: number | null
  total: number | null
  text: string
}

function readState(html: string): Seen {
  const attribute = (name: string) => new RegExp(`data-upload-${name}="([^"]*)"`).exec(html)?.[1]
  const number = (value: string | undefined) => (value === undefined ? null : Number(value))
  return {
    phase: attribute('phase') ?? '',
    done: number(attribute('done')),
    total: number(attribute('total')),
    text: /<span data-upload-text[^>]*>([^<]*)</.exec(html)?.[1] ?? '',
  }
}

/** A multipart body as the upload form sends it (token, upload id, source, then the file), in pieces. */
function uploadBody(token: string, uploadId: string) {
  const boundary = '----weftprogress'
  const field = (name: string, value: string) =>
    `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`
  const head = new TextEncoder().encode(
    field('_csrf', token) +
      field('uploadId', uploadId) +
      field('sourceName', 'MEDLINE') +
      field('sourceKind', 'database') +
      `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="search.ris"\r\n` +
      'Content-Type: application/x-research-info-systems\r\n\r\n',
  )
  const tail = new TextEncoder().encode(`\r\n--${boundary}--\r\n`)
  const pieces = [head, ...syntheticRisChunks(RECORDS, 250), tail]
  return { boundary, pieces, length: pieces.reduce((sum, piece) => sum + piece.byteLength, 0) }
}

describe('following an import while it runs', () => {
  it('reports the bytes received, then the records read and stored, then the summary', async () => {
    const weft = testWeftOnFile()
    try {
      const agent = await signedIn(weft, 'owner@example.org')
      const base = `/reviews/${await reviewOwnedBy(agent)}/imports`
      const page = await (await agent.get(base)).text()
      const uploadId = /name="uploadId" value="([^"]+)"/.exec(page)?.[1]
      expect(uploadId).toBeDefined()
      expect(page).toContain(`data-progress-url="${base}/uploads/${uploadId}"`)

      const { boundary, pieces, length } = uploadBody(agent.formToken() as string, uploadId!)
      let next = 0
      // The browser's upload, a piece every few milliseconds, as a slow connection delivers it.
      const body = new ReadableStream<Uint8Array>({
        async pull(controller) {
          await sleep(15)
          const piece = pieces[next++]
          if (piece) controller.enqueue(piece)
          else controller.close()
        },
      })
      const init: RequestInit & { duplex: 'half' } = {
        method: 'POST',
        body,
        duplex: 'half',
        headers: {
          origin: ORIGIN,
          'content-type': `multipart/form-data; boundary=${boundary}`,
          'content-length': String(length),
        },
      }
      let answered = false
      const upload = agent.request(base, init).finally(() => (answered = true))
      const seen: Seen[] = []
      const poll = async () => readState(await (await agent.get(`${base}/uploads/${uploadId}`)).text())
      while (!answered) {
        seen.push(await poll())
        await sleep(10)
      }
      const response = await upload
      expect(response.status).toBe(303)
      const last = await poll()

      const receiving = seen.filter((state) => state.phase === 'receiving')
      const received = [...new Set(receiving.map((state) => state.done))]
      expect(received.length).toBeGreaterThanOrEqual(3)
      expect(received).toEqual([...received].sort((a, b) => a! - b!))
      expect(receiving.every((state) => state.total === length)).toBe(true)

      // Then the file: its bytes read (records found so far in the text), then its records stored.
      const reading = seen.filter((state) => state.phase === 'reading')
      const storing = seen.filter((state) => state.phase === 'storing')
      expect(reading.length + storing.length).toBeGreaterThanOrEqual(2)
      expect(storing.every((state) => state.total === RECORDS && state.done! <= RECORDS)).toBe(true)
      const order = seen.map((state) => ['waiting', 'receiving', 'reading', 'storing', 'done'].indexOf(state.phase))
      expect(order).toEqual([...order].sort((a, b) => a - b))
      expect(seen.some((state) => /Reading search\.ris: .* records so far/.test(state.text))).toBe(true)

      // It ends on the summary, with the batch it made; nothing says it is still running.
      expect(last.phase).toBe('done')
      expect(last.text).toBe(`search.ris imported: ${RECORDS} records.`)
      const summary = await (await agent.get(`${base}/uploads/${uploadId}`)).text()
      expect(summary).toContain(`href="${response.headers.get('location')}"`)
      expect(summary).not.toContain('…')
      await weft.services.dedup.settled(1)
    } finally {
      await weft.close()
    }
  }, 120_000)

  it('shows one person’s upload to nobody else', async () => {
    const weft = testWeftOnFile()
    try {
      const owner = await signedIn(weft, 'owner@example.org')
      const base = `/reviews/${await reviewOwnedBy(owner)}/imports`
      weft.services.uploads.set(1, 'someone-elses-upload', { phase: 'done', summary: 'a.ris imported', location: null })
      const other = await signedIn(weft, 'other@example.org')
      const mine = readState(await (await owner.get(`${base}/uploads/someone-elses-upload`)).text())
      expect(mine.phase).toBe('done')
      const theirs = await other.get(`${base}/uploads/someone-elses-upload`)
      expect(theirs.status).toBe(403)
    } finally {
      await weft.close()
    }
  })
})
