/**
 * Line iteration without splitting the whole file into an array: one substring per line, found with
 * indexOf, so a 280 MB export costs one pass and no second copy.
 */
export type LineHandler = (line: string, lineNumber: number) => void

/** Calls `onLine` for every line of a decoded text, numbering from 1. A final empty line is skipped. */
export function forEachLine(text: string, onLine: LineHandler): void {
  const splitter = new LineSplitter(onLine)
  splitter.push(text)
  splitter.end()
}

/** Feeds lines to a handler from text that arrives in chunks; a line cut by a chunk edge is held back. */
export class LineSplitter {
  private carry = ''
  private lineNumber = 1

  constructor(private readonly onLine: LineHandler) {}

  push(chunk: string): void {
    const text = this.carry === '' ? chunk : this.carry + chunk
    let start = 0
    for (;;) {
      const end = text.indexOf('\n', start)
      if (end === -1) break
      this.emit(text, start, end)
      start = end + 1
    }
    this.carry = start === 0 ? text : text.slice(start)
  }

  end(): void {
    if (this.carry !== '') this.emit(this.carry, 0, this.carry.length)
    this.carry = ''
  }

  private emit(text: string, start: number, end: number): void {
    // "\r\n" arrives here from text that did not go through decodeBytes, and from ChunkDecoder, which
    // leaves Windows line ends for this to drop rather than copy every chunk to rewrite them.
    const stop = end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end
    this.onLine(text.slice(start, stop), this.lineNumber++)
  }
}

/** 1-based line of a character offset, counted forward only (records come in order). */
export class LineCounter {
  private offset = 0
  private line = 1

  constructor(private readonly text: string) {}

  lineAt(position: number): number {
    if (position < this.offset) {
      this.offset = 0
      this.line = 1
    }
    let at = this.text.indexOf('\n', this.offset)
    while (at !== -1 && at < position) {
      this.line++
      at = this.text.indexOf('\n', at + 1)
    }
    this.offset = position
    return this.line
  }
}
