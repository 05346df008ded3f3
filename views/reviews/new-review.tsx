import type { FormState } from '../components/forms.tsx'
import { Layout } from '../layout.tsx'
import type { PageContext } from '../page.ts'
import { ReviewForm } from './review-form.tsx'

export function NewReviewPage(props: { page: PageContext; form: FormState }) {
  return (
    <Layout page={props.page} title='New review'>
      <h1>New review</h1>
      <p>You can change all of this later from the review’s Protocol page.</p>
      <ReviewForm action='/reviews' csrf={props.page.csrf} form={props.form} submitLabel='Create review' />
    </Layout>
  )
}
