import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { STAGE_SLUGS } from '../../../views/screening/labels.ts'
import type { ScreeningStage } from '../../domain/vocabulary.ts'
import type { ReviewEnv } from '../../http/env.ts'
import { stageFromSlug } from '../../input/screening-input.ts'
import { reviewPath } from './nav.ts'

/** The stage named in the URL; anything else is a page that does not exist. */
export function stageOf(c: Context<ReviewEnv>): ScreeningStage {
  const stage = stageFromSlug(c.req.param('stage'))
  if (!stage) throw new HTTPException(404, { message: 'Screening has two stages: title-abstract and full-text.' })
  return stage
}

export function stageBase(c: Context<ReviewEnv>, stage: ScreeningStage): string {
  return reviewPath(c, `/screening/${STAGE_SLUGS[stage]}`)
}

/** `?after=` of keyset pagination: a record id, or 0 for the start. */
export function afterParam(c: Context<ReviewEnv>): number {
  const after = c.req.query('after') ?? ''
  return /^\d{1,15}$/.test(after) ? Number(after) : 0
}
