/** Synthetic RIS records for benchmarks: realistic tag mix, ~2.8 KB each with a multi-line abstract. */
import { seededRandom } from './seeded-random.ts'

const WORDS = (
  'social prescribing link worker primary care wellbeing loneliness community referral qualitative ' +
  'interview general practice patients voluntary sector health inequalities mental support evaluation ' +
  'service older adults engagement outcomes intervention model practitioners realist synthesis review'
).split(' ')

function words(random: () => number, count: number): string {
  const out: string[] = []
  for (let i = 0; i < count; i++) out.push(WORDS[Math.floor(random() * WORDS.length)] ?? 'care')
  return out.join(' ')
}

const SURNAMES = (
  'Smith Okafor Lindqvist Patel Nguyen Garcia Kowalski Murphy Tanaka Hughes Moreno Evans Brennan Hartley ' +
  'Campbell Ahmed Jones Williams Taylor Brown Davies Wilson Roberts Walker Wright Thompson White Green Hall ' +
  'Wood Clarke Jackson Turner Hill Moore Cooper Ward Morris King Watson Harris Lee Martin Baker Kelly Bell'
).split(' ')
const GIVEN = 'Jane Chidi Maja Anil Thu Lucia Piotr Siobhan Kenji Tom Rhys Anna Omar Grace Ines'.split(' ')
const JOURNALS = [
  'British Journal of General Practice',
  'BMC Health Services Research',
  'Health & Social Care in the Community',
  'Social Science & Medicine',
  'BMJ Open',
  'Sociology of Health & Illness',
  'Primary Health Care Research & Development',
  'Journal of Public Health',
  'Health Expectations',
  'Qualitative Health Research',
  'PLOS ONE',
  'BMC Public Health',
]

/** Each record draws its authors, journal and year, as a real search export's records vary. */
function author(random: () => number): string {
  const family = SURNAMES[Math.floor(random() * SURNAMES.length)]!
  const given = GIVEN[Math.floor(random() * GIVEN.length)]!
  // Two letters of suffix keep family names varied the way a large export's authors are.
  return `${family}${String.fromCharCode(97 + Math.floor(random() * 26))}${String.fromCharCode(97 + Math.floor(random() * 26))}, ${given}`
}

export function syntheticRisRecord(index: number, random: () => number): string {
  const lines = [
    'TY  - JOUR',
    `TI  - ${words(random, 14)} (${index})`,
    `AU  - ${author(random)}`,
    `AU  - ${author(random)}`,
    `AU  - ${author(random)}`,
    `PY  - ${1990 + Math.floor(random() * 35)}`,
    `JO  - ${JOURNALS[Math.floor(random() * JOURNALS.length)]}`,
    `VL  - ${index % 80}`,
    `IS  - ${index % 12}`,
    `SP  - ${index % 900}`,
    `EP  - ${(index % 900) + 12}`,
    `DO  - 10.1000/weft.${index}`,
    `AB  - ${words(random, 110)}`,
    `      ${words(random, 110)}`,
    `      ${words(random, 10)}`,
    'KW  - social prescribing',
    'KW  - link workers',
    'LA  - English',
    `UR  - https://example.org/records/${index}`,
    `N1  - ${words(random, 20)}`,
    'ER  - ',
    '',
  ]
  return lines.join('\n')
}

/** Yields the file in chunks of about `chunkRecords` records, as a file stream would. */
export function syntheticRisChunks(records: number, chunkRecords = 500, seed = 42): Generator<Uint8Array> {
  return risChunks(syntheticRisRecord, '\n', records, chunkRecords, seed)
}

function* risChunks(
  record: (index: number, random: () => number) => string,
  lineEnd: string,
  records: number,
  chunkRecords: number,
  seed: number,
): Generator<Uint8Array> {
  const random = seededRandom(seed)
  for (let start = 0; start < records; start += chunkRecords) {
    const parts: string[] = []
    for (let i = start; i < Math.min(records, start + chunkRecords); i++) parts.push(record(i, random))
    yield Buffer.from(parts.join(lineEnd), 'utf8')
  }
}

/**
 * The shape real exports have, unlike syntheticRisRecord: Windows line endings, 1–6 authors with
 * initials, four keywords, the abstract on one line of about 2 KB (Scopus, Embase, Web of Science), and
 * the ISSN, database and accession lines databases add. About 2.84 KB a record.
 */
export function realShapedRisRecord(index: number, random: () => number): string {
  const authors: string[] = []
  const count = 1 + Math.floor(random() * 6)
  for (let i = 0; i < count; i++) authors.push(`AU  - ${author(random)} ${String.fromCharCode(65 + (i % 26))}.`)
  const first = 1 + Math.floor(random() * 900)
  const lines = [
    'TY  - JOUR',
    `TI  - ${words(random, 16)} (${index})`,
    ...authors,
    `T2  - ${JOURNALS[Math.floor(random() * JOURNALS.length)]}`,
    `PY  - ${1990 + Math.floor(random() * 35)}`,
    `VL  - ${1 + (index % 80)}`,
    `IS  - ${1 + (index % 12)}`,
    `SP  - ${first}`,
    `EP  - ${first + 11}`,
    `SN  - ${1000 + (index % 9000)}-${String(index % 10000).padStart(4, '0')}`,
    `DO  - 10.1000/weft.${index}`,
    `AB  - ${words(random, 244)}`,
    `KW  - ${words(random, 2)}`,
    `KW  - ${words(random, 2)}`,
    `KW  - ${words(random, 1)}`,
    `KW  - ${words(random, 3)}`,
    'LA  - English',
    'DB  - Scopus',
    `UR  - https://www.scopus.com/inward/record.uri?eid=2-s2.0-${85_000_000_000 + index}&partnerID=40`,
    `N1  - Export Date: 12 March 2024; Cited By: ${index % 97}`,
    'ER  - ',
    '',
  ]
  return lines.join('\r\n')
}

/** The real-shaped file in chunks of about `chunkRecords` records. */
export function realShapedRisChunks(records: number, chunkRecords = 500, seed = 42): Generator<Uint8Array> {
  return risChunks(realShapedRisRecord, '\r\n', records, chunkRecords, seed)
}
