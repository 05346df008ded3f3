import { describe, expect, it } from 'vitest'
import {
  findDuplicates,
  MAX_REVIEW_PAIRS_PER_RECORD,
  pairKey,
  type DedupRecord,
} from '../../../src/domain/dedup/index.ts'
import { citation, linkWorkerStudy } from './helpers/records.ts'

const study = (id: number, changes: Partial<Omit<DedupRecord, 'id'>> = {}) =>
  citation(id, { ...linkWorkerStudy, ...changes })

function decisionFor(records: DedupRecord[]) {
  const { candidates } = findDuplicates(records)
  expect(candidates.length).toBeLessThanOrEqual(1)
  return candidates[0]?.decision ?? 'none'
}

describe('findDuplicates: identifiers', () => {
  it('merges the same DOI written in different case and with a resolver prefix', () => {
    const a = study(1)
    const b = study(2, {
      doi: 'https://doi.org/10.1000/WEFT.BJGP.2021.0042',
      title: 'HOLDING THE THREADS. A QUALITATIVE STUDY OF SOCIAL PRESCRIBING LINK WORKERS IN PRIMARY CARE',
      pmid: null,
    })
    const { candidates, clusters } = findDuplicates([a, b])
    expect(candidates).toHaveLength(1)
    expect(candidates[0]).toMatchObject({ aId: 1, bId: 2, decision: 'auto', reason: 'Same DOI' })
    expect(clusters).toEqual([{ primaryId: 1, duplicateIds: [2] }])
  })

  it('queues records sharing a DOI but not a title for a reviewer (a DOI typed into the wrong record)', () => {
    const a = study(1)
    const b = citation(2, {
      title: 'Loneliness among older adults attending community groups: a cross-sectional survey',
      authors: ['Patel, Ravi'],
      year: 2021,
      doi: '10.1000/weft.bjgp.2021.0042',
    })
    expect(decisionFor([a, b])).toBe('review')
  })

  it('does not auto-merge records whose DOIs differ, however alike the rest', () => {
    const a = study(1)
    const b = study(2, { doi: '10.1000/weft.bjgp.2021.0099', pmid: null })
    expect(decisionFor([a, b])).toBe('review')
  })

  it('sends a preprint and its journal article to a reviewer', () => {
    const a = study(1)
    const b = study(2, {
      doi: '10.1101/2020.11.02.20224321',
      journal: 'medRxiv',
      year: 2020,
      volume: null,
      issue: null,
      pages: null,
      pmid: null,
    })
    expect(findDuplicates([a, b]).candidates[0]).toMatchObject({ decision: 'review' })
  })

  it('does not auto-merge records whose PubMed ids differ', () => {
    const a = study(1, { doi: null })
    const b = study(2, { doi: null, pmid: '33900002' })
    expect(decisionFor([a, b])).toBe('review')
  })
})

