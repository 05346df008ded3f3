import { Hono, type Context } from 'hono'
import { emptyForm, type FormState } from '../../../views/components/forms.tsx'
import { ConceptsPage, type ConceptListing } from '../../../views/synthesis/concepts.tsx'
import { linksOf } from '../../domain/synthesis/snapshot.ts'
import { traceConcepts } from '../../domain/synthesis/traceability.ts'
import { afterChange, type RefusalStatus, submitForm } from '../../http/form-action.ts'
import type { ReviewEnv } from '../../http/env.ts'
import { pageContext } from '../../http/page-context.ts'
import { requireRole } from '../../http/review-access.ts'
import { conceptInput, mergeInput } from '../../input/synthesis-input.ts'
import { addConcept, deleteConcept, editConcept, listConcepts, mergeConcepts } from '../../store/synthesis-concepts.ts'
import { requireConcept } from '../../store/synthesis-guards.ts'
import { loadSynthesisSnapshot } from '../../store/synthesis-snapshot.ts'
import { conceptUsage } from '../../store/synthesis-usage.ts'
import { idParam, reviewNav } from './nav.ts'
import { actorId, canEditSynthesis, deletionRoutes, synthesisPath } from './synthesis-common.tsx'

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

const toConcepts = (c: Context<ReviewEnv>) => synthesisPath(c, '/concepts')

synthesisConceptRoutes.get('/', (c) => renderConcepts(c, emptyForm))

const refused = (c: Context<ReviewEnv>) => (form: FormState, status: RefusalStatus) => renderConcepts(c, form, status)
const done = (c: Context<ReviewEnv>, text: string) => afterChange(c, text, toConcepts(c))
const change = (c: Context<ReviewEnv>) => ({ db: c.get('deps').db, reviewId: c.get('review').id, actor: actorId(c) })

synthesisConceptRoutes.post('/', requireRole('reviewer'), (c) =>
  submitForm(c, conceptInput, refused(c), (input) => {
    const { db, reviewId, actor } = change(c)
    addConcept(db, reviewId, input, actor)
    return done(c, `Added the concept “${input.label}”.`)
  }),
)

synthesisConceptRoutes.post('/:conceptId', requireRole('reviewer'), (c) =>
  submitForm(c, conceptInput, refused(c), (input) => {
    const { db, reviewId, actor } = change(c)
    editConcept(db, reviewId, idParam(c, 'conceptId'), input, actor)
    return done(c, 'Concept saved.')
  }),
)

synthesisConceptRoutes.post('/:conceptId/merge', requireRole('reviewer'), (c) =>
  submitForm(c, mergeInput, refused(c), ({ into }) => {
    const { db, reviewId, actor } = change(c)
    mergeConcepts(db, reviewId, idParam(c, 'conceptId'), into, actor)
    return done(c, 'Concepts merged: every mapping and third-order link kept.')
  }),
)

deletionRoutes(synthesisConceptRoutes, {
  param: 'conceptId',
  section: 'concepts',
  what: 'concept',
  find: requireConcept,
  usage: conceptUsage,
  path: (id) => `/concepts/${id}`,
  cancel: () => '/concepts',
  after: '/concepts',
  remove: deleteConcept,
  done: 'Concept deleted.',
})
