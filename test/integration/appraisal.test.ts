import { and, eq, isNull } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { appraisalExclusions, appraisals, auditEvents } from '../../db/schema.ts'
import { CASP_QUALITATIVE } from '../../src/domain/appraisal/tools.ts'
import { addIncludedStudies, appraisalTeam, type AppraisalTeam } from '../support/included-studies.ts'
import { addAccount, Agent } from '../support/app.ts'

/** A complete CASP sheet: every answer `answer`, except `overrides`. */
function caspSheet(
  answer: string,
  overrides: Record<string, string> = {},
  extra: Record<string, string> = {},
): Record<string, string> {
  const fields: Record<string, string> = { action: 'finish', ...extra }
  for (const item of CASP_QUALITATIVE.items) fields[`answer-${item.code}`] = overrides[item.code] ?? answer
  return fields
}

function studyUrl(team: AppraisalTeam, index = 0) {
  return `/reviews/${team.slug}/appraisal/${team.studyIds[index]}`
}

async function appraise(agent: Agent, url: string, fields: Record<string, string>) {
  const response = await agent.post(url, fields)
  if (response.status !== 303)
    throw new Error(`appraising failed with ${response.status}: ${(await response.text()).slice(0, 2000)}`)
}

/** Another reviewer of the review, neither appraiser of the study nor owner. */
async function thirdReviewer(team: AppraisalTeam): Promise<Agent> {
  await addAccount(team.weft.db, 'third@example.org')
  await team.owner.post(`/reviews/${team.slug}/members`, { email: 'third@example.org', role: 'reviewer' })
  const third = new Agent(team.weft)
  await third.signIn('third@example.org')
  return third
}

function actions(team: AppraisalTeam): string[] {
  return team.weft.db
    .select()
    .from(auditEvents)
    .where(eq(auditEvents.reviewId, team.reviewId))
    .all()
    .map((event) => event.action)
}

describe('the appraisal overview', () => {
  it('lists the studies included at full text, and not a study excluded there', async () => {
    const team = await appraisalTeam()
    addIncludedStudies(team.weft.db, team.reviewId, [{ label: 'Excluded 2020', excluded: true }])
    const html = await (await team.viewer.get(`/reviews/${team.slug}/appraisal`)).text()
    expect(html).toContain('Moffatt 2017')
    expect(html).toContain('Wildman 2019')
    expect(html).not.toContain('Excluded 2020')
  })

  it('answers 404 for a study of another review or one not included', async () => {
    const team = await appraisalTeam()
    const other = await appraisalTeam([{ label: 'Other 2018' }], team.weft, 'other-review')
    const [notIncluded] = addIncludedStudies(team.weft.db, team.reviewId, [{ label: 'Excluded 2020', excluded: true }])
    expect((await team.owner.get(`/reviews/${team.slug}/appraisal/${other.studyIds[0]}`)).status).toBe(404)
    expect((await team.owner.get(`/reviews/${team.slug}/appraisal/${notIncluded}`)).status).toBe(404)
    expect(
      (await team.first.post(`/reviews/${team.slug}/appraisal/${other.studyIds[0]}`, caspSheet('yes'))).status,
    ).toBe(404)
    expect(team.weft.db.select().from(appraisals).all()).toEqual([])
  })
})

