/**
 * Demo synthesis for the link-worker review: concepts, reciprocal and refutational translations,
 * third-order constructs, a line of argument and CERQual assessments that echo the published synthesis
 * (Turk et al., BMC Medicine 2024; METHOD.md §8.4): tensions at each level at which social prescribing
 * operates, arising from a mismatch between its policy logic and the material and structural reality it
 * is implemented into. The level names and assessments are illustrative, not the paper's: every text
 * says it is demo content.
 *
 * It takes the ids of second-order constructs that already exist (extraction's demo studies) and maps
 * each to the demo concept its label speaks to (by keywords; constructs that match none are spread over
 * the concepts in turn). Every step goes through the store, so it is audited like a person's work.
 *
 * @example
 * // inside seedDemo's transaction, after the demo studies and constructs exist:
 * addSynthesisDemo(tx, { reviewId: review.id, actorId: owner.id, constructs: demoSecondOrderConstructs })
 */
import type { Executor } from '../../db/client.ts'
import type { CerqualAssessment } from '../domain/cerqual/assessment.ts'
import type { ConcernLevel, ConfidenceLevel } from '../domain/cerqual/vocabulary.ts'
import { addFinding, saveFinding } from '../store/cerqual-findings.ts'
import { addConcept } from '../store/synthesis-concepts.ts'
import { addLevel, addRelation, placeNode, saveStatement } from '../store/synthesis-line-of-argument.ts'
import { mapConstruct, setTranslation } from '../store/synthesis-mappings.ts'
import { saveTranslationOrder } from '../store/synthesis-order.ts'
import { addThirdOrder } from '../store/synthesis-third-order.ts'

export interface DemoConstruct {
  id: number
  studyId: number
  label: string
}

export const DEMO_MARK = 'Demo content (illustrative, echoing the published abstract):'

const CONCEPTS = [
  {
    key: 'boundaries',
    label: 'Role boundaries and scope creep',
    description: 'Where the role starts and stops; being asked to do more than the job description says.',
    keywords: ['boundar', 'scope', 'remit', 'job description', 'role', 'discretion'],
  },
  {
    key: 'holding',
    label: 'Emotional labour of holding people',
    description: 'Carrying patients’ distress while they wait for other services; the toll of complex caseloads.',
    keywords: ['emotion', 'holding', 'toll', 'burnout', 'wellbeing', 'stress', 'distress', 'rock'],
  },
  {
    key: 'time',
    label: 'Person-centred time versus throughput',
    description: 'Time to build trust and buy-in set against caseload numbers and referral targets.',
    keywords: [
      'time',
      'target',
      'caseload',
      'choice',
      'care',
      'trust',
      'buy-in',
      'person-centred',
      'alongside',
      'holistic',
      'relational',
    ],
  },
  {
    key: 'community',
    label: 'Dependence on a stretched community sector',
    description:
      'Social prescribing sends people to voluntary and community services that are short of funds and capacity.',
    keywords: ['voluntary', 'vcse', 'community', 'capacity', 'funding', 'sector', 'resource', 'asset'],
  },
  {
    key: 'practice',
    label: 'Fitting into general practice',
    description: 'Being bolted on, fitting in or belonging in the practice team.',
    keywords: ['gp', 'practice', 'integrat', 'belong', 'team', 'clinician', 'primary care', 'bolted'],
  },
] as const

type ConceptKey = (typeof CONCEPTS)[number]['key']

const THIRD_ORDERS: readonly { key: string; label: string; definition: string; concepts: ConceptKey[] }[] = [
  {
    key: 'individual',
    label: 'Holding more than the role was designed for',
    definition:
      'At the level of the individual link worker, the role stretches to absorb needs no other service meets.',
    concepts: ['boundaries', 'holding'],
  },
  {
    key: 'relational',
    label: 'Person-centred care against throughput',
    definition:
      'In the relationship with each person, the time that trust needs collides with targets that count referrals.',
    concepts: ['time'],
  },
  {
    key: 'organisational',
    label: 'Bolted on rather than belonging',
    definition: 'Within practices, link workers are often positioned at the edge of the team that refers to them.',
    concepts: ['practice'],
  },
  {
    key: 'system',
    label: 'Signposting into a depleted community sector',
    definition: 'At the level of the system, the policy assumes community assets that austerity has hollowed out.',
    concepts: ['community'],
  },
]

