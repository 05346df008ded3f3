import type { ThirdOrderConstruct } from '../../db/schema.ts'
import type { ConstructChain } from '../../src/domain/synthesis/chain.ts'
import type { SnapshotConcept } from '../../src/domain/synthesis/snapshot.ts'
import { ErrorSummary, Form, TextArea, TextField, type FormState } from '../components/forms.tsx'
import type { ReviewNav } from '../layout.tsx'
import type { PageContext } from '../page.ts'
import { ChainView } from './chain.tsx'
import { SynthesisLayout } from './synthesis-layout.tsx'

function ConceptChoices(props: {
  concepts: SnapshotConcept[]
  chosen: ReadonlySet<number>
  error?: string | undefined
}) {
  return (
    <fieldset id='field-conceptIds' class={props.error ? 'field-error' : undefined}>
      <legend>Built from the concepts</legend>
      {props.error ? <p class='error-message'>{props.error}</p> : null}
      {props.concepts.length === 0 ? <p class='empty'>No concepts yet.</p> : null}
      {props.concepts.map((concept) => (
        <div class='field checkbox'>
          <input
            type='checkbox'
            id={`concept-choice-${concept.id}`}
            name='conceptIds[]'
            value={String(concept.id)}
            checked={props.chosen.has(concept.id)}
          />
          <label for={`concept-choice-${concept.id}`}>{concept.label}</label>
        </div>
      ))}
    </fieldset>
  )
}

export interface ThirdOrderListing {
  thirdOrder: ThirdOrderConstruct
  concepts: string[]
  studies: number
}

export function ThirdOrderListPage(props: {
  page: PageContext
  nav: ReviewNav
  base: string
  canEdit: boolean
  listings: ThirdOrderListing[]
  concepts: SnapshotConcept[]
  form: FormState
  chosen: ReadonlySet<number>
}) {
  return (
    <SynthesisLayout page={props.page} nav={props.nav} section='third-order' title='Third-order constructs'>
      <h1>Third-order constructs</h1>
      <p>The team’s interpretations, built from concepts. Each one leads back to its constructs, studies and quotes.</p>
      <ErrorSummary errors={props.form.errors} />
      {props.listings.length === 0 ? <p class='empty'>No third-order constructs yet.</p> : null}
      <ul class='third-orders'>
        {props.listings.map((listing) => (
          <li>
            <a href={`${props.base}/third-order/${listing.thirdOrder.id}`}>{listing.thirdOrder.label}</a>{' '}
            <span class='muted'>
              from {listing.concepts.join(', ') || 'no concepts'} · {listing.studies} contributing stud
              {listing.studies === 1 ? 'y' : 'ies'}
            </span>
          </li>
        ))}
      </ul>
      {props.canEdit ? (
        <Form action={`${props.base}/third-order`} csrf={props.page.csrf} class='stacked'>
          <h2>Build a third-order construct</h2>
          <TextField name='label' label='Third-order construct' maxlength={200} form={props.form} required />
          <TextArea
            name='definition'
            label='Definition'
            hint='The interpretation in the team’s words.'
            form={props.form}
          />
          <ConceptChoices concepts={props.concepts} chosen={props.chosen} error={props.form.errors['conceptIds']} />
          <button type='submit'>Add third-order construct</button>
        </Form>
      ) : null}
    </SynthesisLayout>
  )
}

export function ThirdOrderPage(props: {
  page: PageContext
  nav: ReviewNav
  base: string
  canEdit: boolean
  thirdOrder: ThirdOrderConstruct
  chain: ConstructChain
  concepts: SnapshotConcept[]
  chosen: ReadonlySet<number>
  findings: { id: number; summary: string }[]
  form: FormState
}) {
  const path = `${props.base}/third-order/${props.thirdOrder.id}`
  const form: FormState =
    Object.keys(props.form.values).length > 0
      ? props.form
      : {
          values: { label: props.thirdOrder.label, definition: props.thirdOrder.definition },
          errors: props.form.errors,
        }
  return (
    <SynthesisLayout page={props.page} nav={props.nav} section='third-order' title={props.thirdOrder.label}>
      <p class='muted'>Third-order construct</p>
      <h1>{props.thirdOrder.label}</h1>
      {props.thirdOrder.definition ? <p class='prose'>{props.thirdOrder.definition}</p> : null}
      <ChainView chain={props.chain} base={props.base} />
      <h2>CERQual findings resting on it</h2>
      {props.findings.length === 0 ? (
        <p class='empty'>
          None yet. <a href={`${props.base}/findings`}>Add a finding</a>.
        </p>
      ) : (
        <ul>
          {props.findings.map((finding) => (
            <li>
              <a href={`${props.base}/findings/${finding.id}`}>{finding.summary}</a>
            </li>
          ))}
        </ul>
      )}
      {props.canEdit ? (
        <>
          <h2>Edit</h2>
          <ErrorSummary errors={form.errors} />
          <Form action={path} csrf={props.page.csrf} class='stacked'>
            <TextField name='label' label='Third-order construct' maxlength={200} form={form} required />
            <TextArea name='definition' label='Definition' form={form} />
            <ConceptChoices concepts={props.concepts} chosen={props.chosen} error={form.errors['conceptIds']} />
            <button type='submit'>Save</button>
          </Form>
          <p class='danger-zone'>
            <a class='button small secondary' href={`${path}/delete`}>
              Delete…
            </a>
          </p>
        </>
      ) : null}
    </SynthesisLayout>
  )
}