describe('independent appraisal', () => {
  it('keeps a draft hidden from the other appraiser and from owners until both have finished', async () => {
    const team = await appraisalTeam()
    const url = studyUrl(team)
    await appraise(team.first, url, { ...caspSheet('yes'), action: 'save', 'comment-q6': 'SECRET-REFLEXIVITY-NOTE' })
    expect(await (await team.first.get(url)).text()).toContain('SECRET-REFLEXIVITY-NOTE')
    for (const agent of [team.second, team.owner, team.viewer]) {
      const html = await (await agent.get(url)).text()
      expect(html).not.toContain('SECRET-REFLEXIVITY-NOTE')
      expect(html).toContain('in progress')
    }
    await appraise(team.first, url, { ...caspSheet('yes'), 'comment-q6': 'SECRET-REFLEXIVITY-NOTE' })
    expect(await (await team.second.get(url)).text()).not.toContain('SECRET-REFLEXIVITY-NOTE')
    await appraise(team.second, url, caspSheet('yes', { q6: 'no' }))
    const compared = await (await team.viewer.get(url)).text()
    expect(compared).toContain('SECRET-REFLEXIVITY-NOTE')
    expect(compared).toContain('The appraisers differ on 1 of 10 questions')
    expect(compared).toMatch(/<tr class="differs" data-item="q6">/)
    expect(actions(team)).toEqual(expect.arrayContaining(['appraisal.started', 'appraisal.finished']))
  })

  it('refuses to finish while questions are open, says which, and keeps the sheet a draft', async () => {
    const team = await appraisalTeam()
    const url = studyUrl(team)
    const response = await team.first.post(url, caspSheet('yes', { q4: '', q9: '' }))
    expect(response.status).toBe(422)
    expect(await response.text()).toContain('answer every question first (still open: questions 4, 9)')
    expect(team.weft.db.select().from(appraisals).all()).toEqual([])
  })

  it('finishes a CASP sheet whose screening question is No without the other questions', async () => {
    const team = await appraisalTeam()
    await appraise(team.first, studyUrl(team), { action: 'finish', 'answer-q1': 'yes', 'answer-q2': 'no' })
    const [sheet] = team.weft.db.select().from(appraisals).all()
    expect(sheet?.finishedAt).not.toBeNull()
  })

  it.each([
    ['an answer the tool does not offer', { 'answer-q3': 'unclear' }, 'Question 3: answer Yes, Can’t tell, No.'],
    [
      'an over-long comment',
      { 'comment-q2': 'x'.repeat(4001) },
      'The comment on question 2 must be at most 4,000 characters.',
    ],
    [
      'a judgement the team did not define',
      { overallJudgement: 'Excellent' },
      'Choose an overall judgement from the list (High, Moderate, Low)',
    ],
  ])('refuses %s and stores nothing', async (_case, fields, message) => {
    const team = await appraisalTeam()
    const response = await team.first.post(studyUrl(team), { ...caspSheet('yes'), ...fields })
    expect(response.status).toBe(422)
    expect(await response.text()).toContain(message)
    expect(team.weft.db.select().from(appraisals).all()).toEqual([])
  })

  it('takes two appraisers per study and tells a third who they are', async () => {
    const team = await appraisalTeam()
    await appraise(team.first, studyUrl(team), { ...caspSheet('yes'), action: 'save' })
    await appraise(team.second, studyUrl(team), { ...caspSheet('yes'), action: 'save' })
    const response = await team.owner.post(studyUrl(team), caspSheet('yes'))
    expect(response.status).toBe(409)
    expect(await response.text()).toContain('This study already has its two appraisers (first and second).')
    expect(team.weft.db.select().from(appraisals).all()).toHaveLength(2)
  })

  it('refuses a change to a finished sheet, and lets it be reopened only before the other finishes', async () => {
    const team = await appraisalTeam()
    const url = studyUrl(team)
    await appraise(team.first, url, caspSheet('yes'))
    expect((await team.first.post(url, caspSheet('no'))).status).toBe(409)
    expect((await team.first.post(`${url}/reopen`)).status).toBe(303)
    await appraise(team.first, url, caspSheet('cant_tell'))
    await appraise(team.second, url, caspSheet('yes'))
    const refused = await team.first.post(`${url}/reopen`)
    expect(refused.status).toBe(409)
    expect(await refused.text()).toContain('only before the other appraiser has finished')
    expect(actions(team).filter((action) => action === 'appraisal.reopened')).toHaveLength(1)
  })
})

