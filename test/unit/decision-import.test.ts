import { describe, expect, it } from 'vitest'
import { MAX_IMPORT_ERRORS, parseDecisionCsv } from '../../src/domain/screening/decision-import.ts'
import { classifyRecordIdentifier } from '../../src/domain/screening/record-identifier.ts'

const bytes = (text: string) => new TextEncoder().encode(text)
const messages = (text: string) => parseDecisionCsv(text).errors.map((e) => e.message)

describe('parseDecisionCsv', () => {
  it('reads every column into a typed row that keeps its line number', () => {
    const csv = [
      'record,stage,reviewer,verdict,reason,note',
      '12,title_abstract,Alice@Example.org,include,,',
      '10.1186/S12916-024-03478-W,full_text,bob@example.org,exclude,Wrong population,checked twice',
      'PMID:38965525,full_text,bob@example.org,not_retrieved,,library had no copy',
    ].join('\n')
    const result = parseDecisionCsv(csv)
    expect(result.errors).toEqual([])
    expect(result.rows).toEqual([
      {
        line: 2,
        record: { kind: 'weft', id: 12 },
        stage: 'title_abstract',
        reviewerEmail: 'alice@example.org',
        verdict: 'include',
        reason: null,
        note: null,
      },
      {
        line: 3,
        record: { kind: 'doi', doi: '10.1186/s12916-024-03478-w' },
        stage: 'full_text',
        reviewerEmail: 'bob@example.org',
        verdict: 'exclude',
        reason: 'Wrong population',
        note: 'checked twice',
      },
      {
        line: 4,
        record: { kind: 'pmid', pmid: '38965525' },
        stage: 'full_text',
        reviewerEmail: 'bob@example.org',
        verdict: 'not_retrieved',
        reason: null,
        note: 'library had no copy',
      },
    ])
  })

  it('takes header names in any case and order, ignores other columns, and reads value spellings loosely', () => {
    const csv = 'Title,NOTE,Verdict,Reviewer,Stage,Record\r\n"A study",,Maybe,alice@example.org,Title/Abstract,7\r\n'
    const [row] = parseDecisionCsv(csv).rows
    expect(row).toMatchObject({ line: 2, record: { kind: 'weft', id: 7 }, stage: 'title_abstract', verdict: 'maybe' })
    expect(
      parseDecisionCsv('record,stage,reviewer,verdict,reason\n7,Full text,a@example.org,Not retrieved,\n').rows[0],
    ).toMatchObject({
      stage: 'full_text',
      verdict: 'not_retrieved',
    })
  })

  it('reads UTF-8 bytes with a BOM and CRLF line ends, and quoted values with commas, quotes and line breaks', () => {
    const csv =
      '\uFEFFrecord,stage,reviewer,verdict,reason,note\r\n5,full_text,zoë@example.org,exclude,"Wrong context, or setting","Said ""no"",\r\nthen left"\r\n6,title_abstract,a@example.org,exclude,,\r\n'
    const result = parseDecisionCsv(bytes(csv))
    expect(result.errors).toEqual([])
    expect(result.rows.map((r) => [r.line, r.reviewerEmail, r.reason, r.note])).toEqual([
      [2, 'zoë@example.org', 'Wrong context, or setting', 'Said "no",\nthen left'],
      [4, 'a@example.org', null, null],
    ])
  })

  it('accepts a doi or pmid column in place of record, taking the first identifier the row has', () => {
    const csv =
      'doi,pmid,stage,reviewer,verdict\n10.1111/hsc.13001,,title_abstract,a@example.org,include\n,123456,title_abstract,a@example.org,exclude\n'
    expect(parseDecisionCsv(csv).rows.map((r) => r.record)).toEqual([
      { kind: 'doi', doi: '10.1111/hsc.13001' },
      { kind: 'pmid', pmid: '123456' },
    ])
  })

  it('names the line and column of every bad value', () => {
    const csv = [
      'record,stage,reviewer,verdict,reason,note',
      ',title_abstract,a@example.org,include,,', //                 2: empty record
      '3,screening,a@example.org,include,,', //                      3: unknown stage
      '4,title_abstract,,include,,', //                              4: empty reviewer
      '5,title_abstract,alice,include,,', //                         5: not an email
      '6,title_abstract,a@example.org,inclde,,', //                  6: unknown verdict
      '7,title_abstract,a@example.org,include,Wrong population,', // 7: reason with include
      '8,title_abstract,a@example.org,not_retrieved,,', //           8: not_retrieved at title/abstract
      '9,full_text,a@example.org,exclude,,', //                      9: full-text exclusion without reason
      '10,title_abstract,a@example.org,exclude,Wrong population,', // 10: reason at title/abstract
      'ten,title_abstract,a@example.org,include,,', //               11: not an identifier
    ].join('\n')
    const result = parseDecisionCsv(csv)
    expect(result.rows).toEqual([])
    expect(result.errors.map((e) => [e.line, e.column])).toEqual([
      [2, 'record'],
      [3, 'stage'],
      [4, 'reviewer'],
      [5, 'reviewer'],
      [6, 'verdict'],
      [7, 'reason'],
      [8, 'verdict'],
      [9, 'reason'],
      [10, 'reason'],
      [11, 'record'],
    ])
    expect(result.errors.map((e) => e.message)).toEqual([
      'Line 2, column “record”: the record is empty.',
      'Line 3, column “stage”: “screening” is not a stage; write title_abstract or full_text.',
      'Line 4, column “reviewer”: the reviewer is empty; write their email address.',
      'Line 5, column “reviewer”: “alice” is not an email address.',
      'Line 6, column “verdict”: “inclde” is not a verdict; write include, exclude, maybe or not_retrieved.',
      'Line 7, column “reason”: a reason goes with exclude only, and this row says include.',
      'Line 8, column “verdict”: not_retrieved belongs to the full_text stage: only a report sought at full text can be not retrieved.',
      'Line 9, column “reason”: a full-text exclusion needs a reason from the review’s list.',
      'Line 10, column “reason”: exclusion reasons are recorded at full text only; put it in the note.',
      'Line 11, column “record”: “ten” is not a Weft record id (digits), a DOI (10.…) or a PMID (PMID:…).',
    ])
  })

  it('counts lines as written, past quoted line breaks, so the error points at the right line', () => {
    const csv =
      'record,stage,reviewer,verdict,note\n1,title_abstract,a@example.org,include,"two\nlines"\n2,title_abstract,a@example.org,yes,\n'
    expect(messages(csv)).toEqual([
      'Line 4, column “verdict”: “yes” is not a verdict; write include, exclude, maybe or not_retrieved.',
    ])
  })

  it('keeps the good rows and reports the bad ones, so the caller can refuse the whole file', () => {
    const result = parseDecisionCsv(
      'record,stage,reviewer,verdict\n1,title_abstract,a@example.org,include\n2,title_abstract,a@example.org,nope\n',
    )
    expect(result.rows.map((r) => r.line)).toEqual([2])
    expect(result.errors.map((e) => e.line)).toEqual([3])
  })

  it('refuses a header without the required columns, or with one twice', () => {
    expect(messages('id,stage,reviewer\n1,title_abstract,a@example.org\n')).toEqual([
      'Line 1: the header has no “record” column (or “doi” or “pmid”); the columns are record, stage, reviewer, verdict, reason, note.',
      'Line 1: the header has no “verdict” column; the columns are record, stage, reviewer, verdict, reason, note.',
    ])
    expect(messages('record,stage,reviewer,verdict,Stage\n')).toEqual([
      'Line 1: the header names the column “stage” twice.',
    ])
  })

  it('refuses an empty file and a file without decisions', () => {
    expect(messages('')).toEqual(['The file is empty; it needs a header row and one row per decision.'])
    expect(messages('\n\n')).toEqual(['The file is empty; it needs a header row and one row per decision.'])
    expect(messages('record,stage,reviewer,verdict\n')).toEqual([
      'Line 1: the file has a header but no decisions below it.',
    ])
  })

  it('refuses a row with more values than columns, which usually means an unquoted comma', () => {
    expect(
      messages('record,stage,reviewer,verdict,note\n1,title_abstract,a@example.org,include,fine, really\n'),
    ).toEqual([
      'Line 2: the row has 6 values but the header has 5 columns; put double quotes around a value that contains a comma.',
    ])
    // Trailing empty values (a trailing comma) are harmless.
    expect(
      parseDecisionCsv('record,stage,reviewer,verdict\n1,title_abstract,a@example.org,include,,\n').errors,
    ).toEqual([])
  })

  it('reports an unclosed quote with its line', () => {
    expect(messages('record,stage,reviewer,verdict,note\n1,title_abstract,a@example.org,include,"open\n')[0]).toBe(
      'Line 2: A quoted cell opened on line 2 is never closed; read to the end of the file.',
    )
  })

  it('reads semicolon-separated files as European spreadsheets save them', () => {
    expect(
      parseDecisionCsv('record;stage;reviewer;verdict\n1;title_abstract;a@example.org;exclude\n').rows[0]?.verdict,
    ).toBe('exclude')
  })

  it('stops listing problems after the limit and says how many more there are', () => {
    const lines = ['record,stage,reviewer,verdict']
    for (let i = 0; i < MAX_IMPORT_ERRORS + 20; i++) lines.push(`${i + 1},title_abstract,a@example.org,bad`)
    const errors = parseDecisionCsv(lines.join('\n')).errors
    expect(errors).toHaveLength(MAX_IMPORT_ERRORS + 1)
    expect(errors.at(-1)?.message).toBe('…and 20 more problems.')
  })
})