describe('findDuplicates: fuzzy matching without identifiers', () => {
  it('merges a title with HTML entities and markup with its plain export', () => {
    const a = citation(1, {
      title: 'Social prescribing &amp; <i>loneliness</i>: link workers&#8217; views on referral pathways',
      authors: ['Fenwick, Clare', 'Adeyemi, Tolu'],
      year: 2022,
      journal: 'Health &amp; Social Care in the Community',
      volume: '30',
      pages: '1204-1213',
    })
    const b = citation(2, {
      title: "Social prescribing & loneliness: Link workers' views on referral pathways.",
      authors: ['Fenwick, C.', 'Adeyemi, T.'],
      year: 2022,
      journal: 'Health Soc Care Community',
      volume: '30',
      pages: '1204-13',
    })
    expect(decisionFor([a, b])).toBe('auto')
  })

  it('merges records with an abbreviated journal, author initials and no DOI', () => {
    const a = study(1)
    const b = study(2, {
      doi: null,
      pmid: null,
      journal: 'Br J Gen Pract',
      authors: ['Hartley A', 'Okafor C', 'Nguyen T', 'Brennan S'],
      title: 'Holding the threads - a qualitative study of social prescribing link workers in primary care.',
    })
    expect(decisionFor([a, b])).toBe('auto')
  })

  it('merges a record that lacks a DOI with the one that has it', () => {
    const a = study(1)
    const b = study(2, { doi: null, pmid: null, abstract: null })
    const { clusters } = findDuplicates([a, b])
    expect(clusters).toEqual([{ primaryId: 1, duplicateIds: [2] }])
  })

  it('merges diacritics and Greek letters written out', () => {
    const a = citation(1, {
      title: 'Interleukin-1β and TNF-α in post-stroke fatigue: a cohort study in Zürich',
      authors: ['Müller, Jörg', 'Søndergaard, Åse'],
      year: 2019,
      journal: 'Stroke',
      volume: '50',
      pages: '2211-2218',
    })
    const b = citation(2, {
      title: 'Interleukin-1beta and TNF-alpha in post-stroke fatigue: A cohort study in Zurich',
      authors: ['Muller, J.', 'Sondergaard, A.'],
      year: 2019,
      journal: 'Stroke',
      volume: '50',
      pages: '2211-8',
    })
    expect(decisionFor([a, b])).toBe('auto')
  })

  it('does not auto-merge the same title published more than a year apart', () => {
    const a = study(1, { doi: null, pmid: null, volume: null, issue: null, pages: null })
    const b = study(2, { doi: null, pmid: null, volume: null, issue: null, pages: null, year: 2024 })
    const pair = findDuplicates([a, b]).candidates[0]
    expect(pair?.decision).toBe('review')
    expect(pair?.reason).toMatch(/more than a year apart/)
  })

  it('does not merge two parts of a series whose titles differ only in their number', () => {
    const base = {
      authors: ['Whitlock, Megan', 'Sutherland, Iain'],
      year: 2020,
      journal: 'Primary Health Care Research & Development',
      volume: '21',
    }
    const a = citation(1, {
      ...base,
      title: 'Social prescribing in Scotland, part 1: the link worker role',
      pages: 'e11',
    })
    const b = citation(2, {
      ...base,
      title: 'Social prescribing in Scotland, part 2: the link worker role',
      pages: 'e12',
    })
    expect(decisionFor([a, b])).not.toBe('auto')
  })

  it('does not merge the recurring editorials of a journal', () => {
    const base = {
      title: "Editor's Comments",
      authors: ['Lee, Allen S.'],
      year: 2000,
      journal: 'MIS Quarterly',
      volume: '24',
    }
    expect(decisionFor([citation(1, { ...base, issue: '1' }), citation(2, { ...base, issue: '2' })])).toBe('none')
  })

  it('does not merge different papers by the same author in the same year', () => {
    const a = citation(1, {
      title: 'A proposed study on commitment in virtual teams',
      authors: ['Powell, Anne L'],
      year: 1999,
      journal: 'Americas Conference on Information Systems',
      publicationType: 'inproceedings',
    })
    const b = citation(2, { ...a, title: 'Commitment in a virtual team' })
    expect(decisionFor([a, { ...b, id: 2 }])).not.toBe('auto')
  })
})

