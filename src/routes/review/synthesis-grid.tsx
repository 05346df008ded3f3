import { Hono, type Context } from 'hono'
import { Grid, GridPage, type GridProps } from '../../../views/synthesis/grid.tsx'
import { gridTable, juxtapositionGrid } from '../../domain/synthesis/grid.ts'
import type { SnapshotConstruct } from '../../domain/synthesis/snapshot.ts'
import { wantsPartial, type ReviewEnv } from '../../http/env.ts'
import { setFlash } from '../../http/flash.ts'
import { pageContext } from '../../http/page-context.ts'
import { requireRole } from '../../http/review-access.ts'
import { formValues, validate } from '../../input/form.ts'
import { mapInput } from '../../input/synthesis-input.ts'
import { StoreConflictError } from '../../store/errors.ts'
import { mapConstruct, unmapConstruct } from '../../store/synthesis-mappings.ts'
import { loadSynthesisSnapshot } from '../../store/synthesis-snapshot.ts'
import { idParam, reviewNav } from './nav.ts'
import { actorId, canEditSynthesis, sendTable, synthesisPath } from './synthesis-common.tsx'

/**
 * The juxtaposition grid. Mapping and unmapping are plain form posts answered by a redirect; an htmx
 * request gets the redrawn grid (with fresh form tokens) in the same response instead.
 */
export const synthesisGridRoutes = new Hono<ReviewEnv>()

function gridProps(c: Context<ReviewEnv>, notice?: GridProps['notice']): GridProps {
  const snapshot = loadSynthesisSnapshot(c.get('deps').db, c.get('review').id)
  const constructsByStudy = new Map<number, SnapshotConstruct[]>()
  for (const construct of snapshot.constructs) {
    constructsByStudy.set(construct.studyId, [...(constructsByStudy.get(construct.studyId) ?? []), construct])
  }
  return {
    base: synthesisPath(c),
    csrf: pageContext(c.var).csrf,
    canEdit: canEditSynthesis(c),
    grid: juxtapositionGrid(snapshot),
    constructsByStudy,
    notice,
  }
}

function answer(c: Context<ReviewEnv>, text: string, refused: boolean, status: 200 | 409 | 422 = 200) {
  if (wantsPartial(c)) return c.html(<Grid {...gridProps(c, { text, refused })} />, status)
  if (refused) {
    return c.html(
      <GridPage {...gridProps(c, { text, refused })} page={pageContext(c.var)} nav={reviewNav(c, 'synthesis')} />,
      status,
    )
  }
  setFlash(c, text)
  return c.redirect(synthesisPath(c, '/grid'), 303)
}

synthesisGridRoutes.get('/', (c) =>
  c.html(<GridPage {...gridProps(c)} page={pageContext(c.var)} nav={reviewNav(c, 'synthesis')} />),
)

synthesisGridRoutes.get('/export/:format', (c) =>
  sendTable(
    c,
    gridTable(juxtapositionGrid(loadSynthesisSnapshot(c.get('deps').db, c.get('review').id))),
    'juxtaposition-grid',
  ),
)

synthesisGridRoutes.post('/map', requireRole('reviewer'), async (c) => {
  const input = validate(mapInput, formValues(await c.req.parseBody()))
  if (!input.ok) return answer(c, Object.values(input.errors)[0] ?? 'Choose a construct to map.', true, 422)
  try {
    mapConstruct(
      c.get('deps').db,
      c.get('review').id,
      input.value.conceptId,
      input.value.secondOrderId,
      input.value,
      actorId(c),
    )
  } catch (error) {
    if (!(error instanceof StoreConflictError)) throw error
    return answer(c, error.message, true, 409)
  }
  return answer(c, 'Construct mapped.', false)
})

synthesisGridRoutes.post('/mappings/:mappingId/unmap', requireRole('reviewer'), (c) => {
  unmapConstruct(c.get('deps').db, c.get('review').id, idParam(c, 'mappingId'), actorId(c))
  return answer(c, 'Construct unmapped.', false)
})
