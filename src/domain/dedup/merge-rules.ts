import type { PairComparison } from './pair-evidence.ts'
import type { CandidateDecision } from './types.ts'

/**
 * The merge rules, in the spirit of ASySD: a pair merges automatically only when a rule built from
 * several agreeing fields accepts it and nothing contradicts it; pairs that look alike but carry a
 * warning sign (another DOI, years apart, an erratum, a conference abstract) go to a reviewer.
 * The first rule that applies decides.
 */

export interface Verdict {
  decision: CandidateDecision
  reason: string
}

const review = (reason: string): Verdict => ({ decision: 'review', reason })
const auto = (reason: string): Verdict => ({ decision: 'auto', reason })

/** Thresholds, named for what they mean to a reviewer. */
const SAME_TITLE = 0.95
const SIMILAR_TITLE = 0.85
const RELATED_TITLE = 0.8
const SAME_AUTHORS = 0.85
const DIFFERENT_AUTHORS = 0.7
const SAME_JOURNAL = 0.9
const DIFFERENT_JOURNAL = 0.8
/** Titles at least this long are specific to one report, not a recurring column's heading. */
const DISTINCTIVE_TITLE_WORDS = 6
/** Pages of a research article, longer than an editor's or a society's recurring column. */
const ARTICLE_PAGES = 3

