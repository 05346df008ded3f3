import type { ExtractionField } from '../../db/schema.ts'
import type { FieldValues } from '../../src/domain/extraction/extracted.ts'
import type { IncludedStudy } from '../../src/domain/studies.ts'
import { StudyHeading } from '../appraisal/study-heading.tsx'
import { ErrorSummary, Form, type FormState } from '../components/forms.tsx'
import { BesideFullText, type FullTextFile } from '../components/full-text-pane.tsx'
import { Layout, type ReviewNav } from '../layout.tsx'
import type { PageContext } from '../page.ts'
import { CountryList, ShownValue, ValueInput } from './value-input.tsx'

export interface StudyExtractionProps {
  page: PageContext
  nav: ReviewNav
  study: IncludedStudy
  /** The study's attached PDF, shown beside the form. */
  fullText: FullTextFile | null
  dual: boolean
  canWrite: boolean
  viewerId: number
  entries: FieldValues<ExtractionField>[]
  /** Single extraction: the study's values. Dual: the viewer's own values. */
  form: FormState
  consensusForm: FormState
}

function onForm(entries: readonly FieldValues<ExtractionField>[]) {
  return entries.filter((entry) => entry.field.archivedAt === null)
}

function ValuesForm(props: StudyExtractionProps & { action: string }) {
  const fields = onForm(props.entries)
  if (!props.canWrite) return null
  if (fields.length === 0) {
    return (
      <p class='empty'>
        The characteristics form has no fields yet.{' '}
        <a href={`/reviews/${props.nav.slug}/characteristics/form`}>Set up the form</a>.
      </p>
    )
  }
  return (
    <section aria-labelledby='values-heading'>
      <h2 id='values-heading'>{props.dual ? 'Your extraction' : 'Characteristics'}</h2>
      {props.dual ? (
        <p class='hint'>Dual extraction: your values are compared with the other extractor’s below.</p>
      ) : null}
      <ErrorSummary errors={props.form.errors} />
      <Form action={props.action} csrf={props.page.csrf} class='extraction-form'>
        {fields.map((entry) => (
          <ValueInput field={entry.field} form={props.form} prefix='' />
        ))}
        <button type='submit'>{props.dual ? 'Save my extraction' : 'Save characteristics'}</button>
      </Form>
    </section>
  )
}

function stateLabel(entry: FieldValues<ExtractionField>): string {
  const settled = entry.settled
  if (settled.state === 'settled') return settled.by === 'consensus' ? 'Consensus' : 'Agree'
  return settled.state === 'discrepant' ? 'Discrepancy' : 'Waiting for a second extractor'
}

function Comparison(props: StudyExtractionProps & { action: string }) {
  if (!props.dual) return null
  const fields = onForm(props.entries)
  const extractors = [
    ...new Map(fields.flatMap((entry) => entry.extractors).map((entry) => [entry.extractorId, entry.name])).entries(),
  ]
  const toSettle = fields.filter(
    (entry) => entry.settled.state === 'discrepant' || (entry.recorded !== null && entry.extractors.length > 0),
  )
  return (
    <section aria-labelledby='comparison-heading'>
      <h2 id='comparison-heading'>Extractors compared</h2>
      <table class='extraction-comparison'>
        <thead>
          <tr>
            <th scope='col'>Field</th>
            {extractors.map(([id, name]) => (
              <th scope='col'>{id === props.viewerId ? 'You' : (name ?? 'Former member')}</th>
            ))}
            <th scope='col'>Consensus</th>
            <th scope='col'>State</th>
          </tr>
        </thead>
        <tbody>
          {fields.map((entry) => (
            <tr class={entry.settled.state === 'discrepant' ? 'differs' : undefined} data-field={entry.field.label}>
              <th scope='row'>{entry.field.label}</th>
              {extractors.map(([id]) => (
                <td>
                  <ShownValue
                    field={entry.field}
                    value={entry.extractors.find((value) => value.extractorId === id)?.value ?? null}
                  />
                </td>
              ))}
              <td>
                <ShownValue field={entry.field} value={entry.recorded} />
              </td>
              <td class='state'>{stateLabel(entry)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {props.canWrite && toSettle.length > 0 ? (
        <>
          <h3>Record the consensus</h3>
          <ErrorSummary errors={props.consensusForm.errors} />
          <Form action={`${props.action}/consensus`} csrf={props.page.csrf} class='extraction-form'>
            {toSettle.map((entry) => (
              <>
                <input type='hidden' name='settle' value={String(entry.field.id)} />
                <ValueInput field={entry.field} form={props.consensusForm} prefix='consensus-' />
              </>
            ))}
            <button type='submit'>Save consensus</button>
          </Form>
        </>
      ) : null}
    </section>
  )
}

function Archived({ entries }: { entries: readonly FieldValues<ExtractionField>[] }) {
  const archived = entries.filter((entry) => entry.field.archivedAt !== null)
  if (archived.length === 0) return null
  return (
    <section aria-labelledby='archived-heading' class='archived-fields'>
      <h2 id='archived-heading'>Archived fields</h2>
      <p class='hint'>Fields taken off the form. Their values are kept; an owner can restore a field.</p>
      <dl class='facts'>
        {archived.map((entry) => (
          <>
            <dt>{entry.field.label}</dt>
            <dd>
              <ShownValue
                field={entry.field}
                value={entry.recorded ?? (entry.settled.state === 'settled' ? entry.settled.value : null)}
              />
              {entry.extractors.length > 0 ? (
                <span class='muted'>
                  {' '}
                  (
                  {entry.extractors
                    .map((value) => `${value.name ?? 'former member'}: ${value.value || '—'}`)
                    .join('; ')}
                  )
                </span>
              ) : null}
            </dd>
          </>
        ))}
      </dl>
    </section>
  )
}

export function StudyExtractionPage(props: StudyExtractionProps) {
  const action = `/reviews/${props.nav.slug}/characteristics/${props.study.id}`
  return (
    <Layout page={props.page} title={`Characteristics of ${props.study.label}`} review={props.nav}>
      <p>
        <a href={`/reviews/${props.nav.slug}/characteristics`}>← Characteristics of all studies</a> ·{' '}
        <a href={`/reviews/${props.nav.slug}/studies/${props.study.id}/constructs`}>Constructs of this study</a>
      </p>
      <StudyHeading study={props.study} what='Characteristics' />
      <CountryList />
      <BesideFullText slug={props.nav.slug} file={props.fullText}>
        {/* Plain posts, like the appraisal sheets: a boosted swap of these long forms trips the style-src CSP. */}
        <div hx-boost:inherited='false'>
          <ValuesForm {...props} action={action} />
          <Comparison {...props} action={action} />
        </div>
        {!props.canWrite && !props.dual ? (
          <dl class='facts'>
            {onForm(props.entries).map((entry) => (
              <>
                <dt>{entry.field.label}</dt>
                <dd>
                  <ShownValue field={entry.field} value={entry.recorded} />
                </dd>
              </>
            ))}
          </dl>
        ) : null}
        <Archived entries={props.entries} />
      </BesideFullText>
    </Layout>
  )
}
