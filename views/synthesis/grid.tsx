import type { Child } from 'hono/jsx'
import type { GridEntry, JuxtapositionGrid } from '../../src/domain/synthesis/grid.ts'
import type { SnapshotConcept, SnapshotConstruct } from '../../src/domain/synthesis/snapshot.ts'
import type { StudyForOrder } from '../../src/domain/synthesis/translation-order.ts'
import type { ReviewNav } from '../layout.tsx'
import type { PageContext } from '../page.ts'
import { DownloadLinks, SynthesisLayout } from './synthesis-layout.tsx'
import { SwapForm } from '../components/swap-form.tsx'
import { LabelOptions } from '../components/label-options.tsx'

export const GRID_ID = 'juxtaposition-grid'

export interface GridProps {
  /** /reviews/:slug/synthesis */
  base: string
  csrf: () => string
  canEdit: boolean
  grid: JuxtapositionGrid
  /** Every construct of each study, for the map menus. */
  constructsByStudy: ReadonlyMap<number, SnapshotConstruct[]>
  notice?: { text: string; refused: boolean } | undefined
}

/** A grid action: a plain post without JavaScript; with htmx it swaps the whole grid for the server's answer. */
function GridForm(props: { action: string; csrf: () => string; children: Child }) {
  return (
    <SwapForm action={props.action} swap={GRID_ID} csrf={props.csrf} class='inline'>
      {props.children}
    </SwapForm>
  )
}

const KIND_BADGE = { reciprocal: null, refutational: 'refutes', untranslatable: 'untranslatable' } as const

function Entry(props: {
  entry: GridEntry
  concept: SnapshotConcept
  base: string
  csrf: () => string
  canEdit: boolean
}) {
  const { construct, mapping } = props.entry
  const badge = KIND_BADGE[mapping.translation]
  return (
    <li class={`grid-entry ${mapping.translation}`} title={mapping.explanation || undefined}>
      <span>{construct.label}</span>
      {badge ? <span class='kind-badge'>{badge}</span> : null}
      {props.canEdit ? (
        <GridForm action={`${props.base}/grid/mappings/${mapping.id}/unmap`} csrf={props.csrf}>
          <button
            type='submit'
            class='small link unmap'
            aria-label={`Unmap “${construct.label}” from “${props.concept.label}”`}
          >
            ×
          </button>
        </GridForm>
      ) : null}
    </li>
  )
}

function Cell(props: GridProps & { concept: SnapshotConcept; study: StudyForOrder; entries: GridEntry[] }) {
  const mapped = new Set(props.entries.map((entry) => entry.construct.id))
  const choices = (props.constructsByStudy.get(props.study.id) ?? []).filter((construct) => !mapped.has(construct.id))
  return (
    <td
      class={props.entries.length === 0 ? 'grid-cell empty-cell' : 'grid-cell'}
      data-study={props.study.label}
      data-concept={props.concept.label}
    >
      {props.entries.length > 0 ? (
        <ul>
          {props.entries.map((entry) => (
            <Entry entry={entry} concept={props.concept} base={props.base} csrf={props.csrf} canEdit={props.canEdit} />
          ))}
        </ul>
      ) : (
        <span class='muted' aria-label='No construct mapped'>
          —
        </span>
      )}
      {props.canEdit && choices.length > 0 ? (
        <GridForm action={`${props.base}/grid/map`} csrf={props.csrf}>
          <input type='hidden' name='conceptId' value={String(props.concept.id)} />
          <select
            name='secondOrderId'
            aria-label={`Map a construct of ${props.study.label} to “${props.concept.label}”`}
          >
            <LabelOptions rows={choices} />
          </select>
          <button type='submit' class='small secondary'>
            Map
          </button>
        </GridForm>
      ) : null}
    </td>
  )
}

/** The grid alone: the fragment htmx swaps after each map or unmap. */
export function Grid(props: GridProps) {
  const { grid } = props
  return (
    <div id={GRID_ID}>
      {props.notice ? (
        <p class={props.notice.refused ? 'notice' : 'flash'} role='status'>
          {props.notice.text}
        </p>
      ) : null}
      {grid.studies.length === 0 ? (
        <p class='empty'>
          No studies yet: the grid fills once studies and their second-order constructs are extracted.
        </p>
      ) : (
        <div class='table-scroll'>
          <table class='juxtaposition-grid'>
            <thead>
              <tr>
                <th scope='col'>Concept</th>
                {grid.studies.map((study) => (
                  <th scope='col'>{study.label}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {grid.rows.map((row) => (
                <tr>
                  <th scope='row'>
                    <a href={`${props.base}/concepts#concept-${row.concept.id}`}>{row.concept.label}</a>
                  </th>
                  {grid.studies.map((study, index) => (
                    <Cell {...props} concept={row.concept} study={study} entries={row.cells[index] ?? []} />
                  ))}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope='row'>Not mapped yet</th>
                {grid.unmapped.map((constructs, index) => (
                  <td class='unmapped'>
                    {grid.constructCounts[index] === 0 ? (
                      <span class='muted'>no constructs yet</span>
                    ) : constructs.length === 0 ? (
                      <span class='muted'>all mapped</span>
                    ) : (
                      constructs.map((c) => <div>{c.label}</div>)
                    )}
                  </td>
                ))}
              </tr>
            </tfoot>
          </table>
        </div>
      )}
      {grid.rows.length === 0 ? (
        <p class='empty'>
          No concepts yet. <a href={`${props.base}/concepts`}>Add the first concept</a>, then map studies’ constructs to
          it here.
        </p>
      ) : null}
    </div>
  )
}

export function GridPage(props: GridProps & { page: PageContext; nav: ReviewNav }) {
  return (
    <SynthesisLayout page={props.page} nav={props.nav} section='grid' title='Juxtaposition grid'>
      <h1>Juxtaposition grid</h1>
      <p>
        Rows are the team’s concepts, columns the studies in <a href={`${props.base}/translation`}>translation order</a>
        ; each cell holds the study’s second-order constructs mapped to the concept. An empty cell means the study is
        silent on it.
      </p>
      <DownloadLinks href={`${props.base}/grid/export`} what='the grid' />
      <Grid {...props} />
    </SynthesisLayout>
  )
}