describe('findDuplicates: items that look like their article but are not it', () => {
  it('never auto-merges an erratum with its article', () => {
    const a = study(1, { doi: null, pmid: null })
    const b = study(2, {
      title: `Erratum: ${linkWorkerStudy.title}`,
      doi: null,
      pmid: null,
      issue: '711',
      pages: 'e788',
      abstract: null,
    })
    const pair = findDuplicates([a, b]).candidates[0]
    expect(pair?.decision).toBe('review')
    expect(pair?.reason).toMatch(/erratum/)
  })

  it('never auto-merges a retraction notice or a reply with the article', () => {
    const a = study(1, { doi: null, pmid: null })
    const retraction = study(2, { title: `Retraction: ${linkWorkerStudy.title}`, doi: null, pmid: null })
    const reply = study(3, { title: `${linkWorkerStudy.title} - Authors' reply`, doi: null, pmid: null })
    const { candidates, clusters } = findDuplicates([a, retraction, reply])
    expect(candidates.every((c) => c.decision !== 'auto' || (c.aId !== 1 && c.bId !== 1))).toBe(true)
    expect(clusters.some((c) => c.primaryId === 1 || c.duplicateIds.includes(1))).toBe(false)
  })

  it('merges two exports of one correction notice but not the notice with the article it cites', () => {
    const article = study(1, { doi: null, pmid: null })
    const notice = { doi: null, pmid: null, abstract: null, issue: '711', pages: 'e788' }
    const wos = study(2, { ...notice, title: `${linkWorkerStudy.title} (vol 71, pg e512, 2021)` })
    const embase = study(3, { ...notice, title: `Erratum: ${linkWorkerStudy.title}` })
    const { candidates, clusters } = findDuplicates([article, wos, embase])
    expect(clusters).toEqual([{ primaryId: 2, duplicateIds: [3] }])
    expect(candidates.filter((c) => c.aId === 1).map((c) => c.decision)).toEqual(['review', 'review'])
  })

  it('keeps an article whose database note mentions an erratum mergeable with its other exports', () => {
    const a = study(1, { doi: null, pmid: null })
    const b = study(2, { title: `${linkWorkerStudy.title}.[Erratum appears in Br J Gen Pract. 2021;71(711):e788]` })
    expect(decisionFor([a, b])).toBe('auto')
  })

  it('sends a conference abstract and the full paper to a reviewer', () => {
    const paper = study(1, { doi: null, pmid: null })
    const abstract = study(2, {
      doi: null,
      pmid: null,
      year: 2020,
      journal: 'Society for Academic Primary Care Annual Conference',
      volume: null,
      issue: null,
      pages: null,
      publicationType: 'Conference Abstract',
    })
    expect(decisionFor([paper, abstract])).toBe('review')
  })
})

describe('findDuplicates: one report printed twice in its journal', () => {
  const paper = (id: number, changes: Partial<Omit<DedupRecord, 'id'>> = {}) =>
    study(id, { doi: null, pmid: null, abstract: null, ...changes })

  it('merges the one-page meeting abstract in the congress issue with the full paper of the same title', () => {
    const abstract = paper(2, { issue: '699', pages: 'e310' })
    expect(decisionFor([paper(1), abstract])).toBe('auto')
  })

  it('does not merge one-page items whose short title recurs, such as a column', () => {
    const base = {
      title: 'Notes from the practice nurse',
      authors: ['Ward, Jo'],
      year: 2021,
      journal: 'Practice Nursing',
      volume: '32',
    }
    const first = citation(1, { ...base, issue: '1', pages: '12' })
    const second = citation(2, { ...base, issue: '2', pages: '64-66' })
    expect(decisionFor([first, second])).not.toBe('auto')
  })

  it('merges two exports at the same volume and first page when only the issue differs', () => {
    expect(decisionFor([paper(1), paper(2, { issue: '709', pages: 'e512' })])).toBe('auto')
  })

  it('merges two exports whose issues differ when title, authors, year, volume and page range agree', () => {
    const short = { title: 'Link workers in general practice', issue: '708' }
    expect(decisionFor([paper(1, short), paper(2, { ...short, issue: '12' })])).toBe('auto')
  })

  it('does not merge an article of another issue starting on the same page (a journal paginating each issue)', () => {
    const first = paper(1, { title: 'Link workers in general practice', pages: '12-18' })
    const other = paper(2, { title: 'Link workers in general practices', issue: '709', pages: '12-15' })
    expect(decisionFor([first, other])).not.toBe('auto')
  })

  it('merges the online-first record, a year before its issue and with its own pages, with the issue record', () => {
    const online = paper(2, { year: 2020, volume: null, issue: null, pages: '1-9' })
    expect(decisionFor([paper(1), online])).toBe('auto')
    expect(decisionFor([paper(1), { ...online, pages: null }])).toBe('auto')
  })

  it('does not read a record of a year before as online-first when it has a volume or pages of its own', () => {
    expect(decisionFor([paper(1), paper(2, { year: 2020, volume: '70', issue: null, pages: '1-9' })])).not.toBe('auto')
    expect(decisionFor([paper(1), paper(2, { year: 2020, volume: null, issue: null, pages: 'S212' })])).not.toBe('auto')
  })

  it('reads an export whose volume was lost and the other fields shifted one place', () => {
    const shifted = paper(2, { volume: null, issue: '71', pages: '708' })
    expect(decisionFor([paper(1), shifted])).toBe('auto')
  })

  it('matches a meeting abstract whose source is the meeting with the one that names journal and meeting', () => {
    const meeting = 'Society for Academic Primary Care Annual Conference 2021'
    const base = { doi: null, pmid: null, abstract: null, issue: null, pages: null, volume: '71' }
    const embase = study(1, { ...base, journal: `British Journal of General Practice.Conference: ${meeting}` })
    const other = study(2, { ...base, journal: meeting })
    expect(decisionFor([embase, other])).toBe('auto')
  })

  it('merges a record of several letters printed together with each letter within its pages', () => {
    const base = {
      authors: ['Hartley, Anna'],
      year: 2021,
      journal: 'British Journal of General Practice',
      volume: '71',
      issue: '708',
    }
    const title = 'Link workers and the limits of social prescribing'
    const bundle = citation(1, { ...base, title: `${title} (multiple letters)`, pages: '490-492' })
    const reply = citation(2, { ...base, title: `${title} - Reply`, authors: ['Okafor, Chidi'], pages: '492' })
    const pair = findDuplicates([bundle, reply]).candidates[0]
    expect(pair?.decision).toBe('auto')
    const replyElsewhere = { ...reply, pages: '530' }
    expect(findDuplicates([bundle, replyElsewhere]).candidates[0]?.decision).not.toBe('auto')
  })
})

