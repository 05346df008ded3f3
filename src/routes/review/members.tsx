import { Hono, type Context } from 'hono'
import type { FormState } from '../../../views/components/forms.tsx'
import type { NewInvitationLink } from '../../../views/members/invitations.tsx'
import { MembersPage } from '../../../views/members/members.tsx'
import { roleAtLeast } from '../../domain/vocabulary.ts'
import { memberRoleInput, newMemberInput } from '../../input/member-input.ts'
import { afterChange, attempt, type RefusalStatus, submitForm } from '../../http/form-action.ts'
import type { ReviewEnv } from '../../http/env.ts'
import { pageContext } from '../../http/page-context.ts'
import { requireRole } from '../../http/review-access.ts'
import { listPendingInvitations } from '../../store/invitations.ts'
import { addMember, changeMemberRole, listMembers, removeMember } from '../../store/memberships.ts'
import { idParam, reviewNav, reviewPath } from './nav.ts'

export const memberRoutes = new Hono<ReviewEnv>()

export const ADD_MEMBER_DEFAULTS: FormState = { values: { role: 'reviewer' }, errors: {} }

/** The Members page; `created` is an invitation just made, whose link it shows this once. */
export function renderMembers(
  c: Context<ReviewEnv>,
  form: FormState,
  status: 200 | 201 | 404 | 409 | 422,
  created?: NewInvitationLink,
) {
  const { db, now } = c.get('deps')
  const canManage = roleAtLeast(c.get('role'), 'owner')
  return c.render(
    <MembersPage
      page={pageContext(c.var)}
      nav={reviewNav(c, 'members')}
      members={listMembers(db, c.get('review').id)}
      canManage={canManage}
      form={form}
      invitations={canManage ? listPendingInvitations(db, c.get('review').id, now()) : []}
      created={created}
    />,
    { status: status },
  )
}

memberRoutes.get('/', (c) => renderMembers(c, ADD_MEMBER_DEFAULTS, 200))

export const refused = (c: Context<ReviewEnv>) => (form: FormState, status: RefusalStatus) =>
  renderMembers(c, form, status)
/** The role and removal forms sit in the members table: a refusal shows above the add form, kept empty. */
export const refusedInTable = (c: Context<ReviewEnv>) => (form: FormState, status: RefusalStatus) =>
  renderMembers(c, { values: ADD_MEMBER_DEFAULTS.values, errors: form.errors }, status)

memberRoutes.post('/', requireRole('owner'), (c) =>
  submitForm(c, newMemberInput, refused(c), ({ email, role }) => {
    const member = addMember(c.get('deps').db, c.get('review').id, email, role, c.get('user').id)
    return afterChange(c, `${member.name} joined the review as ${member.role}.`, reviewPath(c, '/members'))
  }),
)

memberRoutes.post('/:userId', requireRole('owner'), (c) =>
  submitForm(c, memberRoleInput, refusedInTable(c), ({ role }) => {
    changeMemberRole(c.get('deps').db, c.get('review').id, idParam(c, 'userId'), role, c.get('user').id)
    return afterChange(c, 'Role changed.', reviewPath(c, '/members'))
  }),
)

memberRoutes.post('/:userId/remove', requireRole('owner'), (c) =>
  attempt({}, refusedInTable(c), () => {
    removeMember(c.get('deps').db, c.get('review').id, idParam(c, 'userId'), c.get('user').id)
    return afterChange(c, 'Member removed.', reviewPath(c, '/members'))
  }),
)
