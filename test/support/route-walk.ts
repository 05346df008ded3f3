/**
 * Walks every GET route of the app as one member: the routes come from the Hono route table (so a page
 * added later is walked too), each parameter filled with every value it can take in the database (ids
 * that exist, stages, formats), each page with its filters and exports, as a full page and as an htmx
 * fragment. Returns what each answer said, for a test to search.
 */
import {
  cerqualFindings,
  importBatches,
  records,
  secondOrderConstructs,
  sources,
  studies,
  synthesisConcepts,
  thirdOrderConstructs,
} from '../../db/schema.ts'
import type { Agent, TestWeft } from './app.ts'
import { HTMX_PARTIAL } from './screening.ts'

function parameterValues(weft: TestWeft, slug: string, name: string): string[] {
  const ids = (rows: { id: number }[]) => (rows.length > 0 ? rows.map((row) => String(row.id)) : ['999999'])
  const db = weft.db
  switch (name) {
    case 'slug':
      return [slug]
    case 'stage':
      return ['title-abstract', 'full-text']
    case 'recordId':
      return ids(db.select({ id: records.id }).from(records).all())
    case 'sourceId':
      return ids(db.select({ id: sources.id }).from(sources).all())
    case 'batchId':
      return ids(db.select({ id: importBatches.id }).from(importBatches).all())
    case 'studyId':
      return ids(db.select({ id: studies.id }).from(studies).all())
    case 'conceptId':
      return ids(db.select({ id: synthesisConcepts.id }).from(synthesisConcepts).all())
    case 'secondOrderId':
      return ids(db.select({ id: secondOrderConstructs.id }).from(secondOrderConstructs).all())
    case 'thirdOrderId':
      return ids(db.select({ id: thirdOrderConstructs.id }).from(thirdOrderConstructs).all())
    case 'findingId':
      return ids(db.select({ id: cerqualFindings.id }).from(cerqualFindings).all())
    case 'checklist':
      return ['emerge', 'entreq']
    case 'token':
      // Invitation links are stored only as hashes: the walk opens one nobody was given.
      return ['not-an-invitation-token']
    case 'uploadId':
      // An upload's progress is the uploader's own; the walk asks for one nobody sent.
      return ['walked-upload-id']
    case 'format':
      return ['csv', 'html', 'md', 'markdown', 'txt', 'text', 'json', 'svg', 'ris', 'bibtex']
    default:
      throw new Error(`The route walk does not know how to fill :${name}; add it to parameterValues.`)
  }
}

function expand(weft: TestWeft, slug: string, path: string): string[] {
  const match = /:([A-Za-z]+)/.exec(path)
  if (!match) return [path]
  return parameterValues(weft, slug, match[1]!).flatMap((value) => expand(weft, slug, path.replace(match[0], value)))
}

/** Query strings worth trying on a page: filters, exports and pages that take them. */
function variants(url: string): string[] {
  if (url.endsWith('/report/export')) {
    const out: string[] = []
    for (const what of ['records', 'identified', 'included', 'studies', 'decisions', 'search-log'])
      for (const format of ['csv', 'ris', 'bibtex', 'csljson', 'text', 'html'])
        out.push(`${url}?what=${what}&format=${format}`)
    return out
  }
  if (url.endsWith('/list')) {
    return [
      url,
      ...['include', 'exclude', 'maybe'].map((verdict) => `${url}?others=${verdict}`),
      `${url}?conflicts=1`,
      `${url}?mine=none`,
      `${url}?unscreened=1`,
    ]
  }
  if (url.endsWith('/screening/agreement')) return [url, `${url}?pilot=1`]
  return [url]
}

/** Every URL a GET route of the app answers, filled from the review `slug`. */
export function walkedUrls(weft: TestWeft, slug: string): string[] {
  const paths = new Set<string>()
  for (const route of weft.app.routes) {
    if (route.method !== 'GET' || route.path.startsWith('/assets') || route.path.includes('*')) continue
    paths.add(route.path)
  }
  return [...paths].flatMap((path) => expand(weft, slug, path)).flatMap(variants)
}

export interface WalkedAnswer {
  url: string
  status: number
  body: string
}

/** The answer to every walked URL, as a full page and as an htmx fragment (binary answers left out). */
export async function walkAs(agent: Agent, weft: TestWeft, slug: string): Promise<WalkedAnswer[]> {
  const answers: WalkedAnswer[] = []
  for (const url of walkedUrls(weft, slug)) {
    for (const headers of [{}, HTMX_PARTIAL]) {
      const response = await agent.get(url, headers)
      const type = response.headers.get('content-type') ?? ''
      if (type.startsWith('image/png') || type.startsWith('application/pdf')) continue
      answers.push({
        url: `${url}${headers === HTMX_PARTIAL ? ' (htmx)' : ''}`,
        status: response.status,
        body: await response.text(),
      })
    }
  }
  return answers
}
