import { z } from 'zod'
import { CITATION_STYLE_ALIASES, CITATION_STYLES } from '../domain/formats/cite-export.ts'

/** What can be exported, and in which formats: one list for the Report page's links and for `weft export`. */
export const EXPORTS = {
  records: ['ris', 'bibtex', 'csljson', 'csv', 'text', 'html'],
  /** Every record imported, duplicates included (they say which record they duplicate). */
  identified: ['csv'],
  included: ['ris', 'bibtex', 'csljson', 'csv', 'text', 'html'],
  studies: ['ris', 'bibtex', 'csljson', 'csv', 'text', 'html'],
  decisions: ['csv'],
  'search-log': ['csv', 'html'],
} as const

export type ExportWhat = keyof typeof EXPORTS
export type ExportFormat = (typeof EXPORTS)[ExportWhat][number]
const WHATS = Object.keys(EXPORTS) as ExportWhat[]
const FORMATS = [...new Set(Object.values(EXPORTS).flat())] as ExportFormat[]

export const exportInput = z
  .object({
    what: z.enum(WHATS, { error: `what: choose one of ${WHATS.join(', ')}` }),
    format: z.enum(FORMATS, { error: `format: choose one of ${FORMATS.join(', ')}` }),
    style: z
      .preprocess(
        (style) => (typeof style === 'string' ? (CITATION_STYLE_ALIASES[style] ?? style) : style),
        z.enum(CITATION_STYLES, { error: `style: choose one of ${CITATION_STYLES.join(', ')}` }),
      )
      .default('apa'),
  })
  .refine((input) => (EXPORTS[input.what] as readonly string[]).includes(input.format), {
    error: (issue) => {
      const input = issue.input as { what: ExportWhat; format: string }
      return `format: ${input.what} export as ${EXPORTS[input.what].join(', ')}, not ${input.format}`
    },
  })
export type ExportInput = z.output<typeof exportInput>
