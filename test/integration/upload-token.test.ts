/**
 * One upload path (issue 17.5): every upload is read by busboy in src/http/upload.ts's receiveUpload,
 * which claims the form token as it arrives (the forms send it before their files) and writes no file
 * unless it holds. The form guard's promises stay: 403 for a missing or forged token, a replayed form
 * lands on the page as it stands, a failed request gives its token back.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { importBatches } from '../../db/schema.ts'
import { ORIGIN, reviewOwnedBy, signedIn, testWeft, type Agent } from '../support/app.ts'
import { watchUploadFolder } from '../support/upload-folder.ts'

const ris = new Uint8Array(readFileSync(join(import.meta.dirname, '../fixtures/formats/ovid.ris')))

const { leftovers } = watchUploadFolder()

/** A multipart body with its parts in the order given, as a hand-made client might send them. */
function multipart(parts: ({ name: string; value: string } | { name: string; file: string; bytes: Uint8Array })[]) {
  const boundary = '----weftorder'
  const chunks: Uint8Array[] = []
  const text = (value: string) => chunks.push(new TextEncoder().encode(value))
  for (const part of parts) {
    if ('value' in part) {
      text(`--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"\r\n\r\n${part.value}\r\n`)
    } else {
      text(`--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"; filename="${part.file}"\r\n\r\n`)
      chunks.push(part.bytes)
      text('\r\n')
    }
  }
  text(`--${boundary}--\r\n`)
  return { body: new Blob(chunks), type: `multipart/form-data; boundary=${boundary}` }
}

function send(agent: Agent, path: string, body: { body: Blob; type: string }, headers: Record<string, string> = {}) {
  return agent.request(path, {
    method: 'POST',
    body: body.body,
    headers: { origin: ORIGIN, 'content-type': body.type, ...headers },
  })
}

async function owner() {
  const weft = testWeft()
  const agent = await signedIn(weft, 'owner@example.org')
  const slug = await reviewOwnedBy(agent)
  const batches = () => weft.db.select().from(importBatches).all().length
  return { weft, agent, slug, base: `/reviews/${slug}/imports`, batches }
}

describe('the form token of an upload', () => {
  it('refuses an upload whose file comes before its token, writing no file', async () => {
    const { agent, base, batches } = await owner()
    const token = agent.formToken() as string
    const fileFirst = multipart([
      { name: 'sourceName', value: 'MEDLINE' },
      { name: 'files', file: 'ovid.ris', bytes: ris },
      { name: '_csrf', value: token },
    ])
    const refused = await send(agent, base, fileFirst)
    expect(refused.status).toBe(403)
    expect(await refused.text()).toContain('This form has no security token')
    expect(leftovers()).toEqual([])
    expect(batches()).toBe(0)
    // The token was not used up: the same form, its token in front, imports.
    const inOrder = multipart([
      { name: '_csrf', value: token },
      { name: 'sourceName', value: 'MEDLINE' },
      { name: 'files', file: 'ovid.ris', bytes: ris },
    ])
    expect((await send(agent, base, inOrder)).status).toBe(303)
    expect(batches()).toBe(1)
  })

  it('reads the token wherever it is among the fields before the files, not only in the first 64 KB', async () => {
    const { agent, base, batches } = await owner()
    const body = multipart([
      { name: 'sourceName', value: 'MEDLINE' },
      { name: 'note', value: 'x'.repeat(100 * 1024) },
      { name: '_csrf', value: agent.formToken() as string },
      { name: 'files', file: 'ovid.ris', bytes: ris },
    ])
    expect((await send(agent, base, body)).status).toBe(303)
    expect(batches()).toBe(1)
  })

  it('refuses a forged token on every upload route, before any file is written', async () => {
    const { agent, slug, base, batches } = await owner()
    for (const path of [base, `/reviews/${slug}/screening/import`]) {
      const forged = await agent.postMultipart(path, { sourceName: 'MEDLINE' }, [['files', 'ovid.ris', ris]], {
        token: 'forged.token.here',
      })
      expect(forged.status).toBe(403)
      const missing = await agent.postMultipart(path, { sourceName: 'MEDLINE' }, [['files', 'ovid.ris', ris]], {
        token: false,
      })
      expect(missing.status).toBe(403)
    }
    expect(leftovers()).toEqual([])
    expect(batches()).toBe(0)
  })

  it('lands a replayed upload on the page it was sent from, saying nothing was changed', async () => {
    const { weft, agent, base, batches } = await owner()
    const token = agent.formToken() as string
    const files: [string, string, Uint8Array][] = [['files', 'ovid.ris', ris]]
    expect((await agent.postMultipart(base, { sourceName: 'MEDLINE' }, files, { token })).status).toBe(303)
    const again = await agent.postMultipart(base, { sourceName: 'MEDLINE', force: 'on' }, files, {
      token,
      headers: { referer: `${ORIGIN}${base}` },
    })
    expect(again.status).toBe(303)
    expect(again.headers.get('location')).toBe(base)
    const landed = await (await agent.get(base)).text()
    expect(landed).toContain('This form was already used, so nothing was changed; here is the page as it stands.')
    expect(batches()).toBe(1)
    expect(leftovers()).toEqual([])
    expect(weft.db.select().from(importBatches).all()).toHaveLength(1)
  })

  it('gives the token of a refused upload back, so the corrected form can be sent', async () => {
    const { agent, base, batches } = await owner()
    const token = agent.formToken() as string
    const nothingChosen = await agent.postMultipart(base, { sourceName: 'MEDLINE' }, [['files', '', '']], { token })
    expect(nothingChosen.status).toBe(422)
    const corrected = await agent.postMultipart(base, { sourceName: 'MEDLINE' }, [['files', 'ovid.ris', ris]], {
      token,
    })
    expect(corrected.status).toBe(303)
    expect(batches()).toBe(1)
  })

  it('refuses files sent to a form that takes none, even with a valid token', async () => {
    const { agent, base } = await owner()
    const response = await agent.postMultipart(`${base}/deduplication`, {}, [['files', 'ovid.ris', ris]])
    expect(response.status).toBe(415)
    expect(leftovers()).toEqual([])
  })
})
