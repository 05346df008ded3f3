import { Hono } from 'hono'
import type { ReviewEnv } from '../../http/env.ts'
import { deleteSecondOrderConstruct } from '../../store/synthesis-constructs.ts'
import { requireSecondOrder } from '../../store/synthesis-guards.ts'
import { secondOrderUsage } from '../../store/synthesis-usage.ts'
import { deletionRoutes } from './synthesis-common.tsx'

/**
 * Deleting a study's second-order construct that the synthesis may use: the page says which mappings go
 * and which third-order constructs and findings lose evidence, and deletes only when confirmed.
 */
export const synthesisConstructRoutes = new Hono<ReviewEnv>()

deletionRoutes(synthesisConstructRoutes, {
  param: 'secondOrderId',
  section: 'grid',
  what: 'second-order construct',
  find: requireSecondOrder,
  usage: secondOrderUsage,
  path: (id) => `/constructs/${id}`,
  cancel: () => '/grid',
  after: '/grid',
  remove: deleteSecondOrderConstruct,
  done: 'Second-order construct deleted.',
})
