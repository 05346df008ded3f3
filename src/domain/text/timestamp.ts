/** A moment as the pages write it: UTC, to the minute ("2026-11-02 09:00"); '' for none. */
export function formatTimestamp(date: Date | null): string {
  return date ? date.toISOString().slice(0, 16).replace('T', ' ') : ''
}
