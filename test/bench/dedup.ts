/**
 * Dedup throughput: 100,000 synthetic records, about 15% of them re-exports of another record with the
 * perturbations real database exports show (case, punctuation, missing DOI, abbreviated journal, author
 * initials, HTML entities). Prints one JSON line on stdout (details on stderr).
 * Run: node --import tsx test/bench/dedup.ts [records]
 */
import { findDuplicates, type DedupRecord } from '../../src/domain/dedup/index.ts'
import { seededRandom as randomSource } from '../support/seeded-random.ts'

const RECORDS = Number(process.argv[2] ?? 100_000)
const DUPLICATE_SHARE = 0.15

const random = randomSource(20240611)
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T
/** Zipf-like pick: early items are much more common, as surnames and journals are. */
const pickSkewed = <T>(items: readonly T[]): T => items[Math.floor(items.length * random() ** 2.5)] as T

const WORDS = (
  'social prescribing link worker workers primary care general practice patients loneliness isolation ' +
  'wellbeing mental health community voluntary sector referral referrals qualitative study interviews ' +
  'focus groups experiences perspectives older adults people living with long term conditions chronic ' +
  'pain depression anxiety intervention evaluation realist mixed methods randomised controlled trial ' +
  'feasibility pilot implementation barriers facilitators stakeholders practitioners nurses physicians ' +
  'stroke rehabilitation cognitive impairment dementia carers caregivers hospital discharge outcomes ' +
  'quality of life costs effectiveness systematic review meta-ethnography synthesis thematic analysis ' +
  'deprivation inequalities rural urban england scotland wales netherlands canada australia programme ' +
  'service delivery model role identity boundaries emotional labour burnout training supervision ' +
  'relationships trust engagement motivation self-management physical activity arts nature green'
).split(' ')
const CONNECTORS = ['of', 'in', 'and', 'for', 'with', 'among', 'a', 'the', 'on', 'after']

const SYLLABLES = 'ba ker son mil ler wa ng li chen ta ylor smi th jo nes da vi es ro ber ts ha ll mo ore'.split(' ')
const SURNAMES = Array.from({ length: 3000 }, () => {
  const parts = 2 + Math.floor(random() * 2)
  const name = Array.from({ length: parts }, () => pick(SYLLABLES)).join('')
  return name.charAt(0).toUpperCase() + name.slice(1)
})
const GIVEN = 'Anna Ben Chloe David Emma Farid Grace Hannah Imran Jane Kofi Laura Mohammed Nina Oliver Priya'.split(' ')

const JOURNALS: readonly (readonly [string, string])[] = Array.from({ length: 400 }, (_, i) => {
  const topic = pick(['Primary Care', 'Public Health', 'Social Work', 'Health Services', 'Stroke', 'Ageing'])
  const kind = pick(['Journal of', 'International Journal of', 'Annals of', 'Reviews in', 'Research in'])
  const full = `${kind} ${topic} ${pick(['Research', 'Practice', 'Policy', 'Studies', 'Medicine'])} ${i}`
  const short = full
    .split(' ')
    .filter((w) => !['of', 'in'].includes(w))
    .map((w) => (w.length > 4 ? w.slice(0, 4) : w))
    .join(' ')
  return [full, short] as const
})

function makeTitle(): string {
  const length = 7 + Math.floor(random() * 10)
  const words: string[] = []
  for (let i = 0; i < length; i++) words.push(random() < 0.25 ? pick(CONNECTORS) : pick(WORDS))
  const title = words.join(' ')
  const withSubtitle = random() < 0.4 ? `${title}: a ${pick(WORDS)} ${pick(WORDS)} study` : title
  return withSubtitle.charAt(0).toUpperCase() + withSubtitle.slice(1)
}

function makeRecord(id: number): DedupRecord {
  const first = 1 + Math.floor(random() * 1500)
  const [journal] = pickSkewed(JOURNALS)
  return {
    id,
    title: makeTitle(),
    authors: Array.from({ length: 1 + Math.floor(random() * 6) }, () => `${pickSkewed(SURNAMES)}, ${pick(GIVEN)}`),
    year: 1995 + Math.floor(random() * 30),
    journal,
    volume: String(1 + Math.floor(random() * 60)),
    issue: String(1 + Math.floor(random() * 12)),
    pages: `${first}-${first + 5 + Math.floor(random() * 15)}`,
    doi: random() < 0.8 ? `10.${1000 + Math.floor(random() * 8000)}/j.${id}.${Math.floor(random() * 1e6)}` : null,
    pmid: random() < 0.5 ? String(10_000_000 + id) : null,
    abstract: random() < 0.7 ? `${makeTitle()}. ${makeTitle()}.` : null,
    publicationType: 'Journal Article',
  }
}

/** Another database's export of the same record. */
function reExport(original: DedupRecord, id: number): DedupRecord {
  const copy: DedupRecord = { ...original, id }
  const title = original.title ?? ''
  if (random() < 0.3) copy.title = title.toUpperCase()
  else if (random() < 0.3) copy.title = `${title.replace(/:/g, ' -')}.`
  else if (random() < 0.2) copy.title = title.replace(/ and /g, ' &amp; ')
  if (random() < 0.5) copy.doi = null
  else if (copy.doi !== null && random() < 0.3) copy.doi = `https://doi.org/${copy.doi.toUpperCase()}`
  if (random() < 0.5) {
    const entry = JOURNALS.find(([full]) => full === original.journal)
    if (entry !== undefined) copy.journal = entry[1]
  }
  if (random() < 0.5) {
    copy.authors = original.authors.map((a) => {
      const [family, given] = a.split(', ')
      return `${family}, ${(given ?? '').charAt(0)}.`
    })
  }
  if (random() < 0.3) copy.pmid = null
  if (random() < 0.3) copy.abstract = null
  if (random() < 0.2 && copy.pages !== null)
    copy.pages = copy.pages.replace(/-(\d+)$/, (_m, last: string) => `-${last.slice(-2)}`)
  return copy
}

const records: DedupRecord[] = []
const originals = Math.round(RECORDS * (1 - DUPLICATE_SHARE))
for (let id = 1; id <= originals; id++) records.push(makeRecord(id))
for (let id = originals + 1; id <= RECORDS; id++)
  records.push(reExport(records[Math.floor(random() * originals)] as DedupRecord, id))

const started = performance.now()
const result = findDuplicates(records)
const seconds = (performance.now() - started) / 1000

const merged = result.clusters.reduce((sum, c) => sum + c.duplicateIds.length, 0)
const review = result.candidates.filter((c) => c.decision === 'review').length
console.log(JSON.stringify({ bench: 'dedup', records: RECORDS, seconds: Math.round(seconds * 1000) / 1000 }))
// Details on stderr, so stdout stays one JSON line per bench.
console.error(
  JSON.stringify({ duplicatesPlanted: RECORDS - originals, duplicatesMerged: merged, pairsForReview: review }),
)
