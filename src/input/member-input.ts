import { z } from 'zod'
import { MEMBER_ROLES } from '../domain/vocabulary.ts'
import { choiceField, emailField } from './fields.ts'

const roleField = choiceField(MEMBER_ROLES, 'Choose owner, reviewer or viewer.')

export const newMemberInput = z.object({ email: emailField, role: roleField })
export const memberRoleInput = z.object({ role: roleField })
