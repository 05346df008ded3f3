import type { Db } from '../../db/client.ts'
import type { PasswordHasher } from '../auth/password.ts'
import { newAccountInput } from '../input/account-input.ts'
import { firstError, validate } from '../input/form.ts'
import { createUser } from '../store/users.ts'
import { requireOption, type CliOptions } from './args.ts'
import { CliUsageError, report, type CliIo } from './io.ts'

export async function userAdd(db: Db, options: CliOptions, io: CliIo, hasher?: PasswordHasher): Promise<void> {
  const input = validate(newAccountInput, {
    email: requireOption(options, 'email'),
    name: requireOption(options, 'name'),
    password: requireOption(options, 'password'),
  })
  if (!input.ok) throw new CliUsageError(firstError(input.errors))
  const user = await createUser(db, input.value, null, hasher ? { hasher } : {})
  report(
    io,
    options.json ?? false,
    { id: user.id, email: user.email, name: user.name, admin: user.isAdmin },
    `Created ${user.isAdmin ? 'administrator' : 'account'} ${user.name} <${user.email}>`,
  )
}
