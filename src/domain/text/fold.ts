/**
 * Lower case without accents or compatibility forms, the way searching, highlighting, ranking and
 * deduplication compare words: "Éﬁ" → "efi", "Zürich" → "zurich". Only diacritics go: the vowel signs of
 * other scripts are letters, not accents, and stay.
 */
export function foldAccents(text: string): string {
  // Most titles and abstracts are plain ASCII: lower-casing is all they need.
  if (ASCII.test(text)) return text.toLowerCase()
  return text.normalize('NFKD').replace(DIACRITICS, '').toLowerCase()
}

const ASCII = /^[\x00-\x7f]*$/
/** Unicode's blocks of combining diacritical marks (and their supplements, extensions, half marks). */
const DIACRITICS = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g
