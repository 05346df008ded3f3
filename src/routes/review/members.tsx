import { Hono, type Context } from 'hono'
import type { FormState } from '../../../views/components/forms.tsx'
import type { NewInvitationLink } from '../../../views/members/invitations.tsx'
import { MembersPage } from '../../../views/members/members.tsx'
import { roleAtLeast } from '../../domain/vocabulary.ts'
import { formValues, validate } from '../../input/form.ts'
import { memberRoleInput, newMemberInput } from '../../input/member-input.ts'
import type { ReviewEnv } from '../../http/env.ts'
import { setFlash } from '../../http/flash.ts'
import { conflictAsFormState } from '../../http/form-state.ts'
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

memberRoutes.post('/', requireRole('owner'), async (c) => {
  const values = formValues(await c.req.parseBody())
  const input = validate(newMemberInput, values)
  if (!input.ok) return renderMembers(c, input, 422)
  try {
    const member = addMember(
      c.get('deps').db,
      c.get('review').id,
      input.value.email,
      input.value.role,
      c.get('user').id,
    )
    setFlash(c, `${member.name} joined the review as ${member.role}.`)
    return c.redirect(reviewPath(c, '/members'), 303)
  } catch (error) {
    return renderMembers(c, conflictAsFormState(error, values), 422)
  }
})

memberRoutes.post('/:userId', requireRole('owner'), async (c) => {
  const values = formValues(await c.req.parseBody())
  const input = validate(memberRoleInput, values)
  if (!input.ok) return renderMembers(c, { values: ADD_MEMBER_DEFAULTS.values, errors: input.errors }, 422)
  try {
    changeMemberRole(c.get('deps').db, c.get('review').id, idParam(c, 'userId'), input.value.role, c.get('user').id)
    setFlash(c, 'Role changed.')
    return c.redirect(reviewPath(c, '/members'), 303)
  } catch (error) {
    return renderMembers(c, conflictAsFormState(error, ADD_MEMBER_DEFAULTS.values), 422)
  }
})

memberRoutes.post('/:userId/remove', requireRole('owner'), (c) => {
  try {
    removeMember(c.get('deps').db, c.get('review').id, idParam(c, 'userId'), c.get('user').id)
    setFlash(c, 'Member removed.')
    return c.redirect(reviewPath(c, '/members'), 303)
  } catch (error) {
    return renderMembers(c, conflictAsFormState(error, ADD_MEMBER_DEFAULTS.values), 422)
  }
})