describe('findDuplicates: clusters', () => {
  it('keeps the most complete record as primary and links the others', () => {
    const sparse = study(1, { doi: null, pmid: null, abstract: null, issue: null })
    const full = study(2)
    const middle = study(3, { abstract: null })
    const { clusters } = findDuplicates([sparse, full, middle])
    expect(clusters).toEqual([{ primaryId: 2, duplicateIds: [1, 3] }])
  })

  it('breaks a tie in completeness by the longer abstract, then the lower id', () => {
    const short = study(5, { abstract: 'Short.' })
    const long = study(9)
    const twin = study(7)
    expect(findDuplicates([short, long, twin]).clusters).toEqual([{ primaryId: 7, duplicateIds: [5, 9] }])
  })

  it('leaves records that are not duplicates out of the clusters', () => {
    const other = citation(2, {
      title: 'Cost-effectiveness of social prescribing for frequent attenders: a modelling study',
      authors: ['Ibrahim, Yusuf'],
      year: 2021,
      journal: 'British Journal of General Practice',
    })
    const result = findDuplicates([study(1), other])
    expect(result).toEqual({ candidates: [], clusters: [] })
  })

  it('gives each candidate its evidence: both values as written and how alike they are', () => {
    const a = study(1)
    const b = study(2, { doi: null, journal: 'Br J Gen Pract', year: 2021 })
    const pair = findDuplicates([a, b]).candidates[0]
    expect(pair?.score).toBeGreaterThan(0.9)
    const journal = pair?.evidence.find((e) => e.field === 'journal')
    expect(journal).toEqual({
      field: 'journal',
      a: 'British Journal of General Practice',
      b: 'Br J Gen Pract',
      similarity: expect.any(Number),
    })
    expect(pair?.evidence.find((e) => e.field === 'doi')).toEqual({
      field: 'doi',
      a: '10.1000/weft.bjgp.2021.0042',
      b: null,
      similarity: null,
    })
  })

  it('orders each pair by id and swaps the evidence to match', () => {
    const pair = findDuplicates([study(8, { journal: 'Br J Gen Pract' }), study(3)]).candidates[0]
    expect(pair).toMatchObject({ aId: 3, bId: 8 })
    expect(pair?.evidence.find((e) => e.field === 'journal')).toMatchObject({
      a: 'British Journal of General Practice',
      b: 'Br J Gen Pract',
    })
  })
})

