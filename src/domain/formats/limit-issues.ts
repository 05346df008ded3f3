import type { ParseIssue } from './bibliographic-record.ts'

/** A file where every record has the same problem would otherwise produce 100,000 lines of report. */
export const MAX_ISSUES = 500

export function limitIssues(issues: ParseIssue[]): ParseIssue[] {
  if (issues.length <= MAX_ISSUES) return issues
  const kept = issues.slice(0, MAX_ISSUES)
  const last = kept[kept.length - 1]
  kept.push({ line: last?.line ?? 1, message: `…and ${issues.length - MAX_ISSUES} more problems of the kinds above` })
  return kept
}
