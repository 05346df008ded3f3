import { SCREENING_STAGE_LABELS, SCREENING_STAGES, type ScreeningAllocation } from '../../src/domain/vocabulary.ts'
import { Form, SelectField, TextField, type FormState } from '../components/forms.tsx'
import { Layout, type ReviewNav } from '../layout.tsx'
import type { PageContext } from '../page.ts'
import { StageLinks, type StageLinksProps } from './stage-links.tsx'
import { ColumnHeadings } from '../components/column-headings.tsx'

export interface AllocationPageProps {
  page: PageContext
  nav: ReviewNav
  links: StageLinksProps
  base: string
  allocation: ScreeningAllocation
  screeners: { userId: number; name: string; assigned: { title_abstract: number; full_text: number } }[]
  thirdReviewerId: number | null
  pilot: { active: boolean; size: number; screenedBy: { name: string; screened: number }[] }
  forms: { thirdReviewer: FormState; batch: FormState; pilot: FormState }
}

/** The owner's screening tools: who resolves conflicts, batches per reviewer, and the pilot round. */
export function AllocationPage(props: AllocationPageProps) {
  const screenerOptions = props.screeners.map((member) => ({ value: String(member.userId), label: member.name }))
  return (
    <Layout page={props.page} title='Allocation and pilot' review={props.nav}>
      <h1>Allocation and pilot round</h1>
      <StageLinks {...props.links} />
      <section aria-labelledby='third-reviewer'>
        <h2 id='third-reviewer'>Third reviewer</h2>
        <p>Owners resolve conflicts. You may also name one reviewer who resolves them.</p>
        <Form action={`${props.base}/third-reviewer`} csrf={props.page.csrf}>
          <SelectField
            name='userId'
            label='Resolves conflicts besides the owners'
            options={[{ value: '', label: 'Nobody else' }, ...screenerOptions]}
            form={props.forms.thirdReviewer}
          />
          <button type='submit'>Save</button>
        </Form>
      </section>
      <section aria-labelledby='batches'>
        <h2 id='batches'>Batches</h2>
        <p>
          {props.allocation === 'assigned'
            ? 'This review uses assigned batches: each reviewer screens only the records assigned to them.'
            : 'This review uses an open pool: each reviewer takes the next record that still needs votes. (Choose assigned batches on the protocol page.)'}
        </p>
        <table>
          <ColumnHeadings headings={['Reviewer', 'Assigned at title/abstract', 'Assigned at full text']} />
          <tbody>
            {props.screeners.map((member) => (
              <tr>
                <td>{member.name}</td>
                <td>{member.assigned.title_abstract.toLocaleString('en')}</td>
                <td>{member.assigned.full_text.toLocaleString('en')}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <Form action={`${props.base}/batches`} csrf={props.page.csrf}>
          <SelectField name='userId' label='Reviewer' options={screenerOptions} form={props.forms.batch} />
          <SelectField
            name='stage'
            label='Stage'
            options={SCREENING_STAGES.map((stage) => ({ value: stage, label: SCREENING_STAGE_LABELS[stage] }))}
            form={props.forms.batch}
          />
          <TextField name='size' label='Number of records' inputmode='numeric' form={props.forms.batch} />
          <button type='submit'>Assign batch</button>
        </Form>
      </section>
      <section aria-labelledby='pilot'>
        <h2 id='pilot'>Pilot round</h2>
        {props.pilot.active ? (
          <>
            <p>
              A pilot of {props.pilot.size.toLocaleString('en')} records is running: everyone screens these first.{' '}
              <a href={`${props.links.reviewBase}/screening/agreement?pilot=1`}>See the pilot’s agreement (kappa)</a>.
            </p>
            <ul>
              {props.pilot.screenedBy.map((entry) => (
                <li>
                  {entry.name}: {entry.screened} of {props.pilot.size} screened
                </li>
              ))}
            </ul>
            <Form
              action={`${props.base}/pilot/end`}
              csrf={props.page.csrf}
              confirm='End the pilot and start full screening?'
            >
              <button type='submit'>End the pilot and start full screening</button>
            </Form>
          </>
        ) : (
          <Form action={`${props.base}/pilot`} csrf={props.page.csrf}>
            <p>
              Draw a random sample of title/abstract records for everyone to screen first; check agreement before full
              screening.
            </p>
            <TextField name='size' label='Sample size' inputmode='numeric' form={props.forms.pilot} />
            <button type='submit'>Start the pilot round</button>
          </Form>
        )}
      </section>
    </Layout>
  )
}
