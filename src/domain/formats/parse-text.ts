/** Decoded text + known format → records, by the one parser for that format. */
import { parseBibtex } from './bibtex.ts'
import type { ColumnMapping } from './column-mapping.ts'
import { parseCslJson } from './csl-json.ts'
import { parseDelimited, type DelimitedOutput } from './delimited.ts'
import type { FormatName } from './detect.ts'
import { parseEndnoteTagged } from './endnote-tagged.ts'
import { parseEndnoteXml } from './endnote-xml.ts'
import { parseMedline } from './medline.ts'
import { parseOvid } from './ovid.ts'
import { parsePubmedXml } from './pubmed-xml.ts'
import { parseRis } from './ris.ts'
import { parseWos } from './wos.ts'

export function parseText(text: string, format: FormatName, columnMapping?: ColumnMapping): DelimitedOutput {
  switch (format) {
    case 'ris':
      return parseRis(text)
    case 'medline':
      return parseMedline(text)
    case 'pubmed_xml':
      return parsePubmedXml(text)
    case 'wos':
      return parseWos(text)
    case 'ovid':
      return parseOvid(text)
    case 'endnote_xml':
      return parseEndnoteXml(text)
    case 'endnote_tagged':
      return parseEndnoteTagged(text)
    case 'bibtex':
      return parseBibtex(text)
    case 'csl_json':
      return parseCslJson(text)
    case 'wos_tab':
      return parseDelimited(text, { delimiter: '\t', wos: true, columnMapping })
    case 'tsv':
      return parseDelimited(text, { delimiter: '\t', columnMapping })
    case 'csv':
      return parseDelimited(text, { columnMapping })
    case 'xlsx':
    case 'ods':
      // Spreadsheets are read from their bytes (parseSpreadsheet); text means the file is not one.
      return { records: [], issues: [{ line: 1, message: 'The file is not an XLSX or ODS spreadsheet' }] }
  }
}
