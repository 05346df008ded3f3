import { Hono, type Context } from 'hono'
import { runForm } from '../../http/form-action.ts'
import type { ReviewEnv } from '../../http/env.ts'
import { requireRole } from '../../http/review-access.ts'
import { validate } from '../../input/form.ts'
import { confirmInput } from '../../input/synthesis-input.ts'
import { deleteSecondOrderConstruct } from '../../store/synthesis-constructs.ts'
import { requireSecondOrder } from '../../store/synthesis-guards.ts'
import { secondOrderUsage } from '../../store/synthesis-usage.ts'
import { idParam } from './nav.ts'
import { actorId, renderDeleteConfirmation, synthesisPath } from './synthesis-common.tsx'

/**
 * Deleting a study's second-order construct that the synthesis may use: the page says which mappings go
 * and which third-order constructs and findings lose evidence, and deletes only when confirmed.
 */
export const synthesisConstructRoutes = new Hono<ReviewEnv>()

function renderConfirm(c: Context<ReviewEnv>, refused?: string) {
  const { db } = c.get('deps')
  const reviewId = c.get('review').id
  const construct = requireSecondOrder(db, reviewId, idParam(c, 'secondOrderId'))
  return renderDeleteConfirmation(
    c,
    {
      section: 'grid',
      what: 'second-order construct',
      name: construct.label,
      usage: secondOrderUsage(db, reviewId, construct.id),
      action: `/constructs/${construct.id}/delete`,
      cancel: '/grid',
    },
    refused,
  )
}

synthesisConstructRoutes.get('/:secondOrderId/delete', (c) => renderConfirm(c))

synthesisConstructRoutes.post('/:secondOrderId/delete', requireRole('reviewer'), (c) =>
  runForm(
    c,
    synthesisPath(c, '/grid'),
    (form) => renderConfirm(c, form.errors['_form']),
    (values) => {
      const input = validate(confirmInput, values)
      deleteSecondOrderConstruct(
        c.get('deps').db,
        c.get('review').id,
        idParam(c, 'secondOrderId'),
        input.ok && input.value.confirmed,
        actorId(c),
      )
      return { ok: true, done: 'Second-order construct deleted.' }
    },
  ),
)
