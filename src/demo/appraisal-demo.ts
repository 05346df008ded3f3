/**
 * Appraisal, characteristics and constructs for the demo review's included studies: two appraisers per
 * study with one consensus and one open disagreement, the demo's characteristics form filled in, and
 * quotes and second-order constructs linked to them. Every quote and interpretation here is written for
 * the demo (illustrative, in the spirit of METHOD.md §8), not taken from a published study.
 *
 * Call it once the demo has included studies, inside the demo's transaction:
 *   seedAppraisalDemo(tx, { reviewId, ownerId, reviewerId, studyIds })
 */
import type { Executor } from '../../db/client.ts'
import type { AppraisalAnswer } from '../domain/appraisal/tools.ts'
import { CASP_QUALITATIVE } from '../domain/appraisal/tools.ts'
import type { AppraisalSheet } from '../domain/appraisal/answers.ts'
import { recordConsensus, saveOwnAppraisal } from '../store/appraisals.ts'
import { addConstruct, addQuote } from '../store/constructs.ts'
import { saveStudyValues } from '../store/extraction.ts'
import { addDefaultFields } from '../store/extraction-fields.ts'
import { DEMO_CHARACTERISTICS_FIELDS } from './link-worker-review.ts'

export interface AppraisalDemoPeople {
  reviewId: number
  /** The review's owner: the first appraiser of every study. */
  ownerId: number
  /** A reviewer: the second appraiser. */
  reviewerId: number
  /** Included studies, in the order the demo content below is given to them. */
  studyIds: readonly number[]
  now?: Date
}

function sheet(
  answers: Partial<Record<string, AppraisalAnswer>>,
  comments: Record<string, string> = {},
  judgement: string | null = null,
  rationale = '',
): AppraisalSheet {
  return {
    answers: Object.fromEntries(
      CASP_QUALITATIVE.items.map((item) => [
        item.code,
        { answer: answers[item.code] ?? 'yes', comment: comments[item.code] ?? '' },
      ]),
    ),
    overallJudgement: judgement,
    overallRationale: rationale,
  }
}

interface DemoStudy {
  /** Owner's and reviewer's sheets; `consensus` when the team has settled them. */
  owner: AppraisalSheet
  reviewer: AppraisalSheet
  consensus?: AppraisalSheet
  characteristics: Record<string, string>
  quotes: { quote: string; page: string; participant: string }[]
  /** Each construct with the indexes (into `quotes`) of the quotes that support it. */
  constructs: { label: string; description: string; page: string; quotes: number[] }[]
}

