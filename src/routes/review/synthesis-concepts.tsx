import { Hono, type Context } from 'hono'
import { emptyForm, type FormState } from '../../../views/components/forms.tsx'
import { ConceptsPage, type ConceptListing } from '../../../views/synthesis/concepts.tsx'
import { linksOf } from '../../domain/synthesis/snapshot.ts'
import { traceConcepts } from '../../domain/synthesis/traceability.ts'
import { runForm } from '../../http/form-action.ts'
import type { ReviewEnv } from '../../http/env.ts'
import { pageContext } from '../../http/page-context.ts'
import { requireRole } from '../../http/review-access.ts'
import { validate } from '../../input/form.ts'
import { conceptInput, confirmInput, mergeInput } from '../../input/synthesis-input.ts'
import { addConcept, deleteConcept, editConcept, listConcepts, mergeConcepts } from '../../store/synthesis-concepts.ts'
import { requireConcept } from '../../store/synthesis-guards.ts'
import { loadSynthesisSnapshot } from '../../store/synthesis-snapshot.ts'
import { conceptUsage } from '../../store/synthesis-usage.ts'
import { idParam, reviewNav } from './nav.ts'
import { actorId, canEditSynthesis, renderDeleteConfirmation, synthesisPath } from './synthesis-common.tsx'

export const synthesisConceptRoutes = new Hono<ReviewEnv>()

function renderConcepts(c: Context<ReviewEnv>, form: FormState, status: 200 | 409 | 422 = 200) {
  const { db } = c.get('deps')
  const snapshot = loadSynthesisSnapshot(db, c.get('review').id)
  const links = linksOf(snapshot)
  const listings: ConceptListing[] = listConcepts(db, c.get('review').id).map((concept) => {
    const trace = traceConcepts(links, [concept.id])
    return {
      concept,
      mappings: trace.secondOrderIds.length,
      studies: trace.studyIds.length,
      thirdOrders: snapshot.thirdOrderConcepts.filter((link) => link.conceptId === concept.id).length,
    }
  })
  return c.render(
    <ConceptsPage
      page={pageContext(c.var)}
      nav={reviewNav(c, 'synthesis')}
      base={synthesisPath(c)}
      listings={listings}
      canEdit={canEditSynthesis(c)}
      form={form}
    />,
    { status: status },
  )
}

function renderConfirm(c: Context<ReviewEnv>, refused?: string) {
  const { db } = c.get('deps')
  const reviewId = c.get('review').id
  const concept = requireConcept(db, reviewId, idParam(c, 'conceptId'))
  return renderDeleteConfirmation(
    c,
    {
      section: 'concepts',
      what: 'concept',
      name: concept.label,
      usage: conceptUsage(db, reviewId, concept.id),
      action: `/concepts/${concept.id}/delete`,
      cancel: '/concepts',
    },
    refused,
  )
}

const toConcepts = (c: Context<ReviewEnv>) => synthesisPath(c, '/concepts')

synthesisConceptRoutes.get('/', (c) => renderConcepts(c, emptyForm))

synthesisConceptRoutes.post('/', requireRole('reviewer'), (c) =>
  runForm(
    c,
    toConcepts(c),
    (form, status) => renderConcepts(c, form, status),
    (values) => {
      const input = validate(conceptInput, values)
      if (!input.ok) return { ok: false, form: input }
      addConcept(c.get('deps').db, c.get('review').id, input.value, actorId(c))
      return { ok: true, done: `Added the concept “${input.value.label}”.` }
    },
  ),
)

synthesisConceptRoutes.post('/:conceptId', requireRole('reviewer'), (c) =>
  runForm(
    c,
    toConcepts(c),
    (form, status) => renderConcepts(c, form, status),
    (values) => {
      const input = validate(conceptInput, values)
      if (!input.ok) return { ok: false, form: input }
      editConcept(c.get('deps').db, c.get('review').id, idParam(c, 'conceptId'), input.value, actorId(c))
      return { ok: true, done: 'Concept saved.' }
    },
  ),
)

synthesisConceptRoutes.post('/:conceptId/merge', requireRole('reviewer'), (c) =>
  runForm(
    c,
    toConcepts(c),
    (form, status) => renderConcepts(c, form, status),
    (values) => {
      const input = validate(mergeInput, values)
      if (!input.ok) return { ok: false, form: input }
      mergeConcepts(c.get('deps').db, c.get('review').id, idParam(c, 'conceptId'), input.value.into, actorId(c))
      return { ok: true, done: 'Concepts merged: every mapping and third-order link kept.' }
    },
  ),
)

synthesisConceptRoutes.get('/:conceptId/delete', (c) => renderConfirm(c))

synthesisConceptRoutes.post('/:conceptId/delete', requireRole('reviewer'), (c) =>
  runForm(
    c,
    toConcepts(c),
    (form) => renderConfirm(c, form.errors['_form']),
    (values) => {
      const input = validate(confirmInput, values)
      const confirmed = input.ok && input.value.confirmed
      deleteConcept(c.get('deps').db, c.get('review').id, idParam(c, 'conceptId'), confirmed, actorId(c))
      return { ok: true, done: 'Concept deleted.' }
    },
  ),
)
