/**
 * Streaming counterpart of decodeBytes for files too big to hold twice in memory (a 100,000-record
 * RIS file is ~280 MB). The encoding is chosen from the first chunk; line endings are normalised
 * across chunk boundaries (a "\r" at the end of one chunk and "\n" at the start of the next are one break).
 */
import { decodeAscii, incompleteTailLength, isAsciiBytes } from './ascii-fast-path.ts'
import { normaliseLineEndings, sniffEncoding, type TextEncodingName } from './decode.ts'
import { decodeWindows1252 } from './windows-1252.ts'

const EMPTY = new Uint8Array(0)

export class ChunkDecoder {
  encoding: TextEncodingName | null = null
  /** Set when the file stopped being valid UTF-8 after it had shown real UTF-8 characters. */
  invalidBytesAt: number | null = null
  /**
   * The reader drops the "\r" of "\r\n" itself (LineSplitter does), so Windows line ends can pass
   * through uncopied; only a bare "\r" (old Mac exports) still needs rewriting.
   */
  crlfHandledByReader = false
  private decoder: InstanceType<typeof TextDecoder> | null = null
  /** Bytes of a character cut by the chunk edge, which the TextDecoder is holding. */
  private tail: Uint8Array = EMPTY
  /** A non-ASCII UTF-8 character has been decoded, so the file really is UTF-8. */
  private sawUtf8 = false
  private lenient = false
  private pendingCr = false
  private bytesSeen = 0

  /** Decodes the next chunk; returns the text that is complete so far. */
  push(bytes: Uint8Array): string {
    let chunk = bytes
    if (this.encoding === null) {
      const sniffed = sniffEncoding(bytes)
      this.encoding = sniffed.encoding
      if (sniffed.bom) chunk = bytes.subarray(sniffed.encoding === 'utf-8' ? 3 : 2)
      this.decoder = new TextDecoder(sniffed.encoding, { fatal: sniffed.encoding === 'utf-8', ignoreBOM: true })
    }
    const text = this.decode(chunk)
    this.bytesSeen += bytes.length
    return this.lines(text)
  }

  /** Flushes whatever the decoder still holds (an incomplete character becomes U+FFFD). */
  end(): string {
    if (this.decoder === null) return ''
    let text = ''
    if (this.encoding !== 'windows-1252') {
      try {
        text = this.decoder.decode()
      } catch {
        text = '\ufffd'
      }
    }
    const out = this.lines(text)
    return this.pendingCr ? `${out}\n` : out
  }

  private decode(chunk: Uint8Array): string {
    if (this.encoding === 'windows-1252') return decodeWindows1252(chunk)
    const decoder = this.decoder as InstanceType<typeof TextDecoder>
    if (this.encoding !== 'utf-8') return decoder.decode(chunk, { stream: true })
    // Most chunks of most files are ASCII: decode those the fast way when no cut character is pending.
    if (this.tail.length === 0 && isAsciiBytes(chunk)) return decodeAscii(chunk)
    try {
      const text = decoder.decode(chunk, { stream: true })
      if (!this.sawUtf8 && /[^\u0000-\u007f]/.test(text)) this.sawUtf8 = true
      this.tail = chunk.slice(chunk.length - incompleteTailLength(chunk))
      return text
    } catch {
      const bytes = this.tail.length === 0 ? chunk : concat(this.tail, chunk)
      this.tail = EMPTY
      if (!this.sawUtf8 && !this.lenient) {
        // Everything so far was ASCII, which Windows-1252 reads the same: the file is Windows-1252.
        this.encoding = 'windows-1252'
        return decodeWindows1252(bytes)
      }
      // Real UTF-8 earlier and invalid bytes now (concatenated exports): replace and report.
      this.invalidBytesAt ??= this.bytesSeen
      this.lenient = true
      this.decoder = new TextDecoder('utf-8', { ignoreBOM: true })
      return this.decoder.decode(bytes, { stream: true })
    }
  }

  private lines(text: string): string {
    if (text === '') return ''
    let out = text
    if (this.pendingCr) {
      this.pendingCr = false
      // The held-back "\r" was a line break of its own unless this chunk starts with its "\n".
      if (out.charCodeAt(0) !== 10) out = `\n${out}`
    }
    if (out.endsWith('\r')) {
      this.pendingCr = true
      out = out.slice(0, -1)
    }
    return this.crlfHandledByReader && !hasBareCr(out) ? out : normaliseLineEndings(out)
  }
}

/** A "\r" not followed by "\n". */
function hasBareCr(text: string): boolean {
  for (let at = text.indexOf('\r'); at !== -1; at = text.indexOf('\r', at + 1)) {
    if (text.charCodeAt(at + 1) !== 10) return true
  }
  return false
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length)
  out.set(a)
  out.set(b, a.length)
  return out
}
