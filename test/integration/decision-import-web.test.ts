import { asc, eq, like } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { records, reports, screeningDecisions, screeningStatus, screeningVotes } from '../../db/schema.ts'
import { testWeft, type TestWeft } from '../support/app.ts'
import { screeningTeam, type ScreeningTeam } from '../support/screening.ts'

const HEADER = 'record,stage,reviewer,verdict,reason,note'

function decisionsCsv(lines: string[]): string {
  return [HEADER, ...lines].join('\r\n') + '\r\n'
}

function upload(team: ScreeningTeam, text: string, name = 'decisions.csv') {
  return team.owner.postMultipart(`/reviews/${team.slug}/screening/import`, {}, [['files', name, text]])
}

function stored(weft: TestWeft) {
  return {
    decisions: weft.db.select().from(screeningDecisions).orderBy(asc(screeningDecisions.id)).all(),
    votes: weft.db.select().from(screeningVotes).all(),
    status: weft.db.select().from(screeningStatus).all(),
    reports: weft.db.select().from(reports).all(),
  }
}

async function flashAfter(team: ScreeningTeam, response: Response): Promise<string> {
  expect(response.status).toBe(303)
  expect(response.headers.get('location')).toBe(`/reviews/${team.slug}/screening/import`)
  return (await team.owner.get(response.headers.get('location')!)).text()
}

