import { describe, expect, it } from 'vitest'
import {
  maySeeConflicts,
  maySeeVote,
  OPERATOR,
  prismaFactsSeenBy,
  visibleOutcome,
  voteEventAsSeen,
  voteViewer,
} from '../../../src/domain/screening/blinding.ts'
import { emptyPrismaFacts } from '../../../src/domain/prisma/facts.ts'

const BLIND = { blindScreening: true, thirdReviewerId: 9 }
const A = 1
const bea = voteViewer(BLIND, 2, 'reviewer')
const owner = voteViewer(BLIND, 3, 'owner')
const third = voteViewer(BLIND, 9, 'reviewer')
const viewer = voteViewer(BLIND, 4, 'viewer')

describe('may this member see this vote now?', () => {
  it('hides another reviewer’s vote from a reviewer until the record is decided', () => {
    expect(maySeeVote(bea, A, 'pending')).toBe(false)
    expect(maySeeVote(bea, A, 'conflict')).toBe(false)
    expect(maySeeVote(bea, A, 'reopened')).toBe(false)
    expect(maySeeVote(bea, A, 'included')).toBe(true)
    expect(maySeeVote(bea, A, 'excluded')).toBe(true)
  })

  it('always shows a member their own vote', () => {
    expect(maySeeVote(bea, bea.id!, 'pending')).toBe(true)
    expect(maySeeVote(bea, bea.id!, 'conflict')).toBe(true)
  })

  it('shows owners, the third reviewer and viewers the votes of a record waiting for a resolver, not one waiting for votes', () => {
    for (const member of [owner, third, viewer]) {
      expect(maySeeVote(member, A, 'conflict')).toBe(true)
      expect(maySeeVote(member, A, 'reopened')).toBe(true)
      expect(maySeeVote(member, A, 'pending')).toBe(false)
    }
  })

  it('shows every vote when the review is not blind, and to the shell', () => {
    const open = voteViewer({ blindScreening: false, thirdReviewerId: null }, 2, 'reviewer')
    expect(maySeeVote(open, A, 'pending')).toBe(true)
    expect(maySeeVote(OPERATOR, A, 'pending')).toBe(true)
  })
})

describe('what a blind reviewer is told about a record', () => {
  it('reads a conflict as still waiting', () => {
    expect(maySeeConflicts(bea)).toBe(false)
    expect(visibleOutcome(bea, 'conflict')).toBe('pending')
    expect(visibleOutcome(bea, 'reopened')).toBe('pending')
    expect(visibleOutcome(owner, 'conflict')).toBe('conflict')
    expect(visibleOutcome(bea, 'excluded')).toBe('excluded')
  })

  it('keeps only the stage of another reviewer’s hidden vote in the activity', () => {
    const event = {
      actorId: A,
      before: null,
      after: { stage: 'title_abstract', verdict: 'exclude', outcome: 'pending' },
    }
    expect(voteEventAsSeen(event, bea, 'pending').after).toEqual({
      stage: 'title_abstract',
      vote: 'hidden until the record is decided (blind screening)',
    })
    expect(voteEventAsSeen(event, bea, 'excluded')).toBe(event)
  })

  it('shows a reviewer their own vote but not the conflict it made', () => {
    const mine = {
      actorId: bea.id,
      before: null,
      after: { stage: 'title_abstract', verdict: 'include', outcome: 'conflict' },
    }
    expect(voteEventAsSeen(mine, bea, 'conflict').after).toEqual({
      stage: 'title_abstract',
      verdict: 'include',
      outcome: 'pending',
    })
  })

  it('counts conflicts among the records still waiting in the PRISMA facts', () => {
    const facts = emptyPrismaFacts('new_databases_registers')
    const withConflicts = {
      ...facts,
      titleAbstract: { ...facts.titleAbstract, inConflict: 2, awaitingSecondReviewer: 1 },
      databaseReports: { ...facts.databaseReports, inConflict: 1, awaitingDecision: 3 },
    }
    const seen = prismaFactsSeenBy(withConflicts, bea)
    expect(seen.titleAbstract).toMatchObject({ inConflict: 0, awaitingSecondReviewer: 3 })
    expect(seen.databaseReports).toMatchObject({ inConflict: 0, awaitingDecision: 4 })
    expect(prismaFactsSeenBy(withConflicts, owner)).toBe(withConflicts)
  })
})