const LEVELS = ['System and policy', 'Organisational', 'Relational', 'Individual link worker'] as const
const PLACEMENT: Record<string, (typeof LEVELS)[number]> = {
  system: 'System and policy',
  organisational: 'Organisational',
  relational: 'Relational',
  individual: 'Individual link worker',
}
const RELATIONS: readonly [string, string, string][] = [
  ['system', 'organisational', 'constrains'],
  ['organisational', 'relational', 'shapes'],
  ['relational', 'individual', 'is absorbed by'],
]

const STATEMENT =
  `${DEMO_MARK} Link workers’ experiences are shaped by inherent, interacting tensions at every level at which social prescribing ` +
  'operates. These tensions may arise from a mismatch between the policy logic of social prescribing and the material and structural ' +
  'reality, shaped by social, political and economic forces, into which it is implemented.'

function judged(
  concerns: [ConcernLevel, ConcernLevel, ConcernLevel, ConcernLevel],
  confidence: ConfidenceLevel,
  why: string,
): CerqualAssessment {
  const [ml, coherence, adequacy, relevance] = concerns
  const note = (level: ConcernLevel, what: string) =>
    `Demo: ${level === 'none' ? 'no or very minor' : level} concerns about ${what}.`
  return {
    components: {
      methodological_limitations: {
        concern: ml,
        explanation: note(ml, 'the design and conduct of the contributing studies'),
      },
      coherence: { concern: coherence, explanation: note(coherence, 'the fit between the data and the finding') },
      adequacy: { concern: adequacy, explanation: note(adequacy, 'the richness and quantity of the data') },
      relevance: {
        concern: relevance,
        explanation: note(relevance, 'how well the contexts match the review question'),
      },
    },
    confidence,
    explanation: `Demo: ${why}`,
  }
}

const ASSESSMENTS: Record<string, CerqualAssessment> = {
  loa: judged(
    ['minor', 'none', 'minor', 'none'],
    'moderate',
    'minor concerns about methods and adequacy across many studies; rated down one level.',
  ),
  individual: judged(
    ['minor', 'none', 'none', 'none'],
    'high',
    'consistent, rich accounts from most studies; only minor methodological concerns.',
  ),
  relational: judged(
    ['minor', 'minor', 'moderate', 'none'],
    'moderate',
    'moderate concerns about adequacy (thin data in some studies).',
  ),
  organisational: judged(
    ['moderate', 'minor', 'moderate', 'minor'],
    'low',
    'moderate concerns about methods and adequacy together rate it down two levels.',
  ),
  system: judged(
    ['minor', 'moderate', 'serious', 'minor'],
    'low',
    'serious concerns about adequacy: few studies speak to funding directly.',
  ),
}

function conceptFor(label: string, index: number): ConceptKey {
  const text = label.toLowerCase()
  const match = CONCEPTS.find((concept) => concept.keywords.some((keyword) => text.includes(keyword)))
  return match ? match.key : CONCEPTS[index % CONCEPTS.length]!.key
}