describe('importing screening decisions in the browser', () => {
  it('shows the import page to owners only, not taken for a screening stage', async () => {
    const weft = testWeft()
    const team = await screeningTeam(weft)
    const page = await team.owner.get(`/reviews/${team.slug}/screening/import`)
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain('<h1>Import screening decisions</h1>')
    expect(html).toContain('enctype="multipart/form-data"')
    expect(html).toContain('No record of this review carries Rayyan decisions')
    expect((await team.reviewerA.get(`/reviews/${team.slug}/screening/import`)).status).toBe(403)
    expect(
      (
        await team.reviewerA.postMultipart(`/reviews/${team.slug}/screening/import`, {}, [
          ['files', 'd.csv', decisionsCsv([])],
        ])
      ).status,
    ).toBe(403)
  })

  it('stores a good file as votes and says what it did, including the conflict it made', async () => {
    const weft = testWeft()
    const team = await screeningTeam(weft)
    const [r1, r2] = team.recordIds
    const response = await upload(
      team,
      decisionsCsv([
        `${r1},title_abstract,reviewera@screening-review.org,include,,`,
        `${r1},title_abstract,reviewerb@screening-review.org,include,,`,
        `${r2},title_abstract,reviewera@screening-review.org,include,,"methods unclear, check"`,
        `${r2},title_abstract,reviewerb@screening-review.org,exclude,,`,
      ]),
    )
    const page = await flashAfter(team, response)
    expect(page).toContain(
      'decisions.csv imported: 4 rows read, 4 votes stored; afterwards 1 records decided and 1 in conflict.',
    )
    const { decisions, status } = stored(weft)
    expect(decisions.map((d) => [d.recordId, d.reviewerId, d.verdict, d.via])).toEqual([
      [r1, team.userIds.reviewerA, 'include', 'import'],
      [r1, team.userIds.reviewerB, 'include', 'import'],
      [r2, team.userIds.reviewerA, 'include', 'import'],
      [r2, team.userIds.reviewerB, 'exclude', 'import'],
    ])
    expect(decisions.every((d) => d.at.getTime() === weft.clock.now.getTime())).toBe(true)
    expect(decisions[2]!.note).toBe('methods unclear, check')
    expect(Object.fromEntries(status.map((s) => [s.recordId, s.outcome]))).toEqual({
      [r1!]: 'included',
      [r2!]: 'conflict',
    })
  })

  it('shows every problem of a bad file with its line and stores nothing', async () => {
    const weft = testWeft()
    const team = await screeningTeam(weft)
    const [r1, r2, r3] = team.recordIds
    const response = await upload(
      team,
      decisionsCsv([
        `${r1},title_abstract,reviewera@screening-review.org,include,,`,
        `${r2},title_abstract,stranger@example.org,include,,`,
        `${r2},title_abstract,reviewerb@screening-review.org,include,,`,
        `${r3},full_text,reviewerb@screening-review.org,exclude,Not about cats,`,
        `${r3},title_abstract,reviewerb@screening-review.org,include,,`,
      ]),
      'from-covidence.csv',
    )
    expect(response.status).toBe(422)
    const html = await response.text()
    expect(html).toContain('from-covidence.csv: 2 problems, so nothing was imported')
    expect(html).toContain(
      '<li data-line="3">Line 3, column “reviewer”: no member of this review has the email stranger@example.org.</li>',
    )
    expect(html).toContain(
      `<li data-line="5">Line 5, column “reason”: “Not about cats” is not one of this review’s exclusion reasons`,
    )
    expect(stored(weft)).toEqual({ decisions: [], votes: [], status: [], reports: [] })
  })

  it('marks a report not retrieved from a not_retrieved row', async () => {
    const weft = testWeft()
    const team = await screeningTeam(weft, { reviewersPerRecord: 1 })
    const r1 = team.recordIds[0]!
    const response = await upload(
      team,
      decisionsCsv([
        `${r1},title_abstract,reviewera@screening-review.org,include,,`,
        `${r1},full_text,owner@screening-review.org,not_retrieved,,Thesis embargoed until 2027`,
      ]),
    )
    expect(await flashAfter(team, response)).toContain('2 rows read, 1 votes stored, 1 reports marked not retrieved')
    expect(stored(weft).reports).toMatchObject([
      {
        recordId: r1,
        retrieval: 'not_retrieved',
        retrievalNote: 'Thesis embargoed until 2027',
        updatedBy: team.userIds.owner,
      },
    ])
  })

  it('marks a report retrieved, without a file, when the file carries full-text votes on it', async () => {
    const weft = testWeft()
    const team = await screeningTeam(weft, { reviewersPerRecord: 1 })
    const r1 = team.recordIds[0]!
    const response = await upload(
      team,
      decisionsCsv([
        `${r1},full_text,reviewera@screening-review.org,include,,`,
        `${r1},title_abstract,reviewera@screening-review.org,include,,`,
      ]),
    )
    expect(await flashAfter(team, response)).toContain('2 votes stored, 1 reports marked retrieved (no file attached)')
    expect(stored(weft).reports).toMatchObject([{ recordId: r1, retrieval: 'retrieved', fileSha256: null }])
    expect(stored(weft).status.find((row) => row.stage === 'full_text')).toMatchObject({ outcome: 'included' })
  })

  it('asks for a file when none was chosen', async () => {
    const weft = testWeft()
    const team = await screeningTeam(weft)
    const response = await team.owner.postMultipart(`/reviews/${team.slug}/screening/import`, {}, [])
    expect(response.status).toBe(422)
    expect(await response.text()).toContain('Choose the decisions file to import.')
  })

  it('maps Rayyan’s reviewer names to members and stores their decisions as title/abstract votes', async () => {
    const weft = testWeft()
    const team = await screeningTeam(weft, { records: 2 })
    const rayyanRis = [
      [
        'TY  - JOUR',
        'AN  - rayyan-5501',
        'TI  - Befriending schemes for older carers',
        'AU  - Noble, K.',
        'PY  - 2016',
        'N1  - RAYYAN-INCLUSION: {"Alex"=>"Included", "Bea"=>"Included"} | RAYYAN-LABELS: carers',
        'ER  -',
      ],
      [
        'TY  - JOUR',
        'AN  - rayyan-5502',
        'TI  - Green prescriptions in New Zealand',
        'AU  - Patel, A.',
        'PY  - 2012',
        'N1  - RAYYAN-INCLUSION: {"Alex"=>"Excluded", "Bea"=>"Excluded"} | RAYYAN-EXCLUSION-REASONS: wrong intervention,wrong outcome',
        'ER  -',
      ],
    ]
      .map((lines) => lines.join('\r\n'))
      .join('\r\n\r\n')
    const imported = await team.owner.postMultipart(
      `/reviews/${team.slug}/imports`,
      { sourceName: 'Rayyan export', sourceKind: 'database' },
      [['files', 'rayyan.ris', rayyanRis]],
    )
    expect(imported.status).toBe(303)

    const page = await (await team.owner.get(`/reviews/${team.slug}/screening/import`)).text()
    expect(page).toContain('Rayyan’s “Alex” (2 decisions) is')
    // "Alex Reviewer" and "Bea Reviewer" are members, so their first names start out chosen.
    expect(page).toMatch(/<option value="reviewera@screening-review.org" selected="">/)

    const bea = await team.owner.post(`/reviews/${team.slug}/screening/import/rayyan`, {
      'name-0': 'Alex',
      'email-0': 'reviewera@screening-review.org',
    })
    expect(bea.status).toBe(422)
    expect(await bea.text()).toContain('These Rayyan reviewers are not mapped to Weft members: “Bea”')
    const unchosen = await team.owner.post(`/reviews/${team.slug}/screening/import/rayyan`, {
      'name-0': 'Alex',
      'email-0': 'reviewera@screening-review.org',
      'name-1': 'Bea',
      'email-1': '',
    })
    expect(await unchosen.text()).toContain('Choose the member who is “Bea” in Rayyan.')
    expect(stored(weft).decisions).toEqual([])

    const response = await team.owner.post(`/reviews/${team.slug}/screening/import/rayyan`, {
      'name-0': 'Alex',
      'email-0': 'reviewera@screening-review.org',
      'name-1': 'Bea',
      'email-1': 'reviewerb@screening-review.org',
    })
    expect(await flashAfter(team, response)).toContain(
      'Rayyan decisions imported: 4 rows read, 4 votes stored; afterwards 2 records decided and 0 in conflict.',
    )
    const green = weft.db.select().from(records).where(like(records.title, 'Green prescriptions%')).get()!
    const votes = weft.db.select().from(screeningVotes).where(eq(screeningVotes.recordId, green.id)).all()
    expect(votes).toMatchObject([
      {
        stage: 'title_abstract',
        verdict: 'exclude',
        note: 'Rayyan exclusion reasons: wrong intervention; wrong outcome',
      },
      {
        stage: 'title_abstract',
        verdict: 'exclude',
        note: 'Rayyan exclusion reasons: wrong intervention; wrong outcome',
      },
    ])
  })
})
