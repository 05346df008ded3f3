/**
 * Decodes the HTML/XML character references that EndNote XML, CSV exports and some RIS titles carry
 * ("&amp;", "&#8211;", "&#x2013;"). Only the named entities that turn up in reference exports are known;
 * anything else is left as written rather than guessed.
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
  auml: 'ä',
  ouml: 'ö',
  uuml: 'ü',
  eacute: 'é',
  egrave: 'è',
  aacute: 'á',
  iacute: 'í',
  oacute: 'ó',
  uacute: 'ú',
  ntilde: 'ñ',
  ccedil: 'ç',
  szlig: 'ß',
}

const ENTITY = /&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,8});/g

export function decodeEntities(text: string): string {
  // Most values have no "&" at all; skip the regex for them (this runs on every field of big files).
  if (!text.includes('&')) return text
  return text.replace(ENTITY, (whole, body: string) => {
    if (body.charCodeAt(0) === 35 /* # */) {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10)
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole
    }
    return NAMED[body] ?? whole
  })
}
