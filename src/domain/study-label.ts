/**
 * How a study is named by default: its first report's first author's surname and year ("Moffatt 2017"),
 * the way qualitative syntheses cite their included studies. A second study with the same name gets a
 * letter ("Moffatt 2017b"), as reference lists do.
 */

export const MAX_STUDY_LABEL_LENGTH = 120

/** The family name from "Family, Given", "Family GI" (Vancouver) or "Given Family". */
export function surnameOf(author: string): string {
  const name = author.trim()
  const comma = name.indexOf(',')
  if (comma >= 0) return name.slice(0, comma).trim()
  const words = name.split(/\s+/).filter((word) => word !== '')
  if (words.length <= 1) return words[0] ?? ''
  const last = words[words.length - 1]!
  // "Smith JA": a short all-capitals last word is initials, so the family name comes first.
  if (/^[A-Z.\-]{1,4}$/.test(last)) return words.slice(0, -1).join(' ')
  return last
}

/** "Moffatt 2017"; "Moffatt n.d." without a year; the record's number when it names no author. */
export function studyLabel(authors: readonly string[], year: number | null, recordId: number): string {
  const surname = authors.length > 0 ? surnameOf(authors[0]!) : ''
  const when = year === null ? 'n.d.' : String(year)
  const label = surname === '' ? `Record ${recordId} (${when})` : `${surname} ${when}`
  return label.slice(0, MAX_STUDY_LABEL_LENGTH)
}

/** `label`, or with the first free letter b, c, … appended when the review already has a study so named. */
export function distinctLabel(label: string, taken: ReadonlySet<string>): string {
  if (!taken.has(label)) return label
  for (let code = 'b'.charCodeAt(0); code <= 'z'.charCodeAt(0); code++) {
    const candidate = `${label}${String.fromCharCode(code)}`
    if (!taken.has(candidate)) return candidate
  }
  return label
}
