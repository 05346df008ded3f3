import { Hono, type Context } from 'hono'
import { Grid, GridPage, type GridProps } from '../../../views/synthesis/grid.tsx'
import { gridTable, juxtapositionGrid } from '../../domain/synthesis/grid.ts'
import type { SnapshotConstruct } from '../../domain/synthesis/snapshot.ts'
import type { FormState } from '../../../views/components/forms.tsx'
import type { ReviewEnv } from '../../http/env.ts'
import { afterChange, submitForm, type RefusalStatus } from '../../http/form-action.ts'
import { pageContext } from '../../http/page-context.ts'
import { requireRole } from '../../http/review-access.ts'
import { mapInput } from '../../input/synthesis-input.ts'
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

function renderGrid(c: Context<ReviewEnv>, notice?: GridProps['notice'], status: 200 | RefusalStatus = 200) {
  const props = gridProps(c, notice)
  return c.render(<GridPage {...props} page={pageContext(c.var)} nav={reviewNav(c, 'synthesis')} />, {
    status,
    fragment: <Grid {...props} />,
  })
}

const refused = (c: Context<ReviewEnv>) => (form: FormState, status: RefusalStatus) =>
  renderGrid(c, { text: Object.values(form.errors)[0] ?? 'Choose a construct to map.', refused: true }, status)

function changed(c: Context<ReviewEnv>, text: string) {
  return afterChange(c, text, synthesisPath(c, '/grid'), () => renderGrid(c, { text, refused: false }))
}

synthesisGridRoutes.get('/', (c) => renderGrid(c))

synthesisGridRoutes.get('/export/:format', (c) =>
  sendTable(
    c,
    gridTable(juxtapositionGrid(loadSynthesisSnapshot(c.get('deps').db, c.get('review').id))),
    'juxtaposition-grid',
  ),
)

synthesisGridRoutes.post('/map', requireRole('reviewer'), (c) =>
  submitForm(c, mapInput, refused(c), (input) => {
    mapConstruct(c.get('deps').db, c.get('review').id, input.conceptId, input.secondOrderId, input, actorId(c))
    return changed(c, 'Construct mapped.')
  }),
)

synthesisGridRoutes.post('/mappings/:mappingId/unmap', requireRole('reviewer'), (c) => {
  unmapConstruct(c.get('deps').db, c.get('review').id, idParam(c, 'mappingId'), actorId(c))
  return changed(c, 'Construct unmapped.')
})
