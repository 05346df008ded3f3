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
export function* syntheticRisChunks(records: number, chunkRecords = 500, seed = 42): Generator<Uint8Array> {
  const random = seededRandom(seed)
  for (let start = 0; start < records; start += chunkRecords) {
    const parts: string[] = []
    for (let i = start; i < Math.min(records, start + chunkRecords); i++) parts.push(syntheticRisRecord(i, random))
    yield Buffer.from(parts.join('\n'), 'utf8')
  }
}
