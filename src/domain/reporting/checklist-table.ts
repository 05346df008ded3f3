/** A checklist with the team's answers as a table for export (CSV / HTML). */
import type { SimpleTable } from '../synthesis/simple-table.ts'
import { CHECKLIST_ITEMS } from './checklist-items.ts'
import { EVIDENCE_PAGES } from './evidence.ts'
import { CHECKLIST_TITLES, type ReportingChecklist } from './vocabulary.ts'

export function checklistTable(
  checklist: ReportingChecklist,
  responses: ReadonlyMap<number, { location: string; notes: string }>,
): SimpleTable {
  return {
    title: CHECKLIST_TITLES[checklist],
    columns: [
      '#',
      'Item',
      checklist === 'emerge' ? 'Phase' : 'Domain',
      'Evidence in Weft',
      'Location in manuscript',
      'Notes',
    ],
    rows: CHECKLIST_ITEMS[checklist].map((item) => [
      String(item.number),
      item.heading,
      item.group,
      item.evidence.map((key) => EVIDENCE_PAGES[key].label).join('\n'),
      responses.get(item.number)?.location ?? '',
      responses.get(item.number)?.notes ?? '',
    ]),
  }
}
