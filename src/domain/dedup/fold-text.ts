/**
 * Folding text to the form two exports of the same citation agree on: databases differ in case,
 * punctuation, HTML markup, accents and how they spell Greek letters, never in the words themselves.
 */

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '-',
  mdash: '-',
  rsquo: "'",
  lsquo: "'",
  rdquo: '"',
  ldquo: '"',
  hellip: '...',
  alpha: 'α',
  beta: 'β',
  gamma: 'γ',
  delta: 'δ',
  kappa: 'κ',
  mu: 'μ',
}

/** Greek letters are written as symbols by some databases and spelled out by others ("TNF-α", "TNF-alpha"). */
const GREEK: Record<string, string> = {
  α: 'alpha',
  β: 'beta',
  γ: 'gamma',
  δ: 'delta',
  ε: 'epsilon',
  κ: 'kappa',
  λ: 'lambda',
  μ: 'mu',
  µ: 'mu',
  ω: 'omega',
}

/** Letters that Unicode decomposition leaves alone but transliteration tables spell out. */
const LIGATURES: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ı: 'i' }

const ENTITY = /&(#x[0-9a-f]+|#\d+|[a-z]+);/gi
const TAG = /<\/?[a-z][^>]*>/gi
const COMBINING_MARKS = /[\u0300-\u036f]/g
const GREEK_OR_LIGATURE = /[αβγδεκλμµωßæœøłđı]/g
const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/gu
const ASCII = /^[\x00-\x7f]*$/
const NOT_ASCII_LETTER_OR_DIGIT = /[^a-z0-9]+/g

/** Turns `&amp;`, `&#8217;` and `&eacute;`-style entities back into characters (unknown ones become a space). */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text
  return text.replace(ENTITY, (_whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10)
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : ' '
    }
    const lower = body.toLowerCase()
    const named = NAMED_ENTITIES[lower]
    if (named !== undefined) return named
    // &eacute; &uuml; …: the letter before the accent name is the base letter, which is what folding keeps.
    const accented = /^([a-z])(acute|grave|uml|circ|tilde|cedil|ring|slash)$/.exec(lower)
    return accented?.[1] ?? ' '
  })
}

/** Removes markup such as `<i>…</i>` or `<sup>` that some exports keep in titles. */
export function stripTags(text: string): string {
  return text.includes('<') ? text.replace(TAG, '') : text
}

/**
 * Lower-case words separated by single spaces: no markup, entities, accents or punctuation.
 * Letters of any script survive (a Cyrillic title folds to Cyrillic words).
 */
export function foldText(text: string): string {
  const plain = stripTags(decodeEntities(text)).toLowerCase()
  // Most citations are plain ASCII: skip the Unicode work for them.
  if (ASCII.test(plain)) return plain.replace(NOT_ASCII_LETTER_OR_DIGIT, ' ').trim()
  const spelled = plain.replace(GREEK_OR_LIGATURE, (ch) => GREEK[ch] ?? LIGATURES[ch] ?? ch)
  return spelled.normalize('NFKD').replace(COMBINING_MARKS, '').replace(NOT_LETTER_OR_DIGIT, ' ').trim()
}