describe('findDuplicates: against earlier imports', () => {
  it('only proposes pairs that involve a record of the new import', () => {
    const earlierA = study(1)
    const earlierB = study(2, { doi: null }) // a duplicate pair the earlier run left alone
    const fresh = study(3, { pmid: null })
    const { candidates } = findDuplicates([earlierA, earlierB, fresh], { newIds: new Set([3]) })
    expect(candidates.map((c) => pairKey(c.aId, c.bId)).sort()).toEqual(['1:3', '2:3'])
  })

  it('never proposes again a pair a reviewer already decided', () => {
    const a = study(1, { doi: null, pmid: null, year: 2023 })
    const b = study(2, { doi: null, pmid: null })
    expect(findDuplicates([a, b]).candidates).toHaveLength(1)
    expect(findDuplicates([a, b], { decidedPairs: new Set([pairKey(2, 1)]) }).candidates).toHaveLength(0)
  })

  it('keeps an earlier primary in place when a more complete copy arrives', () => {
    const earlier = study(1, { abstract: null, pmid: null })
    const fresh = study(2)
    const { clusters } = findDuplicates([earlier, fresh], { newIds: new Set([2]) })
    expect(clusters).toEqual([{ primaryId: 1, duplicateIds: [2] }])
  })

  it('joins a new copy to an earlier cluster and reports the whole cluster', () => {
    const primary = study(1)
    const earlierCopy = study(2, { doi: null, duplicateOf: 1 })
    const fresh = study(3, { pmid: null })
    const { candidates, clusters } = findDuplicates([primary, earlierCopy, fresh], { newIds: new Set([3]) })
    expect(candidates.every((c) => c.aId === 3 || c.bId === 3)).toBe(true)
    expect(clusters).toEqual([{ primaryId: 1, duplicateIds: [2, 3] }])
  })

  it('keeps two records a reviewer judged not duplicates apart, even when a third matches both', () => {
    const a = study(1, { doi: null, pmid: null })
    const b = study(2, { doi: null, pmid: null, journal: 'Br J Gen Pract' })
    const c = study(3, { doi: null, pmid: null, issue: null })
    const { candidates, clusters } = findDuplicates([a, b, c], {
      decidedPairs: new Set([pairKey(1, 2)]),
      keptApart: [[1, 2]],
    })
    const together = clusters.some(
      (cluster) =>
        [cluster.primaryId, ...cluster.duplicateIds].includes(1) &&
        [cluster.primaryId, ...cluster.duplicateIds].includes(2),
    )
    expect(together).toBe(false)
    expect(clusters).toHaveLength(1)
    expect(candidates.find((pair) => pair.decision === 'review')?.reason).toMatch(/judged not duplicates/)
  })

  it('does not compare records an earlier merge already joined', () => {
    const primary = study(1)
    const copy = study(2, { doi: null, duplicateOf: 1 })
    expect(findDuplicates([primary, copy])).toEqual({ candidates: [], clusters: [] })
  })
})

describe('a flood of look-alike records', () => {
  it('sends each record to a reviewer in at most a few pairs, so the queue and the work stay bounded', () => {
    const lookAlikes = Array.from({ length: 600 }, (_, i) =>
      citation(i + 1, {
        title: `Social prescribing link workers in primary care: a qualitative study ${i % 3}`,
        authors: ['Smith, Jane'],
        year: 2019 + (i % 3),
        journal: 'British Journal of General Practice',
      }),
    )
    const { candidates } = findDuplicates(lookAlikes)
    const reviewPairsPerRecord = new Map<number, number>()
    for (const pair of candidates.filter((candidate) => candidate.decision === 'review')) {
      for (const id of [pair.aId, pair.bId]) reviewPairsPerRecord.set(id, (reviewPairsPerRecord.get(id) ?? 0) + 1)
    }
    expect(Math.max(...reviewPairsPerRecord.values())).toBeLessThanOrEqual(MAX_REVIEW_PAIRS_PER_RECORD)
    expect(candidates.length).toBeLessThan(lookAlikes.length * (1 + MAX_REVIEW_PAIRS_PER_RECORD))
  })
})
