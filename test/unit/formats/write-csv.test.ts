import { describe, expect, it } from 'vitest'
import { csvFile } from '../../../src/domain/formats/write-csv.ts'

describe('csvFile', () => {
  it('starts with the byte-order mark and the headings, then one CRLF line per row', () => {
    expect(
      csvFile(
        ['id', 'title'],
        [
          [1, 'Living with, and beyond'],
          [2, null],
        ],
      ),
    ).toBe('\uFEFFid,title\r\n1,"Living with, and beyond"\r\n2,\r\n')
  })

  it('takes rows from any iterable, so a long history need not be an array first', () => {
    function* rows() {
      yield ['a']
      yield ['b']
    }
    expect(csvFile(['x'], rows())).toBe('\uFEFFx\r\na\r\nb\r\n')
  })

  it('is only the headings when there are no rows', () => {
    expect(csvFile(['id'], [])).toBe('\uFEFFid\r\n')
  })
})
