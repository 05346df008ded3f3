const GROUPED = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 })

/** A count as the diagram prints it: thousands grouped ("12,345"), as in the official templates' examples. */
export function formatCount(n: number): string {
  return GROUPED.format(n)
}
