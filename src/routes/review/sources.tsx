import { Hono, type Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { Source } from '../../../db/schema.ts'
import type { FormState } from '../../../views/components/forms.tsx'
import { SourceFormPage } from '../../../views/sources/source-form.tsx'
import { SourceListPage } from '../../../views/sources/source-list.tsx'
import { roleAtLeast } from '../../domain/vocabulary.ts'
import { sourceInput } from '../../input/source-input.ts'
import { afterChange, type RefusalStatus, submitForm } from '../../http/form-action.ts'
import type { ReviewEnv } from '../../http/env.ts'
import { pageContext } from '../../http/page-context.ts'
import { requireRole } from '../../http/review-access.ts'
import { createSource, deleteSource, findSource, listSources, updateSource } from '../../store/sources.ts'
import { idParam, reviewNav, reviewPath } from './nav.ts'

/** The review's search log (PRISMA-S). Reviewers and owners keep it; viewers read it. */
export const sourceRoutes = new Hono<ReviewEnv>()

const NEW_SOURCE: FormState = { values: { kind: 'database' }, errors: {} }

function today(c: Context<ReviewEnv>): string {
  return c.get('deps').now().toISOString().slice(0, 10)
}

function sourceForm(source: Source): FormState {
  const { id: _id, reviewId: _r, createdAt: _c, ...values } = source
  return { values, errors: {} }
}

function requireSourceOf(c: Context<ReviewEnv>): Source {
  const source = findSource(c.get('deps').db, c.get('review').id, idParam(c, 'sourceId'))
  if (!source) throw new HTTPException(404, { message: 'This review’s search log has no such source.' })
  return source
}

function renderForm(c: Context<ReviewEnv>, form: FormState, status: 200 | RefusalStatus, source?: Source) {
  const base = reviewPath(c, '/sources')
  return c.render(
    <SourceFormPage
      page={pageContext(c.var)}
      nav={reviewNav(c, 'sources')}
      form={form}
      action={source ? `${base}/${source.id}` : base}
      heading={source ? `Edit ${source.name}` : 'Add a source'}
      {...(source ? { deleteAction: `${base}/${source.id}/delete` } : {})}
    />,
    { status: status },
  )
}

sourceRoutes.get('/', (c) =>
  c.render(
    <SourceListPage
      page={pageContext(c.var)}
      nav={reviewNav(c, 'sources')}
      sources={listSources(c.get('deps').db, c.get('review').id)}
      canEdit={roleAtLeast(c.get('role'), 'reviewer')}
    />,
  ),
)

sourceRoutes.get('/new', requireRole('reviewer'), (c) => renderForm(c, NEW_SOURCE, 200))

sourceRoutes.post('/', requireRole('reviewer'), (c) =>
  submitForm(
    c,
    sourceInput(today(c)),
    (form, status) => renderForm(c, form, status),
    (input) => {
      const source = createSource(c.get('deps').db, c.get('review').id, input, c.get('user').id)
      return afterChange(c, `${source.name} added to the search log.`, reviewPath(c, `/sources#source-${source.id}`))
    },
  ),
)

sourceRoutes.get('/:sourceId/edit', requireRole('reviewer'), (c) => {
  const source = requireSourceOf(c)
  return renderForm(c, sourceForm(source), 200, source)
})

sourceRoutes.post('/:sourceId', requireRole('reviewer'), (c) => {
  const source = requireSourceOf(c)
  return submitForm(
    c,
    sourceInput(today(c)),
    (form, status) => renderForm(c, form, status, source),
    (input, values) => {
      updateSource(c.get('deps').db, c.get('review').id, source.id, input, c.get('user').id, {
        confirmedKindChange: values['confirmKind'] === 'on',
      })
      return afterChange(c, `${input.name} saved.`, reviewPath(c, `/sources#source-${source.id}`))
    },
  )
})

sourceRoutes.post('/:sourceId/delete', requireRole('reviewer'), (c) => {
  const source = requireSourceOf(c)
  deleteSource(c.get('deps').db, c.get('review').id, source.id, c.get('user').id)
  return afterChange(
    c,
    `${source.name} removed from the search log. The Activity page keeps what it held.`,
    reviewPath(c, '/sources'),
  )
})