export function addSynthesisDemo(
  db: Executor,
  input: { reviewId: number; actorId: number; constructs: readonly DemoConstruct[]; now?: Date },
): void {
  const { reviewId, actorId } = input
  const now = input.now ?? new Date()
  saveTranslationOrder(
    db,
    reviewId,
    {
      kind: 'chronological',
      indexStudyId: null,
      rationale: `${DEMO_MARK} studies translated in order of publication, each into the accumulating synthesis.`,
      customOrder: [],
    },
    actorId,
    now,
  )
  const conceptIds = new Map<ConceptKey, number>()
  for (const concept of CONCEPTS) {
    conceptIds.set(
      concept.key,
      addConcept(db, reviewId, { label: concept.label, description: `${DEMO_MARK} ${concept.description}` }, actorId)
        .id,
    )
  }
  const mapped = new Map<ConceptKey, { mappingId: number; studyId: number }[]>()
  input.constructs.forEach((construct, index) => {
    const key = conceptFor(construct.label, index)
    const mapping = mapConstruct(
      db,
      reviewId,
      conceptIds.get(key)!,
      construct.id,
      { translation: 'reciprocal', explanation: '' },
      actorId,
    )
    mapped.set(key, [...(mapped.get(key) ?? []), { mappingId: mapping.id, studyId: construct.studyId }])
  })
  // A refutation where two studies speak to the same concept: the later study's account contradicts the rest.
  const refutation = {
    translation: 'refutational' as const,
    explanation: `${DEMO_MARK} here the scheme’s protected caseloads and clear referral criteria kept the role bounded, contradicting accounts elsewhere; the difference is read as one of setting, not of link workers.`,
  }
  const contested = CONCEPTS.map((concept) => mapped.get(concept.key) ?? []).find(
    (entries) => new Set(entries.map((entry) => entry.studyId)).size >= 2,
  )
  if (contested) setTranslation(db, reviewId, contested.at(-1)!.mappingId, refutation, actorId, now)
  else {
    // No concept holds two studies yet: another study's construct is also read against the first concept.
    const first = CONCEPTS.find((concept) => (mapped.get(concept.key) ?? []).length > 0)
    const firstStudy = first ? mapped.get(first.key)![0]!.studyId : undefined
    const other = input.constructs.find((construct) => construct.studyId !== firstStudy)
    if (first && other) mapConstruct(db, reviewId, conceptIds.get(first.key)!, other.id, refutation, actorId)
  }
  const thirdOrderIds = new Map<string, number>()
  for (const thirdOrder of THIRD_ORDERS) {
    const created = addThirdOrder(
      db,
      reviewId,
      {
        label: thirdOrder.label,
        definition: `${DEMO_MARK} ${thirdOrder.definition}`,
        conceptIds: thirdOrder.concepts.map((key) => conceptIds.get(key)!),
      },
      actorId,
    )
    thirdOrderIds.set(thirdOrder.key, created.id)
  }
  saveStatement(db, reviewId, STATEMENT, actorId, now)
  const levelIds = new Map(LEVELS.map((label) => [label, addLevel(db, reviewId, label, actorId).id]))
  const nodeIds = new Map<string, number>()
  for (const [key, level] of Object.entries(PLACEMENT)) {
    nodeIds.set(key, placeNode(db, reviewId, thirdOrderIds.get(key)!, levelIds.get(level)!, actorId))
  }
  for (const [from, to, label] of RELATIONS)
    addRelation(db, reviewId, nodeIds.get(from)!, nodeIds.get(to)!, label, actorId)
  const overarching = addFinding(
    db,
    reviewId,
    { summary: STATEMENT, basis: 'line_of_argument', thirdOrderId: null },
    actorId,
  )
  saveFinding(
    db,
    reviewId,
    overarching.id,
    { summary: STATEMENT, basis: 'line_of_argument', thirdOrderId: null },
    ASSESSMENTS['loa']!,
    actorId,
    now,
  )
  for (const thirdOrder of THIRD_ORDERS) {
    const basis = {
      summary: `${DEMO_MARK} ${thirdOrder.definition}`,
      basis: 'third_order' as const,
      thirdOrderId: thirdOrderIds.get(thirdOrder.key)!,
    }
    const finding = addFinding(db, reviewId, basis, actorId)
    saveFinding(db, reviewId, finding.id, basis, ASSESSMENTS[thirdOrder.key]!, actorId, now)
  }
}
