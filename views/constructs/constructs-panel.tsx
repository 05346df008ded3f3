import type { SecondOrderConstruct } from '../../db/schema.ts'
import type { FirstOrderConstruct } from '../../db/schema.ts'
import type { LinkedConstruct } from '../../src/domain/constructs/listing.ts'
import type { Child } from 'hono/jsx'
import type { FormState } from '../components/forms.tsx'
import { CompactField, InlineForm, MoveButtons, PANEL_ID } from './inline-form.tsx'

export interface ConstructsPanelProps {
  /** /reviews/:slug/studies/:studyId/constructs */
  base: string
  csrf: () => string
  canEdit: boolean
  quotes: FirstOrderConstruct[]
  constructs: LinkedConstruct<SecondOrderConstruct>[]
  quoteForm: FormState
  constructForm: FormState
  /** An edit that was refused, shown open with what was typed. */
  editing?: { order: 'first' | 'second'; id: number; form: FormState } | undefined
  notice?: { text: string; refused: boolean } | undefined
  /** Which add form gets the cursor after an htmx swap (the next quote or construct). */
  focus?: 'quote' | 'construct' | undefined
}

function excerpt(text: string, length = 110): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text
}

/** What a CompactField of `form` needs for one field: its name, id, value as typed and error. */
function bound(form: FormState, idPrefix: string, name: string) {
  return { name, idPrefix, value: form.values[name] ?? '', error: form.errors[name] }
}

function QuoteFields(props: { form: FormState; idPrefix: string; autofocus?: boolean }) {
  const field = (name: string) => bound(props.form, props.idPrefix, name)
  return (
    <>
      <CompactField {...field('quote')} label='Quote' multiline required autofocus={props.autofocus} />
      <div class='field-row'>
        <CompactField {...field('page')} label='Page' class='short' />
        <CompactField {...field('participant')} label='Participant' />
      </div>
    </>
  )
}

function ConstructFields(props: {
  form: FormState
  idPrefix: string
  quotes: FirstOrderConstruct[]
  autofocus?: boolean
}) {
  const { values, errors } = props.form
  const field = (name: string) => bound(props.form, props.idPrefix, name)
  const linked = new Set((values['quoteIds'] ?? '').split(',').filter(Boolean))
  return (
    <>
      <div class='field-row'>
        <CompactField {...field('label')} label='Label' required autofocus={props.autofocus} />
        <CompactField {...field('page')} label='Page' class='short' />
      </div>
      <CompactField {...field('description')} label='Description' multiline />
      {props.quotes.length > 0 ? (
        <fieldset class={errors['quoteIds'] ? 'quote-links field-error' : 'quote-links'}>
          <legend>Supporting quotes</legend>
          {errors['quoteIds'] ? <p class='error-message'>{errors['quoteIds']}</p> : null}
          {props.quotes.map((quote, index) => (
            <label class='answer-choice'>
              <input type='checkbox' name='quoteIds' value={String(quote.id)} checked={linked.has(String(quote.id))} />Q
              {index + 1} “{excerpt(quote.quote, 70)}”
            </label>
          ))}
        </fieldset>
      ) : null}
    </>
  )
}

function editState(
  props: ConstructsPanelProps,
  order: 'first' | 'second',
  id: number,
  stored: FormState['values'],
): { form: FormState; open: boolean } {
  const refused =
    props.editing && props.editing.order === order && props.editing.id === id ? props.editing.form : undefined
  return { form: refused ?? { values: stored, errors: {} }, open: refused !== undefined }
}

/** Move, edit (its fields are the children) and delete for the `index`th of `count` quotes or constructs. */
function ItemActions(props: {
  /** The item's own address: …/quotes/:id or …/second-order/:id. */
  action: string
  csrf: () => string
  noun: 'quote' | 'construct'
  index: number
  count: number
  editOpen: boolean
  children: Child
}) {
  const name = `${props.noun} ${props.index + 1}`
  return (
    <div class='row-actions'>
      <MoveButtons
        action={`${props.action}/move`}
        csrf={props.csrf}
        name={name}
        first={props.index === 0}
        last={props.index === props.count - 1}
      />
      <details class='inline-edit' open={props.editOpen}>
        <summary>Edit</summary>
        <InlineForm action={props.action} csrf={props.csrf} label={`Edit ${name}`}>
          {props.children}
          <button type='submit' class='small'>
            Save {props.noun}
          </button>
        </InlineForm>
      </details>
      <InlineForm action={`${props.action}/delete`} csrf={props.csrf} class='inline' confirm={`Delete ${name}?`}>
        <button type='submit' class='small danger'>
          Delete
        </button>
      </InlineForm>
    </div>
  )
}

