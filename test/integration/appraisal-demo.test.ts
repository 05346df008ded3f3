import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import {
  appraisals,
  constructQuotes,
  extractedValues,
  firstOrderConstructs,
  secondOrderConstructs,
} from '../../db/schema.ts'
import { seedAppraisalDemo } from '../../src/demo/appraisal-demo.ts'
import { appraisalTeam } from '../support/included-studies.ts'

describe('the demo appraisal and extraction', () => {
  it('gives the included studies appraisals with a consensus and a disagreement, characteristics and linked constructs', async () => {
    const team = await appraisalTeam([{ label: 'Demo A 2021' }, { label: 'Demo B 2019' }])
    team.weft.db.transaction((tx) =>
      seedAppraisalDemo(tx, {
        reviewId: team.reviewId,
        ownerId: team.ids.owner,
        reviewerId: team.ids.first,
        studyIds: team.studyIds,
      }),
    )

    expect(team.weft.db.select().from(appraisals).where(eq(appraisals.kind, 'consensus')).all()).toHaveLength(1)
    const overview = await (await team.viewer.get(`/reviews/${team.slug}/appraisal`)).text()
    expect(overview).toContain('Consensus recorded')
    expect(overview).toContain('Both finished, differ on 2: consensus to record')
    expect(team.weft.db.select().from(extractedValues).all().length).toBeGreaterThan(20)
    expect(team.weft.db.select().from(firstOrderConstructs).all()).toHaveLength(5)
    expect(team.weft.db.select().from(secondOrderConstructs).all()).toHaveLength(4)
    expect(team.weft.db.select().from(constructQuotes).all()).toHaveLength(5)
    const table = await (await team.viewer.get(`/reviews/${team.slug}/characteristics`)).text()
    expect(table).toContain('Community links practitioner')
    expect(table).toContain('Observation; Semi-structured interviews; Shadowing')
  })
})
