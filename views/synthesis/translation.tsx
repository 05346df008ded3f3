import type { SimpleTable } from '../../src/domain/synthesis/simple-table.ts'
import type { JuxtapositionGrid } from '../../src/domain/synthesis/grid.ts'
import type { StudyForOrder, TranslationOrderSetting } from '../../src/domain/synthesis/translation-order.ts'
import {
  TRANSLATION_KIND_LABELS,
  TRANSLATION_KINDS,
  TRANSLATION_ORDER_KINDS,
  TRANSLATION_ORDER_LABELS,
} from '../../src/domain/synthesis/vocabulary.ts'
import { ErrorSummary, Form, type FormState } from '../components/forms.tsx'
import type { ReviewNav } from '../layout.tsx'
import type { PageContext } from '../page.ts'
import { TableView } from './simple-table.tsx'
import { DownloadLinks, SynthesisLayout } from './synthesis-layout.tsx'
import { LabelOptions } from '../components/label-options.tsx'

export interface TranslationPageProps {
  page: PageContext
  nav: ReviewNav
  base: string
  canEdit: boolean
  setting: TranslationOrderSetting
  rationale: string
  /** In translation order. */
  studies: StudyForOrder[]
  grid: JuxtapositionGrid
  britten: SimpleTable
  chain: SimpleTable
  form: FormState
}

function OrderForm(props: TranslationPageProps) {
  const { setting, studies } = props
  const values = props.form.values
  const kind = values['kind'] ?? setting.kind
  const indexStudy = values['indexStudyId'] ?? String(setting.indexStudyId ?? '')
  return (
    <Form action={`${props.base}/translation/order`} csrf={props.page.csrf} class='translation-order'>
      <fieldset>
        <legend>Order of translation</legend>
        {TRANSLATION_ORDER_KINDS.map((option) => (
          <div class='field checkbox'>
            <input type='radio' id={`kind-${option}`} name='kind' value={option} checked={kind === option} />
            <label for={`kind-${option}`}>{TRANSLATION_ORDER_LABELS[option]}</label>
          </div>
        ))}
        <div class='field'>
          <label for='field-indexStudyId'>Index study</label>
          <select id='field-indexStudyId' name='indexStudyId'>
            <option value=''>(none)</option>
            <LabelOptions rows={studies} selected={indexStudy} />
          </select>
        </div>
        <details open={kind === 'custom'}>
          <summary>Custom order: each study’s place (1 is first)</summary>
          <table class='custom-order'>
            {studies.map((study, index) => (
              <tr>
                <td>
                  <label for={`place-${study.id}`}>{study.label}</label>
                </td>
                <td>
                  <input
                    id={`place-${study.id}`}
                    name={`place-${study.id}`}
                    inputmode='numeric'
                    size={4}
                    value={values[`place-${study.id}`] ?? (setting.kind === 'custom' ? String(index + 1) : '')}
                  />
                </td>
              </tr>
            ))}
          </table>
        </details>
        <div class='field'>
          <label for='field-rationale'>Rationale</label>
          <p class='hint'>
            Why this order (eMERGe items 11 and 13): e.g. the index study is the most conceptually rich.
          </p>
          <textarea id='field-rationale' name='rationale' rows={3}>
            {values['rationale'] ?? props.rationale}
          </textarea>
        </div>
        <button type='submit'>Save order</button>
      </fieldset>
    </Form>
  )
}

function MappingForms(props: TranslationPageProps) {
  const rows = props.grid.rows.filter((row) => row.cells.some((cell) => cell.length > 0))
  if (rows.length === 0) return <p class='empty'>Nothing mapped yet: map constructs in the grid first.</p>
  return (
    <>
      {rows.map((row) => (
        <section class='translation-concept'>
          <h3>{row.concept.label}</h3>
          <ul class='translations'>
            {row.cells.flatMap((cell, index) =>
              cell.map(({ mapping, construct }) => (
                <li id={`mapping-${mapping.id}`}>
                  <strong>{props.grid.studies[index]?.label}</strong>: {construct.label}
                  {props.canEdit ? (
                    <Form
                      action={`${props.base}/translation/mappings/${mapping.id}`}
                      csrf={props.page.csrf}
                      class='translation-form'
                    >
                      <select
                        name='translation'
                        aria-label={`How “${construct.label}” translates into “${row.concept.label}”`}
                      >
                        {TRANSLATION_KINDS.map((kind) => (
                          <option value={kind} selected={kind === mapping.translation}>
                            {TRANSLATION_KIND_LABELS[kind]}
                          </option>
                        ))}
                      </select>
                      <input
                        name='explanation'
                        value={mapping.explanation}
                        maxlength={5000}
                        placeholder='Explanation (required for a refutation)'
                        aria-label={`Explanation for “${construct.label}”`}
                      />
                      <button type='submit' class='small'>
                        Save
                      </button>
                    </Form>
                  ) : (
                    <span>
                      {' '}
                      — {TRANSLATION_KIND_LABELS[mapping.translation]}
                      {mapping.explanation ? `: ${mapping.explanation}` : ''}
                    </span>
                  )}
                </li>
              )),
            )}
          </ul>
        </section>
      ))}
    </>
  )
}

export function TranslationPage(props: TranslationPageProps) {
  return (
    <SynthesisLayout page={props.page} nav={props.nav} section='translation' title='Translation'>
      <h1>Translating studies into one another</h1>
      <ErrorSummary errors={props.form.errors} />
      <h2>Translation order</h2>
      <p>
        Now: <strong>{TRANSLATION_ORDER_LABELS[props.setting.kind]}</strong> —{' '}
        {props.studies.map((study) => study.label).join(' → ') || 'no studies yet'}
      </p>
      {props.rationale ? <p class='prose'>{props.rationale}</p> : null}
      {props.canEdit ? <OrderForm {...props} /> : null}
      <h2>How each construct translates</h2>
      <MappingForms {...props} />
      <h2>Translation table: concepts × studies</h2>
      <DownloadLinks href={`${props.base}/translation/britten`} what='this table' />
      <TableView table={props.britten} id='britten-table' />
      <h2>Translation table: construct chain</h2>
      <DownloadLinks href={`${props.base}/translation/chain`} what='this table' />
      <TableView table={props.chain} id='chain-table' />
    </SynthesisLayout>
  )
}
