import { formatTimestamp } from '../../src/domain/text/timestamp.ts'
import type { AppraisalSheet } from '../../src/domain/appraisal/answers.ts'
import type { AppraiserPlace } from '../../src/domain/appraisal/blinding.ts'
import { ANSWER_LABELS, type AppraisalTool } from '../../src/domain/appraisal/tools.ts'
import type { StoredSheet } from '../../src/domain/appraisal/sheets.ts'
import type { IncludedStudy } from '../../src/domain/studies.ts'
import { ErrorSummary, Form, TextArea, type FormState } from '../components/forms.tsx'
import { BesideFullText, type FullTextFile } from '../components/full-text-pane.tsx'
import { Layout, type ReviewNav } from '../layout.tsx'
import type { PageContext } from '../page.ts'
import { SheetComparison, SheetFields } from './sheet.tsx'
import { StudyHeading } from './study-heading.tsx'

export interface StudyAppraisalProps {
  page: PageContext
  nav: ReviewNav
  study: IncludedStudy
  /** The study's attached PDF, shown beside the sheets. */
  fullText: FullTextFile | null
  tool: AppraisalTool
  judgementLevels: string[]
  canWrite: boolean
  isOwner: boolean
  place: AppraiserPlace
  own: StoredSheet | null
  /** Every independent appraiser's progress (their answers only in `comparison`). */
  appraisers: { name: string | null; finished: boolean; isYou: boolean }[]
  /** Both sheets, once both appraisers have finished. */
  comparison: { sheets: { name: string; sheet: AppraisalSheet }[]; differing: string[] } | null
  consensus: StoredSheet | null
  mayReopen: boolean
  mayRecordConsensus: boolean
  ownForm: FormState
  consensusForm: FormState
  exclusionForm: FormState
}

function Progress(props: StudyAppraisalProps) {
  if (props.appraisers.length === 0) return <p class='empty'>Nobody has started appraising this study yet.</p>
  return (
    <ul class='appraisers'>
      {props.appraisers.map((appraiser) => (
        <li>
          {appraiser.isYou ? 'You' : (appraiser.name ?? 'A former member')}:{' '}
          {appraiser.finished ? 'finished' : 'in progress'}
        </li>
      ))}
    </ul>
  )
}

function OwnSheet(props: StudyAppraisalProps & { action: string }) {
  const { own } = props
  if (!props.canWrite) return null
  if (props.place === 'taken') {
    return (
      <>
        <ErrorSummary errors={props.ownForm.errors} />
        <p class='muted'>This study already has its two appraisers.</p>
      </>
    )
  }
  if (own?.finishedAt) {
    return (
      <section aria-labelledby='own-heading'>
        <h2 id='own-heading'>Your appraisal</h2>
        <ErrorSummary errors={props.ownForm.errors} />
        <p>You finished your appraisal on {formatTimestamp(own.finishedAt)}.</p>
        {props.mayReopen ? (
          <Form action={`${props.action}/reopen`} csrf={props.page.csrf}>
            <button type='submit' class='secondary'>
              Reopen my appraisal
            </button>
            <span class='hint'> Possible until the other appraiser finishes.</span>
          </Form>
        ) : null}
      </section>
    )
  }
  return (
    <section aria-labelledby='own-heading'>
      <h2 id='own-heading'>{own ? 'Your appraisal (draft)' : 'Appraise this study'}</h2>
      <p class='hint'>
        Your answers stay hidden from the other appraiser, and theirs from you, until you have both finished.
        {props.tool.items.some((item) => item.screening)
          ? ' If a screening question (1 or 2) is answered No, the other questions may stay open.'
          : ''}
      </p>
      <ErrorSummary errors={props.ownForm.errors} />
      <Form action={props.action} csrf={props.page.csrf} class='appraisal-sheet'>
        <SheetFields tool={props.tool} judgementLevels={props.judgementLevels} form={props.ownForm} prefix='' />
        <div class='form-actions'>
          <button type='submit' name='action' value='save' class='secondary'>
            Save draft
          </button>
          <button type='submit' name='action' value='finish'>
            Finish appraisal
          </button>
        </div>
      </Form>
    </section>
  )
}

