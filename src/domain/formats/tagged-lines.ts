/**
 * The engine shared by the line-tagged formats (RIS, PubMed MEDLINE, Web of Science field-tagged):
 * each line either starts with a tag, continues the previous field, or sits outside any record
 * (preambles such as EBSCO's or Ovid's "1." numbering). Each format supplies a TaggedSyntax that
 * says how to read a tag and how to turn a record's fields into a BibliographicRecord.
 */
import type { BibliographicRecord, ParseIssue } from './bibliographic-record.ts'
import { forEachLine } from './lines.ts'
import type { ParseOutput } from './parse-output.ts'

/** A record's fields by tag, in file order; repeated tags keep every value. */
export type TaggedFields = Record<string, string[]>

/** Where readTag puts what it found, reused across lines so scanning allocates nothing extra. */
export interface TagMatch {
  tag: string
  valueAt: number
}

export interface TaggedSyntax {
  /** The format's name in messages ("RIS"). */
  readonly label: string
  /** Reads the tag at the start of `line` into `out`; false when the line has no tag. */
  readTag(line: string, out: TagMatch): boolean
  /** Whether this tag, seen inside an open record, begins the next one. */
  startsNewRecord(tag: string, open: TaggedFields): boolean
  /** The tag that closes a record (RIS and WoS "ER"); null when records end at a blank line. */
  readonly endTag: string | null
  /**
   * Tags that carry nothing when seen outside a record: WoS file headers ("FN", "VR", "EF") and Ovid's
   * "NL" journal line after "ER". Any other tag outside a record opens one, so nothing is lost.
   */
  isFileTag(tag: string): boolean
  /** The tag a record should begin with, for the "record starts with XX" report; null when any tag may. */
  readonly startTag: string | null
  /** WoS author lists put one author per continuation line; everything else wraps one value. */
  continuationIsNewValue(tag: string): boolean
  toRecord(fields: TaggedFields, originalText: string, line: number): BibliographicRecord
}

/** Parses a whole decoded text. */
export function parseTaggedText(text: string, syntax: TaggedSyntax): ParseOutput {
  const records: BibliographicRecord[] = []
  const issues: ParseIssue[] = []
  const parser = new TaggedLineParser(syntax, (record) => records.push(record), issues)
  forEachLine(text, (line, lineNumber) => parser.line(line, lineNumber))
  parser.end()
  return { records, issues }
}

/** Line-at-a-time state machine; feed it with LineSplitter for chunked input. */
export class TaggedLineParser {
  private fields: TaggedFields | null = null
  private raw: string[] = []
  private startLine = 0
  private lastValues: string[] | null = null
  private lastTag = ''
  /** Lines of the current field so far, while it continues over several lines. */
  private wrapped: string[] | null = null
  private recordCount = 0
  private readonly match: TagMatch = { tag: '', valueAt: 0 }

  constructor(
    private readonly syntax: TaggedSyntax,
    private readonly onRecord: (record: BibliographicRecord) => void,
    private readonly issues: ParseIssue[],
  ) {}

  line(text: string, lineNumber: number): void {
    if (isBlank(text)) {
      if (this.fields === null) return
      if (this.syntax.endTag === null) this.close(lineNumber, true)
      else this.raw.push(text)
      return
    }
    if (!this.syntax.readTag(text, this.match)) {
      this.continuation(text)
      return
    }
    this.finishWrapped()
    const { tag, valueAt } = this.match
    if (this.fields === null) {
      // A stray end tag or a file header outside any record carries no data.
      if (this.syntax.isFileTag(tag) || tag === this.syntax.endTag) return
      this.open(tag, lineNumber)
    } else if (this.syntax.startsNewRecord(tag, this.fields)) {
      this.close(lineNumber, false)
      this.open(tag, lineNumber)
    }
    this.raw.push(text)
    if (tag === this.syntax.endTag) {
      this.close(lineNumber, true)
      return
    }
    const fields = this.fields as TaggedFields
    const values = fields[tag] ?? (fields[tag] = [])
    values.push(text.slice(valueAt))
    this.lastValues = values
    this.lastTag = tag
  }

  /** Closes the last record; call once after the last line. */
  end(): void {
    if (this.fields !== null) this.close(0, this.syntax.endTag === null)
  }

  private open(tag: string, lineNumber: number): void {
    this.fields = Object.create(null) as TaggedFields
    this.raw = []
    this.startLine = lineNumber
    this.lastValues = null
    this.wrapped = null
    this.recordCount++
    const { startTag } = this.syntax
    if (startTag !== null && tag !== startTag) {
      this.issues.push({
        line: lineNumber,
        record: this.recordCount,
        message: `${this.syntax.label} record ${this.recordCount} starts with "${tag}" instead of "${startTag}"; read it as a record anyway`,
      })
    }
  }

  private continuation(text: string): void {
    // Untagged text outside a record is a preamble or numbering ("1.", "Provider: …"): not data.
    if (this.fields === null) return
    this.raw.push(text)
    const values = this.lastValues
    if (values === null) return
    const piece = text.trim()
    if (this.syntax.continuationIsNewValue(this.lastTag)) {
      values.push(piece)
    } else if (this.wrapped === null) {
      this.wrapped = [values[values.length - 1] ?? '', piece]
    } else {
      this.wrapped.push(piece)
    }
  }

  /**
   * Joins a wrapped value's lines once, when the field is complete. Appending line by line would build
   * a V8 cons-string, and every later character scan of a 2 KB abstract would walk it slowly.
   */
  private finishWrapped(): void {
    const wrapped = this.wrapped
    const values = this.lastValues
    if (wrapped === null || values === null) return
    values[values.length - 1] = wrapped.join(' ')
    this.wrapped = null
  }

  private close(lineNumber: number, ended: boolean): void {
    this.finishWrapped()
    const fields = this.fields
    if (fields === null) return
    this.fields = null
    const raw = this.raw
    while (raw.length > 0 && isBlank(raw[raw.length - 1] ?? '')) raw.pop()
    const originalText = raw.join('\n')
    this.raw = []
    if (!ended && this.syntax.endTag !== null) {
      this.issues.push({
        line: this.startLine,
        record: this.recordCount,
        message:
          lineNumber > 0
            ? `${this.syntax.label} record ${this.recordCount} has no "${this.syntax.endTag}" line; it was ended at line ${lineNumber} where the next record starts`
            : `${this.syntax.label} record ${this.recordCount} has no "${this.syntax.endTag}" line; it was ended at the end of the file`,
      })
    }
    try {
      this.onRecord(this.syntax.toRecord(fields, originalText, this.startLine))
    } catch (error) {
      // A mapping bug must not lose the file: report it against the record and carry on.
      this.issues.push({
        line: this.startLine,
        record: this.recordCount,
        message: `${this.syntax.label} record ${this.recordCount} could not be read: ${String(error)}`,
      })
    }
  }
}

function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code !== 32 && code !== 9 && code !== 0xa0 && code !== 0xfeff) return false
  }
  return true
}
