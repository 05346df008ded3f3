/**
 * Windows-1252 decoding. Node's TextDecoder('windows-1252') decodes bytes 0x80–0x9F as C1 control
 * characters (ISO-8859-1), which loses the curly quotes and dashes that Windows exports use there.
 */
import { Buffer } from 'node:buffer'

/** Characters for bytes 0x80–0x9F; the five undefined bytes keep their Latin-1 code points. */
const HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ'

export function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1')
  return latin1.replace(/[\u0080-\u009f]/g, (char) => HIGH[char.charCodeAt(0) - 0x80] ?? char)
}