function Consensus(props: StudyAppraisalProps & { action: string }) {
  const { comparison, consensus } = props
  if (!comparison) return null
  const answeredBy = (code: string) =>
    comparison.sheets
      .map(({ name, sheet }) => {
        const answer = sheet.answers[code]?.answer
        return `${name}: ${answer ? ANSWER_LABELS[answer] : '—'}`
      })
      .join(' · ')
  return (
    <section aria-labelledby='consensus-heading'>
      <h2 id='consensus-heading'>Comparison and consensus</h2>
      <p>
        {comparison.differing.length === 0
          ? 'The appraisers agree on every question.'
          : `The appraisers differ on ${comparison.differing.length} of ${props.tool.items.length} questions (marked “Differs”).`}
      </p>
      <SheetComparison tool={props.tool} sheets={comparison.sheets} differing={comparison.differing} />
      {consensus ? (
        <p class='consensus-recorded' role='status'>
          Consensus recorded{consensus.updatedByName ? ` by ${consensus.updatedByName}` : ''} on{' '}
          {formatTimestamp(consensus.updatedAt)}.
        </p>
      ) : null}
      {props.mayRecordConsensus ? (
        <>
          <h3>{consensus ? 'Revise the consensus' : 'Record the consensus'}</h3>
          <ErrorSummary errors={props.consensusForm.errors} />
          <Form action={`${props.action}/consensus`} csrf={props.page.csrf} class='appraisal-sheet consensus-sheet'>
            <SheetFields
              tool={props.tool}
              judgementLevels={props.judgementLevels}
              form={props.consensusForm}
              prefix='consensus-'
              differing={comparison.differing}
              answeredBy={answeredBy}
            />
            <button type='submit'>Save consensus</button>
          </Form>
        </>
      ) : consensus ? (
        <SheetComparison tool={props.tool} sheets={[{ name: 'Consensus', sheet: consensus }]} differing={[]} />
      ) : null}
    </section>
  )
}

function Exclusion(props: StudyAppraisalProps & { action: string }) {
  if (!props.isOwner) return null
  if (props.study.exclusion) {
    return (
      <section class='danger-zone'>
        <Form action={`${props.action}/reinstate`} csrf={props.page.csrf}>
          <button type='submit' class='secondary'>
            Reinstate the study
          </button>
        </Form>
      </section>
    )
  }
  return (
    <section class='danger-zone' aria-labelledby='exclude-heading'>
      <h2 id='exclude-heading'>Exclude after appraisal</h2>
      <p class='hint'>
        A deliberate decision of the team, recorded with its reason; appraisal answers never exclude a study by
        themselves. The study leaves the characteristics table and synthesis, and stays listed here.
      </p>
      <ErrorSummary errors={props.exclusionForm.errors} />
      <Form
        action={`${props.action}/exclude`}
        csrf={props.page.csrf}
        confirm={`Exclude ${props.study.label} after appraisal?`}
      >
        <TextArea name='reason' label='Reason for excluding' form={props.exclusionForm} required />
        <button type='submit' class='danger'>
          Exclude the study
        </button>
      </Form>
    </section>
  )
}

export function StudyAppraisalPage(props: StudyAppraisalProps) {
  const action = `/reviews/${props.nav.slug}/appraisal/${props.study.id}`
  return (
    <Layout page={props.page} title={`Appraisal of ${props.study.label}`} review={props.nav}>
      <p>
        <a href={`/reviews/${props.nav.slug}/appraisal`}>← All studies</a>
      </p>
      <StudyHeading study={props.study} what='Appraisal' />
      <BesideFullText slug={props.nav.slug} file={props.fullText}>
        <p class='muted'>
          {props.tool.name} ({props.tool.version})
        </p>
        <Progress {...props} />
        {/* Plain posts, not boosted: htmx 4.0.1's morph of these long forms after a boosted post copies a style
          attribute onto the text areas, which Chromium refuses under our style-src CSP (console errors). */}
        <div hx-boost:inherited='false'>
          <OwnSheet {...props} action={action} />
          <Consensus {...props} action={action} />
        </div>
        <Exclusion {...props} action={action} />
      </BesideFullText>
    </Layout>
  )
}
