import { Layout } from '../layout.tsx'
import type { PageContext } from '../page.ts'

/**
 * Asks before a destructive action when the browser could not (no JavaScript): the question, Yes (the same
 * form again, confirmed) and No (back where the reviewer was).
 */
export function ConfirmPage(props: {
  page: PageContext
  question: string
  action: string
  /** The fields the form sent, posted again as they were. */
  fields: [string, string][]
  button: string
  cancel: string
}) {
  return (
    <Layout page={props.page} title='Please confirm'>
      <section class='narrow confirm-step'>
        <h1>Please confirm</h1>
        <p class='question'>{props.question}</p>
        <form method='post' action={props.action}>
          <input type='hidden' name='_csrf' value={props.page.csrf()} />
          {props.fields.map(([name, value]) => (
            <input type='hidden' name={name} value={value} />
          ))}
          <input type='hidden' name='_confirmed' value='yes' />
          <p class='form-actions'>
            <button type='submit' class='danger'>
              {props.button}
            </button>
            <a class='button secondary' href={props.cancel}>
              No, go back
            </a>
          </p>
        </form>
      </section>
    </Layout>
  )
}
