import { highlightDifferences, type Segment } from '../../src/domain/dedup/highlight.ts'
import type { EvidenceField } from '../../src/domain/dedup/types.ts'
import type { CandidatePairView, PairRecord } from '../../src/domain/dedup/candidate-pairs.ts'

type ComparedField = EvidenceField | 'abstract'

const FIELDS: readonly { field: ComparedField; label: string; value: (r: PairRecord) => string | null }[] = [
  { field: 'title', label: 'Title', value: (r) => r.title },
  { field: 'authors', label: 'Authors', value: (r) => (r.authors.length > 0 ? r.authors.join('; ') : null) },
  { field: 'year', label: 'Year', value: (r) => (r.year === null ? null : String(r.year)) },
  { field: 'journal', label: 'Journal', value: (r) => r.journal },
  { field: 'volume', label: 'Volume', value: (r) => r.volume },
  { field: 'issue', label: 'Issue', value: (r) => r.issue },
  { field: 'pages', label: 'Pages', value: (r) => r.pages },
  { field: 'doi', label: 'DOI', value: (r) => r.doi },
  { field: 'pmid', label: 'PMID', value: (r) => r.pmid },
  { field: 'publicationType', label: 'Type', value: (r) => r.publicationType },
  { field: 'abstract', label: 'Abstract', value: (r) => r.abstract },
]

/** A value with the words the other record lacks in <mark>; the text itself is escaped by JSX. */
export function Highlighted({ segments }: { segments: Segment[] | null }) {
  if (segments === null) return <span class='muted'>not given</span>
  return <>{segments.map((segment) => (segment.differs ? <mark>{segment.text}</mark> : segment.text))}</>
}

function likeness(similarity: number | null | undefined): string {
  return similarity === null || similarity === undefined ? '' : `${Math.round(similarity * 100)}%`
}

function RecordHeading({ record }: { record: PairRecord }) {
  return (
    <th scope='col'>
      Record {record.id}
      <br />
      <span class='muted'>
        {record.sourceName} · {record.batchFileName}
      </span>
      {record.duplicateOf !== null ? (
        <>
          <br />
          <span class='muted'>already a duplicate of record {record.duplicateOf}</span>
        </>
      ) : null}
    </th>
  )
}

/** The two records of a pair side by side, field by field, differences marked, with deduplication's likeness. */
export function PairComparison({ pair }: { pair: CandidatePairView }) {
  const similarity = new Map(pair.evidence.map((e) => [e.field, e.similarity]))
  return (
    <table class='pair-comparison' id={`pair-${pair.id}`}>
      <thead>
        <tr>
          <th scope='col'>Field</th>
          <RecordHeading record={pair.a} />
          <RecordHeading record={pair.b} />
          <th scope='col'>Likeness</th>
        </tr>
      </thead>
      <tbody>
        {FIELDS.map(({ field, label, value }) => {
          const shown = highlightDifferences(value(pair.a), value(pair.b))
          return (
            <tr>
              <th scope='row'>{label}</th>
              <td>
                <Highlighted segments={shown.a} />
              </td>
              <td>
                <Highlighted segments={shown.b} />
              </td>
              <td>{likeness(similarity.get(field as EvidenceField))}</td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}
