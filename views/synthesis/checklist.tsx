import type { ChecklistItem } from '../../src/domain/reporting/checklist-items.ts'
import { EVIDENCE_PAGES, type EvidenceKey } from '../../src/domain/reporting/evidence.ts'
import { CHECKLIST_TITLES, type ReportingChecklist } from '../../src/domain/reporting/vocabulary.ts'
import { ErrorSummary, Form, type FormState } from '../components/forms.tsx'
import type { ReviewNav } from '../layout.tsx'
import type { PageContext } from '../page.ts'
import { DownloadLinks, SynthesisLayout } from './synthesis-layout.tsx'
import { ColumnHeadings } from '../components/column-headings.tsx'

/** Links to the pages of the review that hold the item's evidence, or what each is waiting for. */
export function EvidenceLinks(props: { item: ChecklistItem; reviewBase: string }) {
  if (props.item.evidence.length === 0) return <span class='muted'>Reported in the manuscript only</span>
  return <EvidencePageList keys={props.item.evidence} reviewBase={props.reviewBase} class='evidence' />
}

/** Links to the pages of the review that hold these kinds of evidence. */
export function EvidencePageList(props: { keys: readonly EvidenceKey[]; reviewBase: string; class?: string }) {
  return (
    <ul class={props.class}>
      {props.keys.map((key) => {
        const page = EVIDENCE_PAGES[key]
        return (
          <li>
            <a href={props.reviewBase + page.path}>{page.label}</a>
          </li>
        )
      })}
    </ul>
  )
}

export function ChecklistPage(props: {
  page: PageContext
  nav: ReviewNav
  checklist: ReportingChecklist
  items: readonly ChecklistItem[]
  canEdit: boolean
  form: FormState
}) {
  const reviewBase = `/reviews/${props.nav.slug}`
  const action = `${reviewBase}/synthesis/checklists/${props.checklist}`
  let group = ''
  return (
    <SynthesisLayout
      page={props.page}
      nav={props.nav}
      section={props.checklist}
      title={props.checklist === 'emerge' ? 'eMERGe' : 'ENTREQ'}
    >
      <h1>{CHECKLIST_TITLES[props.checklist]}</h1>
      <p>
        {props.items.length} items. For each, say where the manuscript reports it; the evidence column links to what
        Weft already holds for it.
      </p>
      <DownloadLinks href={`${action}/export`} what='the checklist' />
      <ErrorSummary errors={props.form.errors} />
      <Form action={action} csrf={props.page.csrf}>
        <table class='checklist'>
          <ColumnHeadings headings={['#', 'Item', 'Evidence in Weft', 'Location in manuscript', 'Notes']} />
          <tbody>
            {props.items.map((item) => {
              const header = item.group !== group ? item.group : null
              group = item.group
              return (
                <>
                  {header ? (
                    <tr class='group'>
                      <th colspan={5} scope='colgroup'>
                        {header}
                      </th>
                    </tr>
                  ) : null}
                  <tr id={`item-${item.number}`}>
                    <td>{item.number}</td>
                    <td>
                      <strong>{item.heading}</strong>
                      {item.section ? <span class='muted'> ({item.section})</span> : null}
                      <p class='hint'>{item.asks}</p>
                    </td>
                    <td>
                      <EvidenceLinks item={item} reviewBase={reviewBase} />
                    </td>
                    <td>
                      <input
                        name={`location-${item.number}`}
                        value={props.form.values[`location-${item.number}`] ?? ''}
                        maxlength={500}
                        disabled={!props.canEdit}
                        aria-label={`Item ${item.number}: location in manuscript`}
                      />
                    </td>
                    <td>
                      <textarea
                        name={`notes-${item.number}`}
                        rows={2}
                        disabled={!props.canEdit}
                        aria-label={`Item ${item.number}: notes`}
                      >
                        {props.form.values[`notes-${item.number}`] ?? ''}
                      </textarea>
                    </td>
                  </tr>
                </>
              )
            })}
          </tbody>
        </table>
        {props.canEdit ? <button type='submit'>Save checklist</button> : null}
      </Form>
    </SynthesisLayout>
  )
}
