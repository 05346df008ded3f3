import { formatTimestamp } from '../../src/domain/text/timestamp.ts'
import type { AuditEvent } from '../../db/schema.ts'
import { Layout, type ReviewNav } from '../layout.tsx'
import type { PageContext } from '../page.ts'

export type ActivityEvent = AuditEvent & { actorName: string | null }

function describeChange(values: Record<string, unknown> | null): string {
  if (!values) return ''
  return Object.entries(values)
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join('; ')
}

function EventRow({ event }: { event: ActivityEvent }) {
  return (
    <tr>
      <td>
        <time datetime={event.at.toISOString()}>{formatTimestamp(event.at)}</time>
      </td>
      <td>{event.actorName ?? 'command line'}</td>
      <td>
        <code>{event.action}</code>
      </td>
      <td>
        {event.entityType} {event.entityId}
      </td>
      <td class='change'>
        {event.before ? <div class='before'>{describeChange(event.before)}</div> : null}
        {event.after ? <div class='after'>{describeChange(event.after)}</div> : null}
      </td>
    </tr>
  )
}

export function ActivityPage(props: {
  page: PageContext
  nav: ReviewNav
  events: ActivityEvent[]
  olderHref: string | null
}) {
  return (
    <Layout page={props.page} title='Activity' review={props.nav}>
      <h1>Activity</h1>
      <p>Every change to this review, newest first: who, when, what, and the values before and after.</p>
      {props.events.length === 0 ? (
        <p class='empty'>Nothing has happened here yet.</p>
      ) : (
        <table class='activity'>
          <thead>
            <tr>
              <th>When (UTC)</th>
              <th>Who</th>
              <th>Action</th>
              <th>On</th>
              <th>Change</th>
            </tr>
          </thead>
          <tbody>
            {props.events.map((event) => (
              <EventRow event={event} />
            ))}
          </tbody>
        </table>
      )}
      {props.olderHref ? (
        <p>
          <a href={props.olderHref} rel='next'>
            Older activity
          </a>
        </p>
      ) : null}
    </Layout>
  )
}
