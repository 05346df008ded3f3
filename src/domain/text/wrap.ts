/**
 * Greedy word wrap to `width` characters, for figures drawn without a text engine (the PRISMA diagram,
 * the line-of-argument model). Breaks between words; a word longer than a whole line is cut (URLs, long
 * database names). `keepTogether` matches runs that are never broken (the diagram's "(n = 1,234)").
 * With `maxLines`, what does not fit is left out and the last line kept ends with "…".
 *
 * @example
 * wrapText('one two three four', 9) // ['one two', 'three', 'four']
 */
export function wrapText(
  text: string,
  width: number,
  options: { maxLines?: number; keepTogether?: RegExp } = {},
): string[] {
  const lines: string[] = []
  let line = ''
  const words = options.keepTogether ? new RegExp(`${options.keepTogether.source}|\\S+`, 'g') : /\S+/g
  for (const word of text.match(words) ?? []) {
    let rest = word
    while (rest.length > width) {
      if (line) lines.push(line)
      line = ''
      lines.push(rest.slice(0, width))
      rest = rest.slice(width)
    }
    if (!line) line = rest
    else if (line.length + 1 + rest.length <= width) line += ` ${rest}`
    else {
      lines.push(line)
      line = rest
    }
  }
  if (line) lines.push(line)
  if (lines.length === 0) return ['']
  const { maxLines } = options
  if (maxLines === undefined || lines.length <= maxLines) return lines
  const kept = lines.slice(0, maxLines)
  kept[maxLines - 1] = `${kept[maxLines - 1]!.slice(0, Math.max(0, width - 1))}…`
  return kept
}