describe('consensus', () => {
  async function bothFinished() {
    const team = await appraisalTeam()
    await appraise(team.first, studyUrl(team), caspSheet('yes', { q6: 'cant_tell' }))
    await appraise(team.second, studyUrl(team), caspSheet('yes', { q6: 'no', q8: 'no' }))
    return team
  }

  it('is refused before both appraisers have finished', async () => {
    const team = await appraisalTeam()
    await appraise(team.first, studyUrl(team), caspSheet('yes'))
    const response = await team.owner.post(`${studyUrl(team)}/consensus`, caspSheet('yes'))
    expect(response.status).toBe(409)
    expect(team.weft.db.select().from(appraisals).where(eq(appraisals.kind, 'consensus')).all()).toEqual([])
  })

  it('starts from the agreed answers with the differing items highlighted and blank', async () => {
    const team = await bothFinished()
    const html = await (await team.first.get(studyUrl(team))).text()
    expect(html).toMatch(/<fieldset class="appraisal-item differs" id="consensus-field-answer-q6">/)
    expect(html).toMatch(/<fieldset class="appraisal-item differs" id="consensus-field-answer-q8">/)
    expect(html).toMatch(/<fieldset class="appraisal-item" id="consensus-field-answer-q1">/)
    expect(html).toContain('You: Can’t tell · second: No')
  })

  it('is recorded by an appraiser or an owner, not by another reviewer, and can be revised', async () => {
    const team = await bothFinished()
    const url = `${studyUrl(team)}/consensus`
    const third = await thirdReviewer(team)
    const outsider = await third.post(url, caspSheet('yes', { q6: 'cant_tell', q8: 'no' }))
    expect(outsider.status).toBe(409)
    expect((await team.viewer.post(url, caspSheet('yes'))).status).toBe(403)
    expect(
      (await team.second.post(url, caspSheet('yes', { q6: 'cant_tell', q8: 'no' }, { overallJudgement: 'Moderate' })))
        .status,
    ).toBe(303)
    expect((await team.owner.post(url, caspSheet('yes', { q6: 'cant_tell', q8: 'cant_tell' }))).status).toBe(303)
    const consensus = team.weft.db.select().from(appraisals).where(eq(appraisals.kind, 'consensus')).all()
    expect(consensus).toHaveLength(1)
    expect(actions(team)).toEqual(
      expect.arrayContaining(['appraisal.consensus_recorded', 'appraisal.consensus_revised']),
    )
    const overview = await (await team.viewer.get(`/reviews/${team.slug}/appraisal`)).text()
    expect(overview).toContain('Consensus recorded')
  })

  it('refuses a consensus with an item still open', async () => {
    const team = await bothFinished()
    const response = await team.first.post(`${studyUrl(team)}/consensus`, caspSheet('yes', { q6: '' }))
    expect(response.status).toBe(422)
    expect(await response.text()).toContain('Consensus not saved: answer every question first (still open: question 6)')
    expect(team.weft.db.select().from(appraisals).where(isNull(appraisals.appraiserId)).all()).toEqual([])
  })
})

