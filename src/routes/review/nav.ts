import type { Context } from 'hono'
import type { ReviewNav, ReviewTab } from '../../../views/layout.tsx'
import type { ReviewEnv } from '../../http/env.ts'

export function reviewNav(c: Context<ReviewEnv>, active: ReviewTab): ReviewNav {
  const review = c.get('review')
  return { slug: review.slug, title: review.title, role: c.get('role'), active }
}

/** The review's own URL, for redirects after a change. */
export function reviewPath(c: Context<ReviewEnv>, path = ''): string {
  return `/reviews/${c.get('review').slug}${path}`
}

/** A numeric id from the URL; anything else is a link to nothing. */
export function idParam(c: Context<ReviewEnv>, name: string): number {
  const value = c.req.param(name) ?? ''
  return /^\d{1,15}$/.test(value) ? Number(value) : -1
}