function QuoteItem(props: ConstructsPanelProps & { quote: FirstOrderConstruct; index: number }) {
  const { quote, index, base, csrf } = props
  const supports = props.constructs
    .map((construct, n) => ({ n, construct }))
    .filter(({ construct }) => construct.quoteIds.includes(quote.id))
  const edit = editState(props, 'first', quote.id, {
    quote: quote.quote,
    page: quote.page,
    participant: quote.participant,
  })
  return (
    <li id={`quote-${quote.id}`} class='construct-item'>
      <span class='item-number'>Q{index + 1}</span>
      <blockquote class='prose'>{quote.quote}</blockquote>
      <p class='muted item-meta'>
        {[quote.participant, quote.page ? `p. ${quote.page}` : ''].filter(Boolean).join(' · ') ||
          'No page or participant'}
        {supports.length > 0 ? ` · supports ${supports.map(({ n }) => `C${n + 1}`).join(', ')}` : ''}
      </p>
      {props.canEdit ? (
        <ItemActions
          action={`${base}/quotes/${quote.id}`}
          csrf={csrf}
          noun='quote'
          index={index}
          count={props.quotes.length}
          editOpen={edit.open}
        >
          <QuoteFields form={edit.form} idPrefix={`quote-${quote.id}-`} />
        </ItemActions>
      ) : null}
    </li>
  )
}

function ConstructItem(
  props: ConstructsPanelProps & { construct: LinkedConstruct<SecondOrderConstruct>; index: number },
) {
  const { construct, index, base, csrf } = props
  const linked = construct.quoteIds
    .map((id) => ({ id, n: props.quotes.findIndex((quote) => quote.id === id) }))
    .filter(({ n }) => n >= 0)
  const edit = editState(props, 'second', construct.id, {
    label: construct.label,
    description: construct.description,
    page: construct.page,
    quoteIds: construct.quoteIds.join(','),
  })
  return (
    <li id={`construct-${construct.id}`} class='construct-item'>
      <span class='item-number'>C{index + 1}</span>
      <strong class='construct-label'>{construct.label}</strong>
      {construct.page ? <span class='muted'> p. {construct.page}</span> : null}
      {construct.description ? <p class='prose'>{construct.description}</p> : null}
      {linked.length > 0 ? (
        <ul class='linked-quotes'>
          {linked.map(({ id, n }) => (
            <li>
              <a href={`#quote-${id}`}>Q{n + 1}</a> “{excerpt(props.quotes[n]!.quote)}”
            </li>
          ))}
        </ul>
      ) : (
        <p class='muted'>No supporting quote linked.</p>
      )}
      {props.canEdit ? (
        <ItemActions
          action={`${base}/second-order/${construct.id}`}
          csrf={csrf}
          noun='construct'
          index={index}
          count={props.constructs.length}
          editOpen={edit.open}
        >
          <ConstructFields form={edit.form} idPrefix={`construct-${construct.id}-`} quotes={props.quotes} />
        </ItemActions>
      ) : null}
    </li>
  )
}

/** Quotes and constructs of one study with their forms: the whole page without JavaScript, the swap with htmx. */
export function ConstructsPanel(props: ConstructsPanelProps) {
  return (
    <div id={PANEL_ID} class='constructs-panel'>
      {props.notice ? (
        <p class={props.notice.refused ? 'notice' : 'flash'} role='status'>
          {props.notice.text}
        </p>
      ) : null}
      <section aria-labelledby='quotes-heading'>
        <h2 id='quotes-heading'>First-order constructs (quotes)</h2>
        {props.quotes.length === 0 ? <p class='empty'>No quote yet.</p> : null}
        <ol class='construct-list'>
          {props.quotes.map((quote, index) => (
            <QuoteItem {...props} quote={quote} index={index} />
          ))}
        </ol>
        {props.canEdit ? (
          <InlineForm action={`${props.base}/quotes`} csrf={props.csrf} class='add-quote' label='Add a quote'>
            <h3>Add a quote</h3>
            <QuoteFields form={props.quoteForm} idPrefix='new-quote-' autofocus={props.focus === 'quote'} />
            <button type='submit'>Add quote</button>
            <span class='hint'> Ctrl+Enter (⌘+Enter) adds it from the quote box.</span>
          </InlineForm>
        ) : null}
      </section>
      <section aria-labelledby='concepts-heading'>
        <h2 id='concepts-heading'>Second-order constructs (concept list)</h2>
        {props.constructs.length === 0 ? <p class='empty'>No construct yet.</p> : null}
        <ol class='construct-list'>
          {props.constructs.map((construct, index) => (
            <ConstructItem {...props} construct={construct} index={index} />
          ))}
        </ol>
        {props.canEdit ? (
          <InlineForm
            action={`${props.base}/second-order`}
            csrf={props.csrf}
            class='add-construct'
            label='Add a second-order construct'
          >
            <h3>Add a construct</h3>
            <ConstructFields
              form={props.constructForm}
              idPrefix='new-construct-'
              quotes={props.quotes}
              autofocus={props.focus === 'construct'}
            />
            <button type='submit'>Add construct</button>
          </InlineForm>
        ) : null}
      </section>
    </div>
  )
}
