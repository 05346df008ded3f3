import type { SecondOrderConstruct } from '../../db/schema.ts'
import type { FirstOrderConstruct } from '../../db/schema.ts'
import type { LinkedConstruct } from '../../src/domain/constructs/listing.ts'
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

function QuoteFields(props: { form: FormState; idPrefix: string; autofocus?: boolean }) {
  const { values, errors } = props.form
  return (
    <>
      <CompactField
        name='quote'
        label='Quote'
        idPrefix={props.idPrefix}
        value={values['quote'] ?? ''}
        error={errors['quote']}
        multiline
        required
        autofocus={props.autofocus}
      />
      <div class='field-row'>
        <CompactField
          name='page'
          label='Page'
          idPrefix={props.idPrefix}
          value={values['page'] ?? ''}
          error={errors['page']}
          class='short'
        />
        <CompactField
          name='participant'
          label='Participant'
          idPrefix={props.idPrefix}
          value={values['participant'] ?? ''}
          error={errors['participant']}
        />
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
  const linked = new Set((values['quoteIds'] ?? '').split(',').filter(Boolean))
  return (
    <>
      <div class='field-row'>
        <CompactField
          name='label'
          label='Label'
          idPrefix={props.idPrefix}
          value={values['label'] ?? ''}
          error={errors['label']}
          required
          autofocus={props.autofocus}
        />
        <CompactField
          name='page'
          label='Page'
          idPrefix={props.idPrefix}
          value={values['page'] ?? ''}
          error={errors['page']}
          class='short'
        />
      </div>
      <CompactField
        name='description'
        label='Description'
        idPrefix={props.idPrefix}
        value={values['description'] ?? ''}
        error={errors['description']}
        multiline
      />
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
        <div class='row-actions'>
          <MoveButtons
            action={`${base}/quotes/${quote.id}/move`}
            csrf={csrf}
            name={`quote ${index + 1}`}
            first={index === 0}
            last={index === props.quotes.length - 1}
          />
          <details class='inline-edit' open={edit.open}>
            <summary>Edit</summary>
            <InlineForm action={`${base}/quotes/${quote.id}`} csrf={csrf} label={`Edit quote ${index + 1}`}>
              <QuoteFields form={edit.form} idPrefix={`quote-${quote.id}-`} />
              <button type='submit' class='small'>
                Save quote
              </button>
            </InlineForm>
          </details>
          <InlineForm
            action={`${base}/quotes/${quote.id}/delete`}
            csrf={csrf}
            class='inline'
            confirm={`Delete quote ${index + 1}?`}
          >
            <button type='submit' class='small danger'>
              Delete
            </button>
          </InlineForm>
        </div>
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
        <div class='row-actions'>
          <MoveButtons
            action={`${base}/second-order/${construct.id}/move`}
            csrf={csrf}
            name={`construct ${index + 1}`}
            first={index === 0}
            last={index === props.constructs.length - 1}
          />
          <details class='inline-edit' open={edit.open}>
            <summary>Edit</summary>
            <InlineForm
              action={`${base}/second-order/${construct.id}`}
              csrf={csrf}
              label={`Edit construct ${index + 1}`}
            >
              <ConstructFields form={edit.form} idPrefix={`construct-${construct.id}-`} quotes={props.quotes} />
              <button type='submit' class='small'>
                Save construct
              </button>
            </InlineForm>
          </details>
          <InlineForm
            action={`${base}/second-order/${construct.id}/delete`}
            csrf={csrf}
            class='inline'
            confirm={`Delete construct ${index + 1}?`}
          >
            <button type='submit' class='small danger'>
              Delete
            </button>
          </InlineForm>
        </div>
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
