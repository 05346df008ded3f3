import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { asc, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../db/client.ts'
import {
  auditEvents,
  exclusionReasons,
  records,
  reports,
  reviews,
  screeningDecisions,
  screeningStatus,
  screeningVotes,
  users,
} from '../../db/schema.ts'
import { addMember } from '../../src/store/memberships.ts'
import { weft } from '../support/cli.ts'

/** Four records from a database search: DOIs on the first two, a PMID (in the notes, as Ovid writes it) on the third. */
const SEARCH_RIS = [
  [
    'TY  - JOUR',
    'TI  - Link workers in general practice',
    'AU  - Moffatt, S.',
    'PY  - 2017',
    'DO  - 10.1136/bmjopen-2016-015203',
    'ER  - ',
  ],
  [
    'TY  - JOUR',
    'TI  - Social prescribing and loneliness',
    'AU  - Kellezi, B.',
    'PY  - 2019',
    'DO  - 10.1136/bmjopen-2019-033137',
    'ER  - ',
  ],
  [
    'TY  - JOUR',
    'TI  - Community connectors in Wales',
    'AU  - Wildman, J.',
    'PY  - 2019',
    'N1  - PMID: 31234567',
    'ER  - ',
  ],
  ['TY  - JOUR', 'TI  - A realist review of link work', 'AU  - Tierney, S.', 'PY  - 2020', 'ER  - '],
]
  .map((lines) => lines.join('\n'))
  .join('\n\n')

const HEADER = 'record,stage,reviewer,verdict,reason,note'

interface Team {
  db: string
  folder: string
  recordIds: number[]
}

async function reviewWithTeam(ris = SEARCH_RIS, reviewers = '2'): Promise<Team> {
  const folder = mkdtempSync(join(tmpdir(), 'weft-decisions-'))
  const db = join(folder, 'weft.db')
  for (const [email, name] of [
    ['owner@lw.org', 'Olu Owner'],
    ['alice@lw.org', 'Alice Ahmed'],
    ['bob@lw.org', 'Bob Brown'],
    ['vic@lw.org', 'Vic Viewer'],
  ] as const) {
    expect(
      (await weft(['user', 'add', '--db', db, '--email', email, '--name', name, '--password', 'correct horse battery']))
        .code,
    ).toBe(0)
  }
  expect(
    (
      await weft([
        'review',
        'create',
        '--db',
        db,
        '--slug',
        'lw',
        '--title',
        'Link workers',
        '--owner',
        'owner@lw.org',
        '--reviewers',
        reviewers,
      ])
    ).code,
  ).toBe(0)
  const database = openDatabase(db)
  addMember(database, 1, 'alice@lw.org', 'reviewer', null)
  addMember(database, 1, 'bob@lw.org', 'reviewer', null)
  addMember(database, 1, 'vic@lw.org', 'viewer', null)
  database.$client.close()
  writeFileSync(join(folder, 'search.ris'), ris)
  expect(
    (await weft(['import', '--db', db, '--review', 'lw', '--source', 'MEDLINE', join(folder, 'search.ris')])).code,
  ).toBe(0)
  return {
    db,
    folder,
    recordIds: read(db, (d) =>
      d
        .select({ id: records.id })
        .from(records)
        .orderBy(asc(records.id))
        .all()
        .map((row) => row.id),
    ),
  }
}

function read<T>(path: string, query: (db: ReturnType<typeof openDatabase>) => T): T {
  const database = openDatabase(path)
  try {
    return query(database)
  } finally {
    database.$client.close()
  }
}

function screeningRows(path: string) {
  return read(path, (db) => ({
    decisions: db.select().from(screeningDecisions).orderBy(asc(screeningDecisions.id)).all(),
    votes: db.select().from(screeningVotes).all(),
    status: db.select().from(screeningStatus).all(),
    reports: db.select().from(reports).all(),
  }))
}

function csv(team: Team, name: string, lines: string[]): string {
  const path = join(team.folder, name)
  writeFileSync(path, [HEADER, ...lines].join('\n') + '\n')
  return path
}

const importCsv = (team: Team, path: string, ...extra: string[]) =>
  weft(['screen', 'import', '--db', team.db, '--review', 'lw', ...extra, path])

function expectNothingStored(team: Team) {
  expect(screeningRows(team.db)).toEqual({ decisions: [], votes: [], status: [], reports: [] })
}

describe('weft screen import', () => {
  it('stores each row as a vote via import, naming records by Weft id, DOI and PMID, and prints the summary', async () => {
    const team = await reviewWithTeam()
    const [r1, r2, r3] = team.recordIds
    const path = csv(team, 'decisions.csv', [
      `${r1},title_abstract,alice@lw.org,include,,relevant`,
      `${r1},title_abstract,bob@lw.org,include,,`,
      `https://doi.org/10.1136/BMJOPEN-2019-033137,Title/Abstract,Alice@LW.org,exclude,,not link workers`,
      `10.1136/bmjopen-2019-033137,title_abstract,bob@lw.org,exclude,,`,
      `PMID:31234567,title_abstract,alice@lw.org,maybe,,`,
      `${r3},title_abstract,bob@lw.org,include,,`,
    ])
    const before = Date.now()
    const result = await importCsv(team, path, '--json')
    expect(result.err).toEqual([])
    expect(result.code).toBe(0)
    expect(JSON.parse(result.out[0]!)).toEqual({
      rowsRead: 6,
      votesStored: 6,
      unchanged: 0,
      reportsNotRetrieved: 0,
      reportsRetrieved: 0,
      recordsDecided: 2,
      recordsInConflict: 1,
    })
    const { decisions, status } = screeningRows(team.db)
    expect(decisions.map((d) => [d.recordId, d.verdict, d.note, d.via])).toEqual([
      [r1, 'include', 'relevant', 'import'],
      [r1, 'include', '', 'import'],
      [r2, 'exclude', 'not link workers', 'import'],
      [r2, 'exclude', '', 'import'],
      [r3, 'maybe', '', 'import'],
      [r3, 'include', '', 'import'],
    ])
    expect(decisions.every((d) => d.at.getTime() >= before - 1000 && d.at.getTime() <= Date.now())).toBe(true)
    expect(Object.fromEntries(status.map((s) => [s.recordId, s.outcome]))).toEqual({
      [r1!]: 'included',
      [r2!]: 'excluded',
      [r3!]: 'conflict',
    })
    const audit = read(team.db, (db) =>
      db.select().from(auditEvents).where(eq(auditEvents.action, 'screening.decisions_imported')).all(),
    )
    expect(audit).toMatchObject([{ actorId: null, after: { origin: 'decisions.csv', votesStored: 6 } }])
  })

  it('prints a sentence without --json', async () => {
    const team = await reviewWithTeam()
    const result = await importCsv(
      team,
      csv(team, 'one.csv', [`${team.recordIds[0]},title_abstract,alice@lw.org,include,,`]),
    )
    expect(result.out).toEqual([
      'one.csv: 1 rows read, 1 votes stored; afterwards 0 records decided and 0 in conflict.',
    ])
  })

  it('fails the whole file on an unknown record on line 7 and stores nothing from lines 2 to 6', async () => {
    const team = await reviewWithTeam()
    const [r1, r2, r3, r4] = team.recordIds
    const path = csv(team, 'bad-record.csv', [
      `${r1},title_abstract,alice@lw.org,include,,`,
      `${r1},title_abstract,bob@lw.org,include,,`,
      `${r2},title_abstract,alice@lw.org,exclude,,`,
      `${r3},title_abstract,alice@lw.org,include,,`,
      `${r4},title_abstract,bob@lw.org,exclude,,`,
      `99999,title_abstract,bob@lw.org,include,,`,
    ])
    const result = await importCsv(team, path)
    expect(result.code).toBe(1)
    expect(result.err).toEqual([
      'weft: bad-record.csv: Line 7, column “record”: record 99999 is not in this review. Nothing was imported.',
    ])
    expectNothingStored(team)
  })

  it.each([
    [
      'reviewer',
      (r: number) => `${r},title_abstract,carol@lw.org,include,,`,
      'Line 3, column “reviewer”: no member of this review has the email carol@lw.org',
    ],
    [
      'reviewer who is a viewer',
      (r: number) => `${r},title_abstract,vic@lw.org,include,,`,
      'Line 3, column “reviewer”: vic@lw.org is a viewer of this review',
    ],
    ['stage', (r: number) => `${r},abstract,bob@lw.org,include,,`, 'Line 3, column “stage”: “abstract” is not a stage'],
    [
      'stage for the record',
      (r: number) => `${r},full_text,bob@lw.org,include,,`,
      'Line 3: record 1 was not included at title/abstract (nor found by other methods), so no report of it was sought',
    ],
    [
      'reason',
      (r: number) => `${r},full_text,bob@lw.org,exclude,Too short,`,
      'Line 3, column “reason”: “Too short” is not one of this review’s exclusion reasons',
    ],
  ])('fails the whole file on an unknown %s, naming its line', async (_what, badRow, message) => {
    const team = await reviewWithTeam()
    const r1 = team.recordIds[0]!
    if (_what === 'reason') retrieved(team, r1)
    const result = await importCsv(
      team,
      csv(team, 'bad.csv', [`${r1},title_abstract,alice@lw.org,include,,`, badRow(r1)]),
    )
    expect(result.code).toBe(1)
    expect(result.err).toHaveLength(1)
    expect(result.err[0]).toContain(message)
    expect(read(team.db, (db) => db.select().from(screeningDecisions).all())).toEqual([])
  })

  it('reports every problem together: the first on stderr with how many more, all of them with --json', async () => {
    const team = await reviewWithTeam()
    const path = csv(team, 'many.csv', [
      `99998,title_abstract,alice@lw.org,include,,`,
      `${team.recordIds[0]},title_abstract,nobody@lw.org,include,,`,
      `10.9999/none,title_abstract,alice@lw.org,include,,`,
    ])
    const result = await importCsv(team, path, '--json')
    expect(result.code).toBe(1)
    expect(result.err).toEqual([
      'weft: many.csv: Line 2, column “record”: record 99998 is not in this review. And 2 more problems; nothing was imported.',
    ])
    const { errors } = JSON.parse(result.out[0]!)
    expect(errors.map((e: { line: number; column: string }) => [e.line, e.column])).toEqual([
      [2, 'record'],
      [3, 'reviewer'],
      [4, 'record'],
    ])
    expectNothingStored(team)
  })

  it('lets a later row change an earlier vote of the same reviewer, keeping both in the history', async () => {
    const team = await reviewWithTeam()
    const r1 = team.recordIds[0]!
    const path = csv(team, 'changed.csv', [
      `${r1},title_abstract,alice@lw.org,exclude,,first look`,
      `${r1},title_abstract,alice@lw.org,include,,on second thoughts`,
    ])
    const result = await importCsv(team, path, '--json')
    expect(JSON.parse(result.out[0]!)).toMatchObject({ rowsRead: 2, votesStored: 2 })
    const { decisions, votes } = screeningRows(team.db)
    expect(decisions.map((d) => d.verdict)).toEqual(['exclude', 'include'])
    expect(votes).toMatchObject([
      { recordId: r1, verdict: 'include', note: 'on second thoughts', decisionId: decisions[1]!.id },
    ])
  })

  it('reads a DOI that names a duplicate as its primary record, and refuses a DOI shared by two primaries', async () => {
    const team = await reviewWithTeam()
    const [r1, r2, r3, r4] = team.recordIds as [number, number, number, number]
    read(team.db, (db) => {
      // r4 is a duplicate of r3 carrying a DOI r3 lacks; r2 and r1 are distinct records sharing a DOI.
      db.update(records).set({ duplicateOf: r3, doi: '10.5555/dup' }).where(eq(records.id, r4)).run()
      db.update(records).set({ doi: '10.1136/bmjopen-2016-015203' }).where(eq(records.id, r2)).run()
    })
    const good = await importCsv(team, csv(team, 'dup.csv', ['10.5555/dup,title_abstract,alice@lw.org,include,,']))
    expect(good.code).toBe(0)
    expect(screeningRows(team.db).votes).toMatchObject([{ recordId: r3, verdict: 'include' }])
    const ambiguous = await importCsv(
      team,
      csv(team, 'ambiguous.csv', ['10.1136/bmjopen-2016-015203,title_abstract,bob@lw.org,include,,']),
    )
    expect(ambiguous.code).toBe(1)
    expect(ambiguous.err[0]).toContain(
      `Line 2, column “record”: the DOI 10.1136/bmjopen-2016-015203 matches records ${r1} and ${r2}`,
    )
  })

  it('marks a report sought not retrieved with the note, and refuses one that was never sought', async () => {
    const team = await reviewWithTeam()
    const [r1, r2] = team.recordIds
    const path = csv(team, 'retrieval.csv', [
      `${r1},title_abstract,alice@lw.org,include,,`,
      `${r1},title_abstract,bob@lw.org,include,,`,
      `${r1},full_text,alice@lw.org,not_retrieved,,Author contacted twice; no reply`,
    ])
    const result = await importCsv(team, path, '--json')
    expect(result.err).toEqual([])
    expect(JSON.parse(result.out[0]!)).toMatchObject({
      rowsRead: 3,
      votesStored: 2,
      reportsNotRetrieved: 1,
      recordsDecided: 1,
    })
    expect(screeningRows(team.db).reports).toMatchObject([
      { recordId: r1, retrieval: 'not_retrieved', retrievalNote: 'Author contacted twice; no reply' },
    ])

    const refused = await importCsv(team, csv(team, 'unsought.csv', [`${r2},full_text,alice@lw.org,not_retrieved,,`]))
    expect(refused.code).toBe(1)
    expect(refused.err[0]).toContain(`Line 2: record ${r2} was not included at title/abstract`)
  })

  it('stores a full-text exclusion with the review’s reason, matched whatever its case', async () => {
    const team = await reviewWithTeam(SEARCH_RIS, '1')
    const r1 = team.recordIds[0]!
    retrieved(team, r1)
    const result = await importCsv(
      team,
      csv(team, 'ft.csv', [`${r1},full_text,alice@lw.org,exclude,wrong POPULATION,`]),
      '--json',
    )
    expect(JSON.parse(result.out[0]!)).toMatchObject({ votesStored: 1, recordsDecided: 1 })
    const reason = read(team.db, (db) =>
      db.select().from(exclusionReasons).where(eq(exclusionReasons.label, 'Wrong population')).get(),
    )
    expect(screeningRows(team.db).votes).toMatchObject([
      { stage: 'full_text', verdict: 'exclude', reasonId: reason!.id },
    ])
  })

  it('refuses a vote the screening rules refuse, such as a third vote on a record that has the two it needs', async () => {
    const team = await reviewWithTeam()
    const r1 = team.recordIds[0]!
    const path = csv(team, 'third.csv', [
      `${r1},title_abstract,alice@lw.org,include,,`,
      `${r1},title_abstract,bob@lw.org,include,,`,
      `${r1},title_abstract,owner@lw.org,exclude,,`,
    ])
    const result = await importCsv(team, path)
    expect(result.err).toEqual([
      'weft: third.csv: Line 4: This record already has the votes it needs. Nothing was imported.',
    ])
    expectNothingStored(team)
  })

  it('reads Rayyan’s decisions from the notes of records imported from a Rayyan RIS export', async () => {
    const rayyan = [
      [
        'TY  - JOUR',
        'AN  - rayyan-101',
        'TI  - Link workers in general practice',
        'PY  - 2017',
        'N1  - RAYYAN-INCLUSION: {"Alice"=>"Included", "Bob"=>"Included"}',
        'ER  -',
      ],
      [
        'TY  - JOUR',
        'AN  - rayyan-102',
        'TI  - Exercise referral schemes',
        'PY  - 2015',
        'N1  - RAYYAN-INCLUSION: {"Alice"=>"Excluded", "Bob"=>"Maybe"} | RAYYAN-EXCLUSION-REASONS: wrong population | USER-NOTES: {"Alice"=>["no link workers"]}',
        'ER  -',
      ],
      ['TY  - JOUR', 'AN  - rayyan-103', 'TI  - Arts on prescription', 'PY  - 2018', 'ER  -'],
    ]
      .map((lines) => lines.join('\n'))
      .join('\n\n')
    const team = await reviewWithTeam(rayyan)
    const [r1, r2] = team.recordIds
    const rayyanImport = (map: string) =>
      weft(['screen', 'import', '--db', team.db, '--review', 'lw', '--rayyan', '--reviewer-map', map, '--json'])

    const unmapped = await rayyanImport('Alice=alice@lw.org')
    expect(unmapped.code).toBe(1)
    expect(unmapped.err[0]).toContain('These Rayyan reviewers are not mapped to Weft members: “Bob”')
    expectNothingStored(team)

    const result = await rayyanImport('Alice=alice@lw.org, Bob=bob@lw.org')
    expect(result.err).toEqual([])
    expect(JSON.parse(result.out[0]!)).toMatchObject({
      rowsRead: 4,
      votesStored: 4,
      recordsDecided: 1,
      recordsInConflict: 1,
    })
    const alice = read(team.db, (db) => db.select().from(users).where(eq(users.email, 'alice@lw.org')).get()!.id)
    const { votes } = screeningRows(team.db)
    expect(votes.find((v) => v.recordId === r2 && v.reviewerId === alice)).toMatchObject({
      stage: 'title_abstract',
      verdict: 'exclude',
      reasonId: null,
      note: 'Rayyan exclusion reasons: wrong population\nno link workers',
    })
    expect(votes.filter((v) => v.recordId === r1).map((v) => v.verdict)).toEqual(['include', 'include'])
  })

  it('reads Rayyan’s decisions from the notes column of a Rayyan CSV export as from its RIS', async () => {
    const team = await reviewWithTeam(readFileSync(new URL('../fixtures/formats/rayyan.csv', import.meta.url), 'utf8'))
    const [r1, r2, r3] = team.recordIds
    const result = await weft([
      'screen',
      'import',
      '--db',
      team.db,
      '--review',
      'lw',
      '--rayyan',
      '--reviewer-map',
      'Alice=alice@lw.org,Bob=bob@lw.org',
      '--json',
    ])
    expect(result.err).toEqual([])
    expect(JSON.parse(result.out[0]!)).toMatchObject({ votesStored: 4, recordsDecided: 1, recordsInConflict: 1 })
    const alice = read(team.db, (db) => db.select().from(users).where(eq(users.email, 'alice@lw.org')).get()!.id)
    const { votes } = screeningRows(team.db)
    expect(votes.filter((v) => v.recordId === r1).map((v) => v.verdict)).toEqual(['include', 'include'])
    expect(votes.find((v) => v.recordId === r2 && v.reviewerId === alice)).toMatchObject({
      verdict: 'exclude',
      note: 'Rayyan exclusion reasons: wrong population; wrong outcome',
    })
    expect(votes.filter((v) => v.recordId === r3)).toEqual([])
  })

  it('refuses a file argument it cannot use and keeps unknown screen commands unknown', async () => {
    const team = await reviewWithTeam()
    expect((await weft(['screen', 'import', '--db', team.db, '--review', 'lw'])).err).toEqual([
      'weft: name one decisions CSV file to import (or --rayyan)',
    ])
    expect(
      (await weft(['screen', 'import', '--db', team.db, '--review', 'lw', join(team.folder, 'missing.csv')])).err[0],
    ).toContain('cannot read')
    expect((await weft(['screen', 'export', '--db', team.db, '--review', 'lw'])).err).toEqual([
      'weft: unknown command “screen export” (see weft --help)',
    ])
  })
})

/** Retrieval has its own pages; the test marks the report retrieved as they would. */
/** The record's report sought (included at title/abstract) and retrieved. */
function retrieved(team: Team, recordId: number) {
  read(team.db, (db) => {
    const reviewId = db.select().from(reviews).get()!.id
    const updatedAt = new Date()
    db.insert(screeningStatus)
      .values({ recordId, stage: 'title_abstract', reviewId, outcome: 'included', votes: 2, updatedAt })
      .run()
    db.insert(reports).values({ recordId, reviewId, retrieval: 'retrieved', updatedAt }).run()
  })
}
