import { execFile } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../db/client.ts'
import { auditEvents, reviews } from '../../db/schema.ts'
import { createApp } from '../../src/app.tsx'
import { weft } from '../support/cli.ts'
import { Agent, PASSWORD } from '../support/app.ts'

const run = promisify(execFile)
const bin = join(import.meta.dirname, '../../src/bin/weft.js')

function tempDb(): string {
  return join(mkdtempSync(join(tmpdir(), 'weft-cli-')), 'weft.db')
}

describe('weft command', () => {
  it('lists its commands with --help (the real executable)', async () => {
    const { stdout } = await run(process.execPath, [bin, '--help'])
    for (const command of ['serve', 'user add', 'review create', '--db PATH', '--json'])
      expect(stdout).toContain(command)
  })

  it('exits 1 with one line on stderr for bad arguments (the real executable)', async () => {
    const failure = await run(process.execPath, [
      bin,
      'review',
      'create',
      '--db',
      tempDb(),
      '--slug',
      'x y',
      '--title',
      'T',
    ]).catch((error) => error)
    expect(failure.code).toBe(1)
    expect(failure.stdout).toBe('')
    expect(failure.stderr.trim().split('\n')).toHaveLength(1)
    expect(failure.stderr).toMatch(/^weft: --slug: Use 2–63 lower-case letters/)
  })

  it('creates an account and a review that the web app then shows to their owner', async () => {
    const db = tempDb()
    const user = await weft([
      'user',
      'add',
      '--db',
      db,
      '--email',
      'owner@example.org',
      '--name',
      'Olive Owner',
      '--password',
      PASSWORD,
      '--json',
    ])
    expect(user.code).toBe(0)
    expect(JSON.parse(user.out.join(''))).toMatchObject({ email: 'owner@example.org', admin: true })
    const review = await weft([
      'review',
      'create',
      '--db',
      db,
      '--slug',
      'link-workers',
      '--title',
      'Link workers’ experiences',
      '--owner',
      'owner@example.org',
      '--reviewers',
      '1',
      '--blind',
      '--template',
      'updated_databases_registers',
      '--json',
    ])
    expect(review.code).toBe(0)
    expect(JSON.parse(review.out.join(''))).toMatchObject({
      slug: 'link-workers',
      reviewersPerRecord: 1,
      blind: true,
      template: 'updated_databases_registers',
    })

    const database = openDatabase(db)
    const browser = new Agent({
      app: createApp({ db: database }),
      db: database,
      clock: { now: new Date(), advance: () => {} },
    })
    await browser.signIn('owner@example.org')
    const dashboard = await (await browser.get('/reviews/link-workers')).text()
    expect(dashboard).toContain('Link workers’ experiences')
    expect(dashboard).toContain('One reviewer per record')
    expect(
      database
        .select()
        .from(auditEvents)
        .all()
        .find((e) => e.action === 'review.created')?.actorId,
    ).toBeNull()
    database.$client.close()
  })

  it.each([
    [['review', 'create', '--title', 'No slug'], 'weft: missing --slug'],
    [
      ['review', 'create', '--slug', 'ok', '--title', 'T', '--reviewers', '3'],
      'weft: --reviewers: Choose 1 or 2 reviewers per record.',
    ],
    [
      ['review', 'create', '--slug', 'ok', '--title', 'T', '--template', 'flow'],
      'weft: --template: Choose one of the four PRISMA 2020 templates.',
    ],
    [
      ['review', 'create', '--slug', 'ok', '--title', 'T', '--owner', 'ghost@example.org'],
      'weft: --owner: no account uses ghost@example.org (create it with weft user add)',
    ],
    [
      ['user', 'add', '--email', 'bad', '--name', 'N', '--password', PASSWORD],
      'weft: email: Enter an email address like name@example.org.',
    ],
    [
      ['user', 'add', '--email', 'a@b.org', '--name', 'N', '--password', 'short'],
      'weft: password: Use a password of at least 10 characters.',
    ],
    [['review', 'delete'], 'weft: unknown command “review delete” (see weft --help)'],
    [['serve', '--colour'], "weft: Unknown option '--colour'"],
  ])('refuses %j with one line and exit 1, storing nothing', async (argv, message) => {
    const db = tempDb()
    const result = await weft([...argv, '--db', db])
    expect(result.code).toBe(1)
    expect(result.err).toEqual([message])
    if (argv[0] !== 'serve') {
      const database = openDatabase(db)
      expect(database.select().from(reviews).all()).toHaveLength(0)
      database.$client.close()
    }
  })

  it('refuses a review whose short name is taken', async () => {
    const db = tempDb()
    expect((await weft(['review', 'create', '--db', db, '--slug', 'dup', '--title', 'First'])).code).toBe(0)
    const again = await weft(['review', 'create', '--db', db, '--slug', 'dup', '--title', 'Second'])
    expect(again.code).toBe(1)
    expect(again.err).toEqual(['weft: Another review already uses the address “dup”.'])
  })

  it('takes the database from WEFT_DB when --db is not given', async () => {
    const db = tempDb()
    process.env.WEFT_DB = db
    try {
      expect((await weft(['review', 'create', '--slug', 'from-env', '--title', 'From env'])).code).toBe(0)
    } finally {
      delete process.env.WEFT_DB
    }
    const database = openDatabase(db)
    expect(database.select().from(reviews).get()?.slug).toBe('from-env')
    database.$client.close()
  })
})
