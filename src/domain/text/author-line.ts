/**
 * A record's authors on one line: the first `shown` as written, separated by semicolons (names are
 * "Family, Given"), then "et al." when there are more; '' when none are recorded.
 *
 * @example
 * authorLine(['Moffatt, S.', 'Steer, M.', 'Lawson, S.', 'White, M.'], 3) // 'Moffatt, S.; Steer, M.; Lawson, S. et al.'
 */
export function authorLine(authors: readonly string[], shown: number): string {
  const line = authors.slice(0, shown).join('; ')
  return authors.length > shown ? `${line} et al.` : line
}
