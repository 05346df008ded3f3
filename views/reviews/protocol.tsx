import type { Review } from '../../db/schema.ts'
import { PRISMA_TEMPLATE_LABELS } from '../../src/domain/vocabulary.ts'
import type { FormState } from '../components/forms.tsx'
import { Layout, type ReviewNav } from '../layout.tsx'
import type { PageContext } from '../page.ts'
import { PROTOCOL_SECTIONS } from './protocol-sections.ts'
import { ReviewForm } from './review-form.tsx'

function Entry({ term, text }: { term: string; text: string }) {
  return (
    <>
      <dt>{term}</dt>
      <dd class='prose'>{text || <span class='muted'>not given</span>}</dd>
    </>
  )
}

/** The protocol as every member reads it; owners also get the link to edit it. */
export function ProtocolPage(props: { page: PageContext; nav: ReviewNav; review: Review; canEdit: boolean }) {
  const { review } = props
  const base = `/reviews/${review.slug}`
  return (
    <Layout page={props.page} title='Protocol' review={props.nav}>
      <div class='page-heading'>
        <h1>Protocol</h1>
        {props.canEdit ? (
          <a class='button' href={`${base}/protocol/edit`}>
            Edit protocol
          </a>
        ) : null}
      </div>
      <dl class='protocol'>
        <Entry term='Review question' text={review.question} />
        <Entry term='Registration id' text={review.registrationId} />
      </dl>
      {PROTOCOL_SECTIONS.map((section) => (
        <>
          <h2>{section.heading}</h2>
          <dl class='protocol'>
            {section.fields.map(([field, label]) => (
              <Entry term={label} text={review[field]} />
            ))}
          </dl>
        </>
      ))}
      <h2>Reporting and screening</h2>
      <dl class='protocol'>
        <Entry term='PRISMA 2020 flow diagram' text={PRISMA_TEMPLATE_LABELS[review.prismaTemplate]} />
        <Entry term='Reviewers per record' text={String(review.reviewersPerRecord)} />
        <Entry term='Blind screening' text={review.blindScreening ? 'Yes' : 'No'} />
      </dl>
      <p>
        <a href={`${base}/exclusion-reasons`}>Full-text exclusion reasons</a>
      </p>
    </Layout>
  )
}

export function EditProtocolPage(props: { page: PageContext; nav: ReviewNav; slug: string; form: FormState }) {
  return (
    <Layout page={props.page} title='Edit protocol' review={props.nav}>
      <h1>Edit protocol</h1>
      <ReviewForm
        action={`/reviews/${props.slug}/protocol`}
        csrf={props.page.csrf}
        form={props.form}
        submitLabel='Save protocol'
      />
    </Layout>
  )
}
