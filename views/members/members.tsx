import { DangerButton } from '../components/row-actions.tsx'
import { MEMBER_ROLES } from '../../src/domain/vocabulary.ts'
import { ErrorSummary, Form, SelectField, TextField, type FormState } from '../components/forms.tsx'
import { Layout, type ReviewNav } from '../layout.tsx'
import type { PageContext } from '../page.ts'
import {
  InvitationLink,
  PendingInvitationsTable,
  type NewInvitationLink,
  type PendingInvitation,
} from './invitations.tsx'

export interface MemberView {
  userId: number
  name: string
  email: string
  role: string
}

const roleOptions = MEMBER_ROLES.map((role) => ({ value: role, label: role }))

function MemberRow(props: { member: MemberView; base: string; page: PageContext; canManage: boolean }) {
  const { member, page } = props
  const path = `${props.base}/members/${member.userId}`
  return (
    <tr>
      <td>{member.name}</td>
      <td>{member.email}</td>
      <td>
        {props.canManage ? (
          <Form action={path} csrf={page.csrf} class='inline'>
            <label class='visually-hidden' for={`role-${member.userId}`}>
              Role of {member.name}
            </label>
            <select id={`role-${member.userId}`} name='role'>
              {MEMBER_ROLES.map((role) => (
                <option value={role} selected={role === member.role}>
                  {role}
                </option>
              ))}
            </select>
            <button type='submit' class='small'>
              Change role
            </button>
          </Form>
        ) : (
          member.role
        )}
      </td>
      {props.canManage ? (
        <td>
          <DangerButton
            action={`${path}/remove`}
            csrf={page.csrf}
            confirm={`Remove ${member.name} from this review?`}
            confirmButton={`Remove ${member.name}`}
          >
            Remove
          </DangerButton>
        </td>
      ) : null}
    </tr>
  )
}

export function MembersPage(props: {
  page: PageContext
  nav: ReviewNav
  members: MemberView[]
  canManage: boolean
  form: FormState
  invitations: PendingInvitation[]
  /** The invitation just made, whose link is shown this once. */
  created?: NewInvitationLink | undefined
}) {
  const base = `/reviews/${props.nav.slug}`
  return (
    <Layout page={props.page} title='Members' review={props.nav}>
      <h1>Members</h1>
      <p>
        Owners manage the protocol and the team; reviewers screen, appraise and extract; viewers read everything and
        change nothing.
      </p>
      <ErrorSummary errors={props.form.errors} />
      <table class='members'>
        <thead>
          <tr>
            <th>Name</th>
            <th>Email</th>
            <th>Role</th>
            {props.canManage ? (
              <th>
                <span class='visually-hidden'>Actions</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {props.members.map((member) => (
            <MemberRow member={member} base={base} page={props.page} canManage={props.canManage} />
          ))}
        </tbody>
      </table>
      {props.canManage ? (
        <section aria-labelledby='add-heading'>
          <h2 id='add-heading'>Add a co-reviewer</h2>
          <p>
            Someone who has a Weft account can be added at once. For anyone else, make an invitation link: it lets one
            person join in the role you choose, once, within a week. They open it, set their name and password, and are
            in. Weft sends no email: copy the link and send it to them.
          </p>
          {props.created ? <InvitationLink created={props.created} /> : null}
          <Form action={`${base}/members`} csrf={props.page.csrf} class='add-row'>
            <TextField name='email' label='Their email' type='email' required form={props.form} />
            <SelectField name='role' label='Role' options={roleOptions} form={props.form} />
            <button type='submit'>Add now</button>
            <button type='submit' class='secondary' formaction={`${base}/invitations`}>
              Make an invitation link
            </button>
          </Form>
          <h3>Invitations waiting to be used</h3>
          <PendingInvitationsTable
            invitations={props.invitations}
            page={props.page}
            revokeBase={(invitation) => `${base}/invitations/${invitation.id}/revoke`}
          />
        </section>
      ) : null}
    </Layout>
  )
}
