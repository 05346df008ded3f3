/**
 * What kind of item a record is, as far as merging cares. An erratum, a retraction notice or a reply
 * usually repeats the title of the article it belongs to, so title matching alone would merge them:
 * the engine never merges different kinds without a reviewer.
 */

export type PublicationKind = 'article' | 'erratum' | 'retraction' | 'comment'

const ERRATUM_TITLE =
  /^\W*(errat(um|a)|corrigend(um|a)|corrections?\b|(author|publisher)'?s? correction|addend(um|a)\b|notice of correction)/i
const ERRATUM_SUFFIX = /\((erratum|correction|corrigendum)\)\W*$/i
/**
 * A correction notice titled with the article's title and where it appeared: Web of Science writes
 * "… (vol 85, pg 553, 2010)", Embase "… (New England Journal of Medicine (2009) 360 (542-544))", and
 * PsycINFO '"…": Correction' or '"…": Correction to Lee et al. (2014)'.
 */
export const CITED_ARTICLE =
  /\s*\((vol\.? ?\w+,? pg\.? ?\w+,? \d{4}|[^()]+\(\d{4}\)\s*\w+(\s*:\s*\w+)?\s*\([\w\s-]+\))\)\W*$/i
const QUOTED_TITLE_CORRECTION = /["”]\s*:\s*correction\b[^"”]*$/i
const RETRACTION_TITLE =
  /^\W*(retraction|retracted|withdrawn\b|withdrawal\b|expression of concern|notice of retraction|editorial expression of concern)/i
const RETRACTION_SUFFIX = /\((retracted|retraction|withdrawn)( article| publication)?\)\W*$/i
const COMMENT_TITLE =
  /^\W*(comments? (on|to|regarding)\b|commentary on\b|re:|reply\b|in reply\b|response to\b|authors?'? (reply|response)\b|letter to the editor\b)/i
const COMMENT_SUFFIX = /[-:.,;]\s*(reply|response|authors?'? reply|authors?'? response|reply to comment)\W*$/i

/** Notes that databases append to an article's own title; they say nothing about the record's kind. */
const TITLE_NOTES = /\[(erratum|comment|retraction|corrected|update|summary for patients)[^\]]*\]/gi

/** The kind of item, read from the title (databases agree on it) and from strong publication types. */
export function publicationKind(title: string | null, publicationType: string | null): PublicationKind {
  const type = publicationType ?? ''
  if (/errat|correction/i.test(type)) return 'erratum'
  if (/retract|expression of concern/i.test(type)) return 'retraction'
  const t = (title ?? '').replace(TITLE_NOTES, ' ')
  if (ERRATUM_TITLE.test(t) || ERRATUM_SUFFIX.test(t) || CITED_ARTICLE.test(t) || QUOTED_TITLE_CORRECTION.test(t)) {
    return 'erratum'
  }
  if (RETRACTION_TITLE.test(t) || RETRACTION_SUFFIX.test(t)) return 'retraction'
  if (COMMENT_TITLE.test(t) || COMMENT_SUFFIX.test(t)) return 'comment'
  return 'article'
}

const CONFERENCE_TYPE = /conference|congress|meeting|proceeding|symposium|poster|abstract|workshop|^conf$|^cpaper$/i
const JOURNAL_TYPE = /^(article|journal|jour|journal article|research article|review|article-journal)$/i

/**
 * Whether the record is a conference item (abstract or proceedings paper): true, false (a journal
 * article), or null when the record does not say. A conference abstract and the full paper that
 * follows it share title and authors but are different reports for PRISMA.
 * Only the publication type is trusted: a supplement issue holds abstracts and full papers alike.
 */
export function isConferenceItem(publicationType: string | null): boolean | null {
  const type = (publicationType ?? '').trim()
  if (CONFERENCE_TYPE.test(type)) return true
  if (JOURNAL_TYPE.test(type)) return false
  return null
}