export function decide(c: PairComparison): Verdict | null {
  const titleSim = c.title?.similarity ?? 0
  const containment = c.title?.containment ?? 0
  const titleUsable = c.title !== null && !c.titleUninformative
  const titlesAlike = (min: number) => titleUsable && titleSim >= min
  const authorsAgree = c.authors !== null && c.authors >= SAME_AUTHORS
  const authorsConflict = c.authors !== null && c.authors < DIFFERENT_AUTHORS
  const sameYear = c.yearGap === 0
  const yearsClose = c.yearGap === null || c.yearGap <= 1
  const journalAgrees = c.journal !== null && c.journal >= SAME_JOURNAL
  // Proceedings are named a dozen ways (acronym, year, ordinal), so only journal names can disagree.
  const journalConflict = c.journal !== null && c.journal < DIFFERENT_JOURNAL && !c.bothConference
  // Where the article sits in the journal. Volume, issue and first page are each weak alone, strong together.
  const located = (c.volume === 1 && (c.firstPage === 1 || c.issue === 1)) || (c.samePageNotFirst && c.volume !== 0)
  const locationConflict = c.volume === 0 || c.issue === 0 || c.pagesDisagree
  const sameId = c.doi === 'same' || c.pmid === 1

  if (c.letterWithinBundle && titleUsable && containment >= 0.9 && yearsClose) {
    // Embase records a letter and the replies printed with it as one item "(multiple letters)"
    // spanning their pages: each letter within those pages is part of that record.
    return auto('One of the letters in a record of several letters printed together')
  }
  if (c.kindsDiffer) {
    // Never automatic, even at the same volume and pages: a reviewer tells "RETRACTED: <title>" (the
    // article itself) from the retraction notice, and a reply printed on the letter's page.
    return titlesAlike(RELATED_TITLE) || containment >= 0.9
      ? review('One record is an erratum, retraction or comment and the other is not')
      : null
  }
  if (c.doi === 'different' || c.doi === 'related' || c.pmid === 0) {
    if (!titlesAlike(SIMILAR_TITLE) || authorsConflict || !yearsClose) return null
    return review(
      c.doi === 'related'
        ? 'The DOIs name versions or parts of one work (preprint, update, supplement)'
        : 'Titles and authors agree but the identifiers differ',
    )
  }
  if (sameId) {
    const titlesAgree = titleUsable ? titleSim >= 0.7 || containment >= 0.9 : c.authors === null || authorsAgree
    if (titlesAgree && yearsClose) return auto(c.doi === 'same' ? 'Same DOI' : 'Same PubMed ID')
    return review('Same identifier, but the titles or years disagree')
  }
  if (!yearsClose) {
    return titlesAlike(SIMILAR_TITLE) && !authorsConflict
      ? review('Same title, but published more than a year apart')
      : null
  }
  if (c.conferenceVsJournal) {
    return titlesAlike(SIMILAR_TITLE) && !authorsConflict
      ? review('A conference item and a journal article with the same title')
      : null
  }
  if (c.titleNumbersDiffer) {
    return titlesAlike(SIMILAR_TITLE) ? review('Titles alike, but their numbers differ') : null
  }

  if (titlesAlike(SAME_TITLE) && authorsAgree && sameYear && !locationConflict && !journalConflict) {
    return auto('Same title, authors and year, and nothing disagrees')
  }
  const sameDistinctiveWork =
    titlesAlike(SAME_TITLE) && c.shorterTitleWords >= DISTINCTIVE_TITLE_WORDS && authorsAgree && sameYear
  if (sameDistinctiveWork && journalAgrees && c.volume !== 0) {
    // A long title, its authors, the journal, the year and the volume all agree; the issue or pages do not.
    if (c.volume === 1 && c.samePageNotFirst) {
      return auto('Same title, authors, journal, volume and first page; only the issue differs')
    }
    // The one-page item is the meeting abstract of the paper, printed in the journal's congress issue, or
    // a notice repeating the title; a recurring column is excluded by the title's length.
    if (c.onePageItem) return auto('Same title, authors, journal and volume; one is a one-page abstract')
  }
  if (
    titlesAlike(SAME_TITLE) &&
    c.shorterTitleWords >= DISTINCTIVE_TITLE_WORDS &&
    authorsAgree &&
    journalAgrees &&
    c.onlineFirst
  ) {
    // Published online in one year, in an issue the next: the online record has no volume yet and its own
    // pages, which the issue's pages replace.
    return auto('Same title, authors and journal; one is the online-first record of the other')
  }
  if (
    titleUsable &&
    (titleSim >= SIMILAR_TITLE || containment >= 0.95) &&
    !authorsConflict &&
    located &&
    !locationConflict
  ) {
    return auto('Similar title at the same place in the same volume')
  }
  if (
    titleUsable &&
    (titleSim >= SIMILAR_TITLE || containment >= 0.95) &&
    authorsAgree &&
    sameYear &&
    c.samePageRange &&
    c.issue === 0 &&
    (c.volume === 1 || (c.volume === null && journalAgrees)) &&
    (c.shorterTitleWords >= DISTINCTIVE_TITLE_WORDS || (c.samePageNotFirst && c.samePageCount >= ARTICLE_PAGES))
  ) {
    // Databases number some issues differently (a supplement, a combined issue, a typo) and some libraries
    // keep another number in the issue field; the whole page range in the same volume (or the same journal
    // when neither gives a volume), with title, authors and year, places the article whatever the issue says.
    // A short title on an issue's first pages may be a column that recurs at the same pages of every issue.
    return auto('Same title, authors, year, volume and pages; only the issue differs')
  }
  if (
    titleUsable &&
    c.authors !== null &&
    c.authors >= 0.93 &&
    sameYear &&
    journalAgrees &&
    c.volume === 1 &&
    c.samePageRange &&
    (c.issue !== 0 || (c.titleTranslated && c.samePageNotFirst && c.samePageCount >= ARTICLE_PAGES))
  ) {
    // A translated title: the same authors, journal, volume and page range are one article. A single
    // page is not enough, because a conference supplement prints several abstracts per page. A journal
    // that paginates each issue prints an author's different articles at the same pages of two issues,
    // so when the issues disagree the title must be MEDLINE's translation ("[…]") and the range an
    // article's, not an issue's opening page or a short column.
    return auto('Same authors, journal, volume and pages; the title is translated')
  }

  if (titlesAlike(SIMILAR_TITLE) && !authorsConflict) return review('Similar titles')
  if (titleUsable && containment >= 0.9 && authorsAgree) return review('One title contains the other')
  if (c.volume === 1 && c.firstPage === 1 && sameYear && authorsAgree) {
    return review(
      titleUsable
        ? 'Same authors, year, volume and pages, but the titles differ'
        : 'No usable title, but same authors, year, volume and pages',
    )
  }
  return null
}
