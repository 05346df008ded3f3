/**
 * `weft backup` while reviewers vote, and `weft restore` of what it wrote: every vote answered before the
 * backup began is in it, nothing half-written is, each vote with exactly one audit event; a backup after
 * the votes restores every one of them, with the stored full texts.
 */
import { spawn } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { fullTextPath, storeFullText } from '../../src/files/full-texts.ts'
import { testWeftOnFile, type Agent } from '../support/app.ts'
import { weft as runWeft } from '../support/cli.ts'
import { HTMX_PARTIAL, screeningTeam } from '../support/screening.ts'

const root = join(import.meta.dirname, '../..')

/** `weft …` as its own process, as cron runs it next to the server. */
function weftProcess(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(root, 'src/bin/weft.js'), ...args], { cwd: root })
    let out = ''
    let err = ''
    child.stdout.on('data', (chunk: Buffer) => (out += chunk))
    child.stderr.on('data', (chunk: Buffer) => (err += chunk))
    child.on('close', (code) => resolve({ code, out, err }))
  })
}

interface SentVote {
  recordId: number
  reviewerId: number
  answeredAt: number
}

/** Votes through the queue (each answer carries the next record) until `stop()` says so. */
async function keepVoting(agent: Agent, reviewerId: number, queue: string, sent: SentVote[], stop: () => boolean) {
  let html = await (await agent.get(queue)).text()
  for (let turn = 0; !stop(); turn++) {
    const recordId = Number(html.match(/\/records\/(\d+)\/vote/)?.[1])
    if (!recordId) return
    const answer = await agent.post(
      `${queue}/records/${recordId}/vote`,
      { verdict: turn % 5 === 0 ? 'include' : 'exclude' },
      { headers: HTMX_PARTIAL },
    )
    expect(answer.status).toBe(200)
    sent.push({ recordId, reviewerId, answeredAt: performance.now() })
    html = await answer.text()
    // The next request arrives as from the network: other work (the backup process's answer) runs between.
    await new Promise((resolve) => setImmediate(resolve))
  }
}

function storedVotes(path: string) {
  const db = new Database(path, { readonly: true, fileMustExist: true })
  try {
    const votes = db.prepare('select record_id as recordId, reviewer_id as reviewerId from screening_votes').all() as {
      recordId: number
      reviewerId: number
    }[]
    const audited = db
      .prepare(
        `select entity_id as recordId, actor_id as reviewerId, count(*) as n from audit_events
         where action = 'screening.voted' group by entity_id, actor_id`,
      )
      .all() as { recordId: number; reviewerId: number; n: number }[]
    const integrity = (db.pragma('integrity_check') as { integrity_check: string }[])[0]!.integrity_check
    return { votes, audited, integrity }
  } finally {
    db.close()
  }
}

const key = (vote: { recordId: number; reviewerId: number }) => `${vote.recordId}:${vote.reviewerId}`

describe('weft backup and weft restore', () => {
  it(
    'backs up while two reviewers vote, and restores every vote with its audit event and the full texts',
    { timeout: 120_000 },
    async () => {
      const weft = testWeftOnFile()
      try {
        const team = await screeningTeam(weft, { records: 400, reviewersPerRecord: 2 })
        const dbPath = join(weft.folder, 'weft.db')
        const pdf = new TextEncoder().encode('%PDF-1.4 a report of a link worker study')
        const stored = storeFullText(join(weft.folder, 'files'), pdf)
        const queue = `/reviews/${team.slug}/screening/title-abstract`
        const sent: SentVote[] = []
        let backupRunning = true
        let backupStarted = 0
        const voting = Promise.all([
          keepVoting(team.reviewerA, team.userIds.reviewerA, queue, sent, () => !backupRunning),
          keepVoting(team.reviewerB, team.userIds.reviewerB, queue, sent, () => !backupRunning),
        ])
        while (sent.length < 20) await new Promise((resolve) => setTimeout(resolve, 10))
        backupStarted = performance.now()
        const during = await weftProcess(['backup', '--db', dbPath, '--out', join(weft.folder, 'during.tar'), '--json'])
        backupRunning = false
        await voting
        expect(during.err).toBe('')
        expect(during.code).toBe(0)
        expect(JSON.parse(during.out)).toMatchObject({ files: 1 })
        // Votes were being answered while the backup ran.
        expect(sent.filter((vote) => vote.answeredAt > backupStarted).length).toBeGreaterThan(0)

        const restoredDuring = join(weft.folder, 'restored-during', 'weft.db')
        expect(
          (await runWeft(['restore', '--db', restoredDuring, '--from', join(weft.folder, 'during.tar')])).code,
        ).toBe(0)
        const snapshot = storedVotes(restoredDuring)
        expect(snapshot.integrity).toBe('ok')
        const inSnapshot = new Set(snapshot.votes.map(key))
        const sentKeys = new Set(sent.map(key))
        for (const vote of sent.filter((vote) => vote.answeredAt < backupStarted))
          expect(inSnapshot).toContain(key(vote))
        for (const vote of snapshot.votes) expect(sentKeys).toContain(key(vote))
        expect(snapshot.audited.map(key).sort()).toEqual([...inSnapshot].sort())
        expect(snapshot.audited.every((event) => event.n === 1)).toBe(true)

        const after = join(weft.folder, 'after.tar')
        expect((await runWeft(['backup', '--db', dbPath, '--out', after])).code).toBe(0)
        const restoredAfter = join(weft.folder, 'restored-after', 'weft.db')
        expect((await runWeft(['restore', '--db', restoredAfter, '--from', after])).code).toBe(0)
        const all = storedVotes(restoredAfter)
        expect(all.votes).toHaveLength(sent.length)
        expect(new Set(all.votes.map(key))).toEqual(sentKeys)
        expect(all.audited).toHaveLength(sent.length)
        expect(all.audited.every((event) => event.n === 1)).toBe(true)
        const restoredPdf = fullTextPath(join(weft.folder, 'restored-after', 'files'), stored.sha256)
        expect(readFileSync(restoredPdf)).toEqual(Buffer.from(pdf))
      } finally {
        await weft.close()
      }
    },
  )

  it('refuses to replace a database without --force, and a damaged backup at all', async () => {
    const weft = testWeftOnFile()
    try {
      await screeningTeam(weft, { records: 3 })
      const archive = join(weft.folder, 'backup.tar')
      expect((await runWeft(['backup', '--db', join(weft.folder, 'weft.db'), '--out', archive])).code).toBe(0)
      const target = join(weft.folder, 'restored', 'weft.db')
      expect((await runWeft(['restore', '--db', target, '--from', archive])).code).toBe(0)

      const again = await runWeft(['restore', '--db', target, '--from', archive])
      expect(again.code).toBe(1)
      expect(again.err.join('')).toContain('already exists; add --force')
      expect((await runWeft(['restore', '--db', target, '--from', archive, '--force'])).code).toBe(0)

      // One byte of the database changed: the SHA-256 in the manifest no longer matches.
      const bytes = readFileSync(archive)
      const at = bytes.indexOf('SQLite format 3') + 4096 + 100
      bytes[at] = bytes[at]! ^ 0xff
      const damaged = join(weft.folder, 'damaged.tar')
      writeFileSync(damaged, bytes)
      const refused = await runWeft(['restore', '--db', join(weft.folder, 'other', 'weft.db'), '--from', damaged])
      expect(refused.code).toBe(1)
      expect(refused.err.join('')).toContain('weft.db is damaged')
      expect(existsSync(join(weft.folder, 'other', 'weft.db'))).toBe(false)
    } finally {
      await weft.close()
    }
  })
})
