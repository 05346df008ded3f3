import type { DedupRecord } from '../../../../src/domain/dedup/index.ts'
import { blankRecord } from '../../../../src/domain/formats/blank-record.ts'

/** A dedup record with every field empty except those given. */
export function citation(id: number, fields: Partial<Omit<DedupRecord, 'id'>>): DedupRecord {
  const { title, authors, year, journal, volume, issue, pages, doi, pmid, abstract, publicationType } = blankRecord(
    '',
    1,
  )
  return { id, title, authors, year, journal, volume, issue, pages, doi, pmid, abstract, publicationType, ...fields }
}

/**
 * A link-worker study as one database exports it (invented; 10.1000 is the DOI Handbook's example
 * prefix). Tests derive the other databases' exports from it.
 */
export const linkWorkerStudy: Omit<DedupRecord, 'id'> = {
  title: 'Holding the threads: a qualitative study of social prescribing link workers in primary care',
  authors: ['Hartley, Anna', 'Okafor, Chidi', 'Nguyen, Thu', 'Brennan, Siobhan'],
  year: 2021,
  journal: 'British Journal of General Practice',
  volume: '71',
  issue: '708',
  pages: 'e512-e520',
  doi: '10.1000/weft.bjgp.2021.0042',
  pmid: '33900001',
  abstract:
    'Background: Link workers connect patients with community support. Aim: To explore how link workers ' +
    'understand their role. Method: Semi-structured interviews with 24 link workers in England.',
  publicationType: 'Journal Article',
}