describe('classifyRecordIdentifier', () => {
  it('reads "10.", "doi:" and doi.org URLs as DOIs, normalised as imports store them', () => {
    for (const value of [
      '10.1186/S12916-024-03478-W',
      'doi:10.1186/s12916-024-03478-w',
      'https://doi.org/10.1186/s12916-024-03478-W.',
    ]) {
      expect(classifyRecordIdentifier(value)).toEqual({
        ok: true,
        identifier: { kind: 'doi', doi: '10.1186/s12916-024-03478-w' },
      })
    }
  })

  it('reads PMID:, PubMed: and MEDLINE: prefixes as PMIDs', () => {
    for (const value of ['PMID:38965525', 'pmid 38965525', 'PubMed: 38965525', 'MEDLINE:38965525']) {
      expect(classifyRecordIdentifier(value)).toEqual({ ok: true, identifier: { kind: 'pmid', pmid: '38965525' } })
    }
  })

  it('reads bare digits as a Weft id, even eight of them, and bare digits in a pmid column as a PMID', () => {
    expect(classifyRecordIdentifier(' 42 ')).toEqual({ ok: true, identifier: { kind: 'weft', id: 42 } })
    expect(classifyRecordIdentifier('38965525')).toEqual({ ok: true, identifier: { kind: 'weft', id: 38965525 } })
    expect(classifyRecordIdentifier('38965525', 'pmid')).toEqual({
      ok: true,
      identifier: { kind: 'pmid', pmid: '38965525' },
    })
  })

  it('refuses what is none of the three', () => {
    expect(classifyRecordIdentifier('0')).toEqual({ ok: false, error: '“0” is not a Weft record id (ids start at 1)' })
    expect(classifyRecordIdentifier('1234567890')).toEqual({
      ok: false,
      error: '“1234567890” has more digits than a Weft record id (at most 9)',
    })
    expect(classifyRecordIdentifier('10.')).toEqual({
      ok: false,
      error: '“10.” is not a DOI (a DOI starts with 10. and has a /)',
    })
    expect(classifyRecordIdentifier('PMID:123456789')).toEqual({
      ok: false,
      error: '“PMID:123456789” is not a PMID (up to 8 digits)',
    })
    expect(classifyRecordIdentifier('Smith 2020')).toMatchObject({ ok: false })
    expect(classifyRecordIdentifier('38965525', 'doi')).toMatchObject({ ok: false })
  })
})
