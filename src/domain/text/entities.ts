/**
 * Decodes the HTML/XML character references that EndNote XML, CSV exports and some RIS titles carry
 * ("&amp;", "&#8211;", "&#x2013;", "&eacute;"). Only the named entities that turn up in reference exports
 * are known (and every accented letter written the HTML way: "&Uuml;", "&ccedil;"); anything else is left
 * as written rather than guessed.
 */
const NAMED: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  hellip: '…',
  copy: '©',
  reg: '®',
  deg: '°',
  plusmn: '±',
  times: '×',
  micro: 'µ',
  middot: '·',
  alpha: 'α',
  beta: 'β',
  gamma: 'γ',
  delta: 'δ',
  kappa: 'κ',
  lambda: 'λ',
  mu: 'μ',
  chi: 'χ',
  le: '≤',
  ge: '≥',
  ne: '≠',
  szlig: 'ß',
  oslash: 'ø',
  Oslash: 'Ø',
  aelig: 'æ',
  AElig: 'Æ',
  oelig: 'œ',
  OElig: 'Œ',
}

/** HTML's accent names, as the combining mark each adds to the letter before it ("&eacute;" = e + ◌́). */
const ACCENTS: Readonly<Record<string, string>> = {
  acute: '\u0301',
  grave: '\u0300',
  circ: '\u0302',
  tilde: '\u0303',
  uml: '\u0308',
  ring: '\u030a',
  cedil: '\u0327',
}

const ENTITY = /&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,8});/g
const ACCENTED = /^([a-zA-Z])(acute|grave|circ|tilde|uml|ring|cedil)$/

export function decodeEntities(text: string): string {
  // Most values have no "&" at all; skip the regex for them (this runs on every field of big files).
  if (!text.includes('&')) return text
  return text.replace(ENTITY, (whole, body: string) => {
    if (body.charCodeAt(0) === 35 /* # */) {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10)
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole
    }
    const named = NAMED[body]
    if (named !== undefined) return named
    const accented = ACCENTED.exec(body)
    return accented ? `${accented[1]}${ACCENTS[accented[2]!]}`.normalize('NFC') : whole
  })
}
