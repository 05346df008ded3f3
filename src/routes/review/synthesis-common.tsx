/**
 * What every synthesis route shares: where the synthesis lives, who may change it, one way to run a form
 * action (validate, one store call = one transaction + one audit event, redirect or re-render with the
 * refusal), the page that asks before a delete, and downloads of tables as CSV (UTF-8 with BOM) or a
 * standalone HTML page.
 */
import type { Context, Hono } from 'hono'
import type { Db } from '../../../db/client.ts'
import { HTTPException } from 'hono/http-exception'
import { ConfirmDeletePage, type ConfirmDeleteProps } from '../../../views/synthesis/confirm-delete.tsx'
import { TableDocument } from '../../../views/synthesis/simple-table.tsx'
import { tableCsv, type SimpleTable } from '../../domain/synthesis/simple-table.ts'
import { roleAtLeast } from '../../domain/vocabulary.ts'
import type { ReviewEnv } from '../../http/env.ts'
import { runForm } from '../../http/form-action.ts'
import { pageContext } from '../../http/page-context.ts'
import { requireRole } from '../../http/review-access.ts'
import { validate } from '../../input/form.ts'
import { confirmInput } from '../../input/synthesis-input.ts'
import type { conceptUsage } from '../../store/synthesis-usage.ts'
import { idParam, reviewNav, reviewPath } from './nav.ts'

export function synthesisPath(c: Context<ReviewEnv>, path = ''): string {
  return reviewPath(c, `/synthesis${path}`)
}

export function canEditSynthesis(c: Context<ReviewEnv>): boolean {
  return roleAtLeast(c.get('role'), 'reviewer')
}

export function actorId(c: Context<ReviewEnv>): number {
  return c.get('user').id
}

const EXPORT_FORMATS = ['csv', 'html'] as const

export function download(c: Context<ReviewEnv>, content: string, fileName: string, type: string): Response {
  return c.body(content, 200, {
    'content-type': `${type}; charset=utf-8`,
    'content-disposition': `attachment; filename="${fileName}"`,
  })
}

/** `…/export/csv` or `…/export/html` for a table; any other format is a link to nothing. */
export function sendTable(c: Context<ReviewEnv>, table: SimpleTable, fileBase: string): Response {
  const format = c.req.param('format')
  if (!EXPORT_FORMATS.includes(format as (typeof EXPORT_FORMATS)[number])) {
    throw new HTTPException(404, { message: 'Tables download as csv or html.' })
  }
  const name = `${c.get('review').slug}-${fileBase}`
  if (format === 'csv') return download(c, tableCsv(table), `${name}.csv`, 'text/csv')
  const html = (<TableDocument table={table} reviewTitle={c.get('review').title} />).toString()
  return download(c, html, `${name}.html`, 'text/html')
}

/**
 * What a delete confirmation names: the thing, what it breaks, where the form posts and where cancel goes
 * (`action` and `cancel` as paths under the synthesis).
 */
export type DeletionTarget = Omit<ConfirmDeleteProps, 'page' | 'nav' | 'refused'>

/** The page that asks before deleting something the synthesis uses; 409 when the delete was refused. */
export function renderDeleteConfirmation(
  c: Context<ReviewEnv>,
  target: DeletionTarget,
  refused?: string,
): Response | Promise<Response> {
  return c.render(
    <ConfirmDeletePage
      page={pageContext(c.var)}
      nav={reviewNav(c, 'synthesis')}
      {...target}
      action={synthesisPath(c, target.action)}
      cancel={synthesisPath(c, target.cancel)}
      {...(refused ? { refused } : {})}
    />,
    { status: refused ? 409 : 200 },
  )
}

/** Something of the synthesis that is deleted only after a page naming what its deletion breaks. */
export interface Deletable {
  /** The URL parameter holding its id, e.g. `conceptId`. */
  param: string
  section: DeletionTarget['section']
  what: string
  find: (db: Db, reviewId: number, id: number) => { id: number; label: string }
  usage: (db: Db, reviewId: number, id: number) => ReturnType<typeof conceptUsage>
  /** Its own path under the synthesis, and where "Cancel" and a deletion go. */
  path: (id: number) => string
  cancel: (id: number) => string
  after: string
  remove: (db: Db, reviewId: number, id: number, confirmed: boolean, actorId: number) => void
  done: string
}

/** GET …/delete asks (409 with the reason when refused); POST …/delete deletes, once confirmed. */
export function deletionRoutes(routes: Hono<ReviewEnv>, item: Deletable): void {
  const ask = (c: Context<ReviewEnv>, refused?: string) => {
    const { db } = c.get('deps')
    const reviewId = c.get('review').id
    const found = item.find(db, reviewId, idParam(c, item.param))
    const target: DeletionTarget = {
      section: item.section,
      what: item.what,
      name: found.label,
      usage: item.usage(db, reviewId, found.id),
      action: `${item.path(found.id)}/delete`,
      cancel: item.cancel(found.id),
    }
    return renderDeleteConfirmation(c, target, refused)
  }
  routes.get(`/:${item.param}/delete`, (c) => ask(c))
  routes.post(`/:${item.param}/delete`, requireRole('reviewer'), (c) =>
    runForm(
      c,
      synthesisPath(c, item.after),
      (form) => ask(c, form.errors['_form']),
      (values) => {
        const input = validate(confirmInput, values)
        const confirmed = input.ok && input.value.confirmed
        item.remove(c.get('deps').db, c.get('review').id, idParam(c, item.param), confirmed, actorId(c))
        return { ok: true, done: item.done }
      },
    ),
  )
}