const DEMO_STUDIES: DemoStudy[] = [
  {
    owner: sheet(
      { q6: 'cant_tell' },
      { q6: 'Researchers mention their NHS roles once, without discussing influence.' },
      'High',
      'Rich accounts, clear analysis.',
    ),
    reviewer: sheet({ q6: 'no' }, { q6: 'No reflexivity section.' }, 'High', 'Well-reported interview study.'),
    consensus: sheet(
      { q6: 'cant_tell' },
      { q6: 'Agreed: researcher roles stated but their influence is not discussed.' },
      'High',
      'Thick description; reflexivity limited.',
    ),
    characteristics: {
      Country: 'England',
      Setting: 'General practice / PCN',
      Aim: 'To explore how link workers employed by primary care networks understand and enact their role.',
      Methodology: 'Qualitative interview study; interpretive description',
      'Data collection': '["Semi-structured interviews"]',
      Participants: 'Link workers employed through the Additional Roles Reimbursement Scheme.',
      'Number of link workers': '18',
      'Sample size': '18',
      'Data collection period': 'October 2020 – March 2021 (during COVID-19)',
      'Analysis approach': 'Reflexive thematic analysis',
      Funding: 'Illustrative: a national research programme',
      'Link-worker job title': 'Social prescribing link worker',
      'Host organisation': 'Primary care network',
    },
    quotes: [
      {
        quote: 'Some days I feel like I am holding the whole system together with sticky tape.',
        page: '6',
        participant: 'LW4, 18 months in post',
      },
      {
        quote: 'The GPs send me everyone they do not have time for, and I cannot say no.',
        page: '7',
        participant: 'LW11',
      },
      { quote: 'Nobody really knows what I do, not even the practice manager.', page: '7', participant: 'LW2' },
    ],
    constructs: [
      {
        label: 'Holding the system together',
        description: 'Link workers absorb the gaps between health and community services.',
        page: '6',
        quotes: [0, 1],
      },
      {
        label: 'An invisible role',
        description: 'The role is poorly understood by colleagues, which shapes referrals.',
        page: '7',
        quotes: [2],
      },
    ],
  },
  {
    owner: sheet(
      { q4: 'cant_tell', q8: 'yes' },
      { q4: 'Recruitment through one scheme manager.' },
      'Moderate',
      'Single scheme; analysis adequate.',
    ),
    reviewer: sheet(
      { q4: 'yes', q8: 'cant_tell' },
      { q8: 'Coding process only briefly described.' },
      'Moderate',
      'Short report of the analysis.',
    ),
    characteristics: {
      Country: 'Scotland',
      Setting: 'Voluntary and community sector',
      Aim: 'To understand community links practitioners’ experiences of supporting people in deprived areas.',
      Methodology: 'Ethnography',
      'Data collection': '["Observation","Semi-structured interviews","Shadowing"]',
      Participants: 'Community links practitioners and their managers.',
      'Number of link workers': '9',
      'Sample size': '14',
      'Data collection period': '2018–2019 (before COVID-19)',
      'Analysis approach': 'Thematic analysis',
      Funding: 'Illustrative: a health charity',
      'Link-worker job title': 'Community links practitioner',
      'Host organisation': 'Third-sector organisation contracted by the health board',
    },
    quotes: [
      {
        quote: 'You are not just signposting, you are walking alongside them until they are ready.',
        page: '4',
        participant: 'CLP, female',
      },
      { quote: 'When the groups closed there was nowhere left to send people.', page: '9', participant: 'CLP, male' },
    ],
    constructs: [
      {
        label: 'Walking alongside',
        description: 'Holistic, relational support rather than light-touch signposting.',
        page: '4',
        quotes: [0],
      },
      {
        label: 'A thinning community offer',
        description: 'Funding cuts leave link workers with too few places to refer to.',
        page: '9',
        quotes: [1],
      },
    ],
  },
]

/** Loads the demo appraisal and extraction for up to two of `studyIds`; needs the form to be empty. */
export function seedAppraisalDemo(db: Executor, people: AppraisalDemoPeople): void {
  const now = people.now ?? new Date()
  const fields = addDefaultFields(db, people.reviewId, people.ownerId, DEMO_CHARACTERISTICS_FIELDS)
  people.studyIds.slice(0, DEMO_STUDIES.length).forEach((studyId, index) => {
    const demo = DEMO_STUDIES[index]!
    const common = { reviewId: people.reviewId, studyId, tool: 'casp_qualitative' as const, finish: true, now }
    saveOwnAppraisal(db, { ...common, appraiserId: people.ownerId, sheet: demo.owner })
    saveOwnAppraisal(db, { ...common, appraiserId: people.reviewerId, sheet: demo.reviewer })
    if (demo.consensus) {
      recordConsensus(db, { ...common, actorId: people.ownerId, actorIsOwner: true, sheet: demo.consensus })
    }
    const values = new Map(fields.map((field) => [field.id, demo.characteristics[field.label] ?? '']))
    saveStudyValues(db, { reviewId: people.reviewId, studyId, actorId: people.ownerId, values, now })
    const who = { reviewId: people.reviewId, studyId, actorId: people.ownerId }
    const quoteIds = demo.quotes.map((quote) => addQuote(db, who, quote).id)
    for (const construct of demo.constructs) {
      addConstruct(db, who, {
        label: construct.label,
        description: construct.description,
        page: construct.page,
        quoteIds: construct.quotes.map((at) => quoteIds[at]!),
      })
    }
  })
}