describe('the summary and its exports', () => {
  async function withConsensus() {
    const team = await appraisalTeam()
    const url = studyUrl(team)
    await appraise(team.first, url, caspSheet('yes', { q6: 'cant_tell' }))
    await appraise(team.second, url, caspSheet('yes', { q6: 'no' }))
    await team.owner.post(
      `${url}/consensus`,
      caspSheet(
        'yes',
        { q6: 'cant_tell', q10: 'no' },
        { overallJudgement: 'High', overallRationale: 'Rich, well-analysed data.' },
      ),
    )
    return team
  }

  it('exports the matrix as CSV with a byte-order mark, marks per item and counts', async () => {
    const team = await withConsensus()
    const response = await team.viewer.get(`/reviews/${team.slug}/appraisal/matrix.csv`)
    expect(response.headers.get('content-type')).toContain('text/csv')
    expect(response.headers.get('content-disposition')).toContain('link-workers-appraisal-casp_qualitative.csv')
    const bytes = new Uint8Array(await response.arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const lines = new TextDecoder()
      .decode(bytes)
      .replace(/^\uFEFF/, '')
      .split('\r\n')
    expect(lines[0]).toBe('Study,Q1,Q2,Q3,Q4,Q5,Q6,Q7,Q8,Q9,Q10,Overall judgement,Rationale,Status')
    expect(lines[1]).toBe('Moffatt 2017,Y,Y,Y,Y,Y,?,Y,Y,Y,N,High,"Rich, well-analysed data.",Consensus')
    expect(lines[2]).toBe('Wildman 2019,,,,,,,,,,,,,No consensus yet')
    expect(lines[3]).toBe('Count Y,1,1,1,1,1,0,1,1,1,0')
    expect(lines[4]).toBe('Count ?,0,0,0,0,0,1,0,0,0,0')
  })

  it('exports the matrix as a standalone HTML table', async () => {
    const team = await withConsensus()
    const response = await team.viewer.get(`/reviews/${team.slug}/appraisal/matrix.html`)
    expect(response.headers.get('content-disposition')).toContain('.html')
    const html = await response.text()
    expect(html).toContain('<table class="appraisal-matrix">')
    expect(html).toContain('Y 1 · ? 0 · N 0')
    expect(html).not.toContain('site-header')
  })
})

describe('appraisal settings', () => {
  it('lets an owner switch to JBI before any sheet exists, then refuses to switch back', async () => {
    const team = await appraisalTeam()
    const settings = `/reviews/${team.slug}/appraisal/settings`
    expect(
      (await team.owner.post(settings, { tool: 'jbi_qualitative', judgementLevels: 'Include\nExclude' })).status,
    ).toBe(303)
    const page = await (await team.first.get(studyUrl(team))).text()
    expect(page).toContain('JBI Critical Appraisal Checklist for Qualitative Research')
    expect(page).toContain('Not applicable')
    await appraise(team.first, studyUrl(team), { action: 'save', 'answer-q1': 'unclear' })
    const refused = await team.owner.post(settings, { tool: 'casp_qualitative', judgementLevels: '' })
    expect(refused.status).toBe(422)
    expect(await refused.text()).toContain(
      '1 appraisal sheet uses the JBI Critical Appraisal Checklist for Qualitative Research',
    )
    expect((await team.first.post(settings, { tool: 'casp_qualitative' })).status).toBe(403)
  })

  it('refuses an unknown tool', async () => {
    const team = await appraisalTeam()
    const response = await team.owner.post(`/reviews/${team.slug}/appraisal/settings`, {
      tool: 'wallace',
      judgementLevels: '',
    })
    expect(response.status).toBe(422)
    expect(await response.text()).toContain('Choose the appraisal tool.')
  })
})

describe('excluding a study after appraisal', () => {
  it('needs a reason, is an owner’s audited decision, and can be taken back', async () => {
    const team = await appraisalTeam()
    const url = `${studyUrl(team)}/exclude`
    const noReason = await team.owner.post(url, { reason: '  ' })
    expect(noReason.status).toBe(422)
    expect(await noReason.text()).toContain('Say why the study is excluded after appraisal')
    expect((await team.first.post(url, { reason: 'Thin data' })).status).toBe(403)
    expect(team.weft.db.select().from(appraisalExclusions).all()).toEqual([])

    expect(
      (await team.owner.post(url, { reason: 'Link workers’ accounts cannot be separated from managers’.' })).status,
    ).toBe(303)
    const event = team.weft.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.reviewId, team.reviewId), eq(auditEvents.action, 'study.excluded_after_appraisal')))
      .get()
    expect(event?.after).toEqual({
      label: 'Moffatt 2017',
      reason: 'Link workers’ accounts cannot be separated from managers’.',
    })
    const table = await (await team.viewer.get(`/reviews/${team.slug}/characteristics`)).text()
    expect(table).toContain('Excluded after appraisal')
    expect((await team.owner.post(`${studyUrl(team)}/reinstate`)).status).toBe(303)
    expect(team.weft.db.select().from(appraisalExclusions).all()).toEqual([])
    expect(actions(team)).toContain('study.reinstated_after_appraisal')
  })
})
