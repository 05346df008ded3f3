import { ORDER_LABELS, type ConstructOrderFilter } from '../../src/domain/constructs/orders.ts'
import type { ConstructListing } from '../../src/domain/constructs/listing.ts'
import type { IncludedStudy } from '../../src/domain/studies.ts'
import { Layout, type ReviewNav } from '../layout.tsx'
import type { PageContext } from '../page.ts'
import { ColumnHeadings } from '../components/column-headings.tsx'

export function ConstructListPage(props: {
  page: PageContext
  nav: ReviewNav
  query: string
  order: ConstructOrderFilter
  rows: ConstructListing[]
  total: number
  studies: IncludedStudy[]
}) {
  const review = `/reviews/${props.nav.slug}`
  const search = new URLSearchParams({ q: props.query, order: props.order })
  return (
    <Layout page={props.page} title='Constructs' review={props.nav}>
      <h1>Constructs across studies</h1>
      <p>
        Quotes (first-order constructs) and the authors’ interpretations (second-order constructs) of every included
        study.
      </p>
      <h2>Studies</h2>
      {props.studies.length === 0 ? (
        <p class='empty'>No study is included at full text yet.</p>
      ) : (
        <ul class='study-links'>
          {props.studies.map((study) => (
            <li>
              <a href={`${review}/studies/${study.id}/constructs`}>{study.label}</a>
              {study.exclusion ? <span class='muted'> (excluded after appraisal)</span> : null}
            </li>
          ))}
        </ul>
      )}
      <form method='get' action={`${review}/constructs`} class='add-row' role='search'>
        <div class='field'>
          <label for='construct-search'>Search</label>
          <input id='construct-search' name='q' type='search' value={props.query} maxlength={200} />
        </div>
        <div class='field'>
          <label for='construct-order'>Order</label>
          <select id='construct-order' name='order'>
            <option value='all' selected={props.order === 'all'}>
              All constructs
            </option>
            <option value='second' selected={props.order === 'second'}>
              {ORDER_LABELS.second}
            </option>
            <option value='first' selected={props.order === 'first'}>
              {ORDER_LABELS.first}
            </option>
          </select>
        </div>
        <button type='submit'>Search</button>
      </form>
      <p>
        {props.total === props.rows.length
          ? `${props.total} found.`
          : `${props.total} found; the first ${props.rows.length} are shown.`}{' '}
        <a href={`${review}/constructs.csv?${search}`} download>
          Export CSV
        </a>
      </p>
      <table class='construct-listing'>
        <ColumnHeadings headings={['Study', 'Order', 'Construct', 'Participant / description', 'Page', 'Links']} />
        <tbody>
          {props.rows.map((row) => (
            <tr>
              <td>
                <a
                  href={`${review}/studies/${row.studyId}/constructs#${row.order === 'first' ? 'quote' : 'construct'}-${row.id}`}
                >
                  {row.studyLabel}
                </a>
              </td>
              <td>{row.order === 'first' ? '1st' : '2nd'}</td>
              <td class='prose'>{row.order === 'first' ? `“${row.text}”` : <strong>{row.text}</strong>}</td>
              <td class='prose'>{row.detail}</td>
              <td>{row.page}</td>
              <td class='number'>{row.links}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Layout>
  )
}
