import { Hono, type Context } from 'hono'
import { emptyForm, type FormState } from '../../../views/components/forms.tsx'
import { ThirdOrderListPage, ThirdOrderPage } from '../../../views/synthesis/third-order.tsx'
import { chainOf } from '../../domain/synthesis/chain.ts'
import { linksOf } from '../../domain/synthesis/snapshot.ts'
import { traceThirdOrders } from '../../domain/synthesis/traceability.ts'
import { runForm } from '../../http/form-action.ts'
import type { ReviewEnv } from '../../http/env.ts'
import { pageContext } from '../../http/page-context.ts'
import { requireRole } from '../../http/review-access.ts'
import { validate } from '../../input/form.ts'
import { idList, thirdOrderInput } from '../../input/synthesis-input.ts'
import { listFindings } from '../../store/cerqual-findings.ts'
import { requireThirdOrder } from '../../store/synthesis-guards.ts'
import { loadSynthesisSnapshot } from '../../store/synthesis-snapshot.ts'
import { addThirdOrder, deleteThirdOrder, editThirdOrder, listThirdOrders } from '../../store/synthesis-third-order.ts'
import { thirdOrderUsage } from '../../store/synthesis-usage.ts'
import { idParam, reviewNav } from './nav.ts'
import { actorId, canEditSynthesis, deletionRoutes, synthesisPath } from './synthesis-common.tsx'

export const synthesisThirdOrderRoutes = new Hono<ReviewEnv>()

function renderList(c: Context<ReviewEnv>, form: FormState, chosen: number[] = [], status: 200 | 409 | 422 = 200) {
  const { db } = c.get('deps')
  const snapshot = loadSynthesisSnapshot(db, c.get('review').id)
  const links = linksOf(snapshot)
  const conceptLabel = new Map(snapshot.concepts.map((concept) => [concept.id, concept.label]))
  const listings = listThirdOrders(db, c.get('review').id).map((thirdOrder) => ({
    thirdOrder,
    concepts: snapshot.thirdOrderConcepts
      .filter((link) => link.thirdOrderId === thirdOrder.id)
      .map((link) => conceptLabel.get(link.conceptId) ?? ''),
    studies: traceThirdOrders(links, [thirdOrder.id]).studyIds.length,
  }))
  return c.render(
    <ThirdOrderListPage
      page={pageContext(c.var)}
      nav={reviewNav(c, 'synthesis')}
      base={synthesisPath(c)}
      canEdit={canEditSynthesis(c)}
      listings={listings}
      concepts={snapshot.concepts}
      form={form}
      chosen={new Set(chosen)}
    />,
    { status: status },
  )
}

function renderDetail(c: Context<ReviewEnv>, form: FormState, chosen?: number[], status: 200 | 409 | 422 = 200) {
  const { db } = c.get('deps')
  const reviewId = c.get('review').id
  const thirdOrder = requireThirdOrder(db, reviewId, idParam(c, 'thirdOrderId'))
  const snapshot = loadSynthesisSnapshot(db, reviewId)
  const linked = snapshot.thirdOrderConcepts
    .filter((link) => link.thirdOrderId === thirdOrder.id)
    .map((link) => link.conceptId)
  return c.render(
    <ThirdOrderPage
      page={pageContext(c.var)}
      nav={reviewNav(c, 'synthesis')}
      base={synthesisPath(c)}
      canEdit={canEditSynthesis(c)}
      thirdOrder={thirdOrder}
      chain={chainOf(snapshot, [thirdOrder.id])}
      concepts={snapshot.concepts}
      chosen={new Set(chosen ?? linked)}
      findings={listFindings(db, reviewId).filter((finding) => finding.thirdOrderId === thirdOrder.id)}
      form={form}
    />,
    { status: status },
  )
}

synthesisThirdOrderRoutes.get('/', (c) => renderList(c, emptyForm))
synthesisThirdOrderRoutes.get('/:thirdOrderId', (c) => renderDetail(c, emptyForm))

synthesisThirdOrderRoutes.post('/', requireRole('reviewer'), async (c) => {
  const chosen = idList((await c.req.parseBody())['conceptIds[]'])
  return runForm(
    c,
    synthesisPath(c, '/third-order'),
    (form, status) => renderList(c, form, chosen, status),
    (values) => {
      const input = validate(thirdOrderInput, values)
      if (!input.ok) return { ok: false, form: input }
      const created = addThirdOrder(
        c.get('deps').db,
        c.get('review').id,
        { ...input.value, conceptIds: chosen },
        actorId(c),
      )
      return {
        ok: true,
        done: `Added the third-order construct “${created.label}”.`,
        to: synthesisPath(c, `/third-order/${created.id}`),
      }
    },
  )
})

synthesisThirdOrderRoutes.post('/:thirdOrderId', requireRole('reviewer'), async (c) => {
  const chosen = idList((await c.req.parseBody())['conceptIds[]'])
  const path = synthesisPath(c, `/third-order/${idParam(c, 'thirdOrderId')}`)
  return runForm(
    c,
    path,
    (form, status) => renderDetail(c, form, chosen, status),
    (values) => {
      const input = validate(thirdOrderInput, values)
      if (!input.ok) return { ok: false, form: input }
      editThirdOrder(
        c.get('deps').db,
        c.get('review').id,
        idParam(c, 'thirdOrderId'),
        { ...input.value, conceptIds: chosen },
        actorId(c),
        c.get('deps').now(),
      )
      return { ok: true, done: 'Third-order construct saved.' }
    },
  )
})

deletionRoutes(synthesisThirdOrderRoutes, {
  param: 'thirdOrderId',
  section: 'third-order',
  what: 'third-order construct',
  find: requireThirdOrder,
  usage: thirdOrderUsage,
  path: (id) => `/third-order/${id}`,
  cancel: (id) => `/third-order/${id}`,
  after: '/third-order',
  remove: deleteThirdOrder,
  done: 'Third-order construct deleted.',
})
