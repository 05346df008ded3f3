import { Layout } from '../layout.tsx'
import type { PageContext } from '../page.ts'

const HEADINGS: Record<number, string> = {
  400: 'That request could not be read',
  401: 'Please sign in',
  403: 'You can’t do that here',
  404: 'Page not found',
  409: 'Already done',
  413: 'That file is too large',
  422: 'Please check what you entered',
  429: 'Too many attempts',
  500: 'Something went wrong',
}

export function errorHeading(status: number): string {
  return HEADINGS[status] ?? (status >= 500 ? 'Something went wrong' : 'That did not work')
}

export function ErrorMessage({ status, message }: { status: number; message: string }) {
  return (
    <section class='error-page' role='alert'>
      <h1>{errorHeading(status)}</h1>
      <p>{message}</p>
      <p>
        <a href='/'>Go to your reviews</a>
      </p>
    </section>
  )
}

export function ErrorPage(props: { page: PageContext; status: number; message: string }) {
  return (
    <Layout page={props.page} title={errorHeading(props.status)}>
      <ErrorMessage status={props.status} message={props.message} />
    </Layout>
  )
}
