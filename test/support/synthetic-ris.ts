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

export function syntheticRisRecord(index: number, random: () => number): string {
  const lines = [
    'TY  - JOUR',
    `TI  - ${words(random, 14)} (${index})`,
    'AU  - Smith, Jane',
    'AU  - Okafor, Chidi',
    'AU  - Lindqvist, Maja',
    `PY  - ${1990 + (index % 35)}`,
    'JO  - British Journal of General Practice',
    `VL  - ${index % 80}`,
    `IS  - ${index % 12}`,
    `SP  - ${index % 900}`,
    `EP  - ${(index % 900) + 12}`,
    `DO  - 10.1000/weft.${index}`,
    `AB  - ${words(random, 110)}`,
    `      ${words(random, 110)}`,
    `      ${words(random, 110)}`,
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
