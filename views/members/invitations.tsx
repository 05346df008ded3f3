import { Form } from '../components/forms.tsx'
import { formatTimestamp } from '../../src/domain/text/timestamp.ts'
import type { PageContext } from '../page.ts'

/** An invitation waiting to be used, as the Members and People pages list it. */
export interface PendingInvitation {
  id: number
  reviewSlug: string
  reviewTitle: string
  email: string
  role: string
  invitedBy: string | null
  expiresAt: Date
}

/** An invitation just made: its link is shown this once (only its hash is kept). */
export interface NewInvitationLink {
  url: string
  email: string
  role: string
  expiresAt: Date
}

/** The link to copy and hand over: there is no mail server, so copying it is how the invitation travels. */
export function InvitationLink({ created }: { created: NewInvitationLink }) {
  return (
    <div class='invitation-link' role='status'>
      <p>
        <strong>Invitation for {created.email}</strong> as {created.role}. Copy the link and send it to them (email,
        chat). It works once, until {formatTimestamp(created.expiresAt)} UTC; this page will not show it again.
      </p>
      <p class='copy-row'>
        <label class='visually-hidden' for='invitation-url'>
          Invitation link
        </label>
        <input id='invitation-url' type='text' readonly value={created.url} data-select-on-focus />
        <button type='button' class='secondary' data-copy='#invitation-url' hidden>
          Copy link
        </button>
      </p>
    </div>
  )
}

export function PendingInvitationsTable(props: {
  invitations: PendingInvitation[]
  page: PageContext
  /** Where each row's Withdraw form posts: /…/invitations/:id/revoke. */
  revokeBase: (invitation: PendingInvitation) => string
  showReview?: boolean
}) {
  if (props.invitations.length === 0) return <p class='empty'>No invitation is waiting to be used.</p>
  return (
    <table class='pending-invitations'>
      <thead>
        <tr>
          {props.showReview ? <th>Review</th> : null}
          <th>Invited</th>
          <th>Role</th>
          <th>By</th>
          <th>Expires (UTC)</th>
          <th>
            <span class='visually-hidden'>Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {props.invitations.map((invitation) => (
          <tr>
            {props.showReview ? (
              <td>
                <a href={`/reviews/${invitation.reviewSlug}/members`}>{invitation.reviewTitle}</a>
              </td>
            ) : null}
            <td>{invitation.email}</td>
            <td>{invitation.role}</td>
            <td>{invitation.invitedBy ?? 'A former member'}</td>
            <td>{formatTimestamp(invitation.expiresAt)}</td>
            <td>
              <Form action={props.revokeBase(invitation)} csrf={props.page.csrf} class='inline'>
                <button
                  type='submit'
                  class='small danger'
                  aria-label={`Withdraw the invitation for ${invitation.email}`}
                >
                  Withdraw
                </button>
              </Form>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
