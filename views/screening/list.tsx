import type { ScreeningListFilters } from '../../src/domain/screening/list-filters.ts'
import type { ScreeningListRow } from '../../src/domain/screening/card.ts'
import type { ScreeningStage } from '../../src/domain/vocabulary.ts'
import { Layout, type ReviewNav } from '../layout.tsx'
import type { PageContext } from '../page.ts'
import { OUTCOME_LABELS, STAGE_TITLES, VERDICT_DONE } from './labels.ts'
import { StageLinks, type StageLinksProps } from './stage-links.tsx'
import { ColumnHeadings } from '../components/column-headings.tsx'

export interface ScreeningListProps {
  page: PageContext
  nav: ReviewNav
  links: StageLinksProps
  stage: ScreeningStage
  base: string
  filters: ScreeningListFilters
  seesOthers: boolean
  sources: { id: number; name: string }[]
  /** The labels in use in the review, with how many records carry each. */
  labelChoices: { label: string; records: number }[]
  /** Each row's labels (shared annotations, never votes). */
  labels: Map<number, string[]>
  rows: ScreeningListRow[]
  nextAfter: number | null
  /** The query string of the current filters, for the "more" link. */
  query: string
}

const MINE_OPTIONS = [
  ['', 'Any'],
  ['none', 'Not voted by me'],
  ['include', 'I included'],
  ['exclude', 'I excluded'],
  ['maybe', 'I said maybe'],
] as const

const OTHERS_OPTIONS = [
  ['', 'Any'],
  ['include', 'Someone else included'],
  ['exclude', 'Someone else excluded'],
  ['maybe', 'Someone else said maybe'],
] as const

/** Every record of the stage, searchable and filterable; a GET form, so it works without JavaScript. */
export function ScreeningListPage(props: ScreeningListProps) {
  const { filters } = props
  return (
    <Layout page={props.page} title={`All records · ${STAGE_TITLES[props.stage]}`} review={props.nav}>
      <h1>All records — {STAGE_TITLES[props.stage].toLowerCase()}</h1>
      <StageLinks {...props.links} />
      <form method='get' action={`${props.base}/list`} class='add-row' role='search'>
        <div class='field'>
          <label for='field-q'>Search title and abstract</label>
          <input id='field-q' name='q' type='search' value={filters.q} maxlength={200} />
        </div>
        <Choice name='mine' label='My vote' value={filters.mine} options={MINE_OPTIONS} />
        {props.seesOthers ? (
          <Choice name='others' label='Others’ votes' value={filters.others} options={OTHERS_OPTIONS} />
        ) : null}
        <Choice
          name='source'
          label='Source'
          value={filters.sourceId === null ? '' : String(filters.sourceId)}
          options={[['', 'Any'], ...props.sources.map((source) => [String(source.id), source.name] as const)]}
        />
        {props.labelChoices.length > 0 ? (
          <Choice
            name='label'
            label='Label'
            value={filters.label}
            options={[
              ['', 'Any'],
              ...props.labelChoices.map((choice) => [choice.label, `${choice.label} (${choice.records})`] as const),
            ]}
          />
        ) : null}
        <div class='field checkbox'>
          <input id='field-unscreened' name='unscreened' type='checkbox' value='1' checked={filters.unscreened} />
          <label for='field-unscreened'>Unscreened only</label>
        </div>
        {props.seesOthers ? (
          <div class='field checkbox'>
            <input id='field-conflicts' name='conflicts' type='checkbox' value='1' checked={filters.conflicts} />
            <label for='field-conflicts'>Conflicts only</label>
          </div>
        ) : null}
        <button type='submit'>Show</button>
      </form>
      {props.rows.length === 0 ? (
        <p>No record matches.</p>
      ) : (
        <table class='screening-list'>
          <ColumnHeadings headings={['Record', 'Title', 'Source', 'My vote', 'Status']} />
          <tbody>
            {props.rows.map((row) => (
              <tr>
                <td>{row.id}</td>
                <td class='title'>
                  <a href={`${props.base}/records/${row.id}`}>{row.title ?? '(no title)'}</a>
                  <span class='muted'>
                    {' '}
                    {row.authors[0] ?? ''}
                    {row.year ? ` ${row.year}` : ''}
                  </span>
                  {(props.labels.get(row.id) ?? []).length > 0 ? (
                    <ul class='label-chips' aria-label='Labels'>
                      {(props.labels.get(row.id) ?? []).map((label) => (
                        <li class='label-chip'>{label}</li>
                      ))}
                    </ul>
                  ) : null}
                </td>
                <td>{row.source}</td>
                <td>{row.myVerdict ? VERDICT_DONE[row.myVerdict] : '—'}</td>
                <td>{OUTCOME_LABELS[row.outcome]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {props.nextAfter !== null ? (
        <p>
          <a href={`${props.base}/list?${props.query}${props.query ? '&' : ''}after=${props.nextAfter}`}>Next page →</a>
        </p>
      ) : null}
    </Layout>
  )
}

function Choice(props: {
  name: string
  label: string
  value: string
  options: readonly (readonly [string, string])[]
}) {
  return (
    <div class='field'>
      <label for={`field-${props.name}`}>{props.label}</label>
      <select id={`field-${props.name}`} name={props.name}>
        {props.options.map(([value, label]) => (
          <option value={value} selected={value === props.value}>
            {label}
          </option>
        ))}
      </select>
    </div>
  )
}
