import type { SynthesisConcept } from '../../db/schema.ts'
import { ErrorSummary, Form, TextArea, TextField, type FormState } from '../components/forms.tsx'
import type { ReviewNav } from '../layout.tsx'
import type { PageContext } from '../page.ts'
import { SynthesisLayout } from './synthesis-layout.tsx'
import { LabelOptions } from '../components/label-options.tsx'

export interface ConceptListing {
  concept: SynthesisConcept
  mappings: number
  studies: number
  thirdOrders: number
}

function ConceptItem(props: {
  listing: ConceptListing
  others: SynthesisConcept[]
  base: string
  page: PageContext
  canEdit: boolean
}) {
  const { concept } = props.listing
  const path = `${props.base}/concepts/${concept.id}`
  return (
    <li id={`concept-${concept.id}`} class='concept'>
      <h2>{concept.label}</h2>
      {concept.description ? <p class='prose'>{concept.description}</p> : null}
      <p class='muted'>
        {props.listing.mappings} construct(s) from {props.listing.studies} stud
        {props.listing.studies === 1 ? 'y' : 'ies'} · used in {props.listing.thirdOrders} third-order construct(s)
      </p>
      {props.canEdit ? (
        <div class='row-actions'>
          <details class='inline-edit'>
            <summary>Rename</summary>
            <Form action={path} csrf={props.page.csrf}>
              <label for={`label-${concept.id}`}>Concept</label>
              <input id={`label-${concept.id}`} name='label' value={concept.label} maxlength={200} required />
              <label for={`description-${concept.id}`}>Description</label>
              <textarea id={`description-${concept.id}`} name='description' rows={3}>
                {concept.description}
              </textarea>
              <button type='submit' class='small'>
                Save
              </button>
            </Form>
          </details>
          {props.others.length > 0 ? (
            <details class='inline-edit'>
              <summary>Merge</summary>
              <Form action={`${path}/merge`} csrf={props.page.csrf}>
                <label for={`into-${concept.id}`}>Merge “{concept.label}” into</label>
                <select id={`into-${concept.id}`} name='into'>
                  <LabelOptions rows={props.others} />
                </select>
                <button type='submit' class='small'>
                  Merge
                </button>
              </Form>
            </details>
          ) : null}
          <a class='button small secondary' href={`${path}/delete`}>
            Delete…
          </a>
        </div>
      ) : null}
    </li>
  )
}

export function ConceptsPage(props: {
  page: PageContext
  nav: ReviewNav
  base: string
  listings: ConceptListing[]
  canEdit: boolean
  form: FormState
}) {
  const concepts = props.listings.map((listing) => listing.concept)
  return (
    <SynthesisLayout page={props.page} nav={props.nav} section='concepts' title='Concepts'>
      <h1>Concepts</h1>
      <p>
        The team’s key concepts: the rows of the <a href={`${props.base}/grid`}>juxtaposition grid</a>, into which each
        study’s second-order constructs are translated.
      </p>
      <ErrorSummary errors={props.form.errors} />
      {props.listings.length === 0 ? <p class='empty'>No concepts yet.</p> : null}
      <ul class='concepts'>
        {props.listings.map((listing) => (
          <ConceptItem
            listing={listing}
            others={concepts.filter((other) => other.id !== listing.concept.id)}
            base={props.base}
            page={props.page}
            canEdit={props.canEdit}
          />
        ))}
      </ul>
      {props.canEdit ? (
        <Form action={`${props.base}/concepts`} csrf={props.page.csrf} class='stacked'>
          <h2>Add a concept</h2>
          <TextField name='label' label='Concept' maxlength={200} form={props.form} required />
          <TextArea
            name='description'
            label='Description'
            hint='What the concept covers, in the team’s words.'
            form={props.form}
          />
          <button type='submit'>Add concept</button>
        </Form>
      ) : null}
    </SynthesisLayout>
  )
}
