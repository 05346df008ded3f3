import type { Db } from '../../db/client.ts'
import { firstError, validate } from '../input/form.ts'
import { reviewInput } from '../input/review-input.ts'
import { createReview } from '../store/reviews.ts'
import { findUserByEmail } from '../store/users.ts'
import { requireOption, type CliOptions } from './args.ts'
import { CliUsageError, report, type CliIo } from './io.ts'

export function reviewCreate(db: Db, options: CliOptions, io: CliIo): void {
  const input = validate(reviewInput, {
    slug: requireOption(options, 'slug'),
    title: requireOption(options, 'title'),
    reviewersPerRecord: options.reviewers ?? '2',
    blindScreening: options.blind ? 'on' : '',
    maybeIsConflict: 'on',
    ...(options.template === undefined ? {} : { prismaTemplate: options.template }),
  })
  if (!input.ok) {
    const fieldFlags: Record<string, string> = { reviewersPerRecord: 'reviewers', prismaTemplate: 'template' }
    const [field] = Object.keys(input.errors)
    const flag = field ? (fieldFlags[field] ?? field) : 'input'
    throw new CliUsageError(`--${flag}: ${firstError(input.errors).replace(/^[^:]+: /, '')}`)
  }
  let ownerId: number | null = null
  if (options.owner !== undefined) {
    const owner = findUserByEmail(db, options.owner)
    if (!owner) throw new CliUsageError(`--owner: no account uses ${options.owner} (create it with weft user add)`)
    ownerId = owner.id
  }
  const review = createReview(db, input.value, { ownerId, actorId: null })
  report(
    io,
    options.json ?? false,
    {
      id: review.id,
      slug: review.slug,
      title: review.title,
      reviewersPerRecord: review.reviewersPerRecord,
      blind: review.blindScreening,
      template: review.prismaTemplate,
      ownerId,
    },
    `Created review “${review.title}” at /reviews/${review.slug}`,
  )
}
