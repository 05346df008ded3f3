import { Hono, type Context } from 'hono'
import { emptyForm, type FormState } from '../../../views/components/forms.tsx'
import { TranslationPage } from '../../../views/synthesis/translation.tsx'
import { juxtapositionGrid } from '../../domain/synthesis/grid.ts'
import { brittenTable, constructChainTable } from '../../domain/synthesis/translation-tables.ts'
import { runForm } from '../../http/form-action.ts'
import type { ReviewEnv } from '../../http/env.ts'
import { pageContext } from '../../http/page-context.ts'
import { requireRole } from '../../http/review-access.ts'
import { validate } from '../../input/form.ts'
import { customOrderFrom, translationInput, translationOrderInput } from '../../input/synthesis-input.ts'
import { setTranslation } from '../../store/synthesis-mappings.ts'
import { saveTranslationOrder } from '../../store/synthesis-order.ts'
import { loadSynthesisSnapshot, readTranslationOrder } from '../../store/synthesis-snapshot.ts'
import { idParam, reviewNav } from './nav.ts'
import { actorId, canEditSynthesis, sendTable, synthesisPath } from './synthesis-common.tsx'

export const synthesisTranslationRoutes = new Hono<ReviewEnv>()

function snapshotOf(c: Context<ReviewEnv>) {
  return loadSynthesisSnapshot(c.get('deps').db, c.get('review').id)
}

function renderTranslation(c: Context<ReviewEnv>, form: FormState, status: 200 | 409 | 422 = 200) {
  const snapshot = snapshotOf(c)
  const order = readTranslationOrder(c.get('deps').db, c.get('review').id)
  return c.render(
    <TranslationPage
      page={pageContext(c.var)}
      nav={reviewNav(c, 'synthesis')}
      base={synthesisPath(c)}
      canEdit={canEditSynthesis(c)}
      setting={order.setting}
      rationale={order.rationale}
      studies={snapshot.studies}
      grid={juxtapositionGrid(snapshot)}
      britten={brittenTable(snapshot)}
      chain={constructChainTable(snapshot)}
      form={form}
    />,
    { status: status },
  )
}

const toTranslation = (c: Context<ReviewEnv>) => synthesisPath(c, '/translation')

synthesisTranslationRoutes.get('/', (c) => renderTranslation(c, emptyForm))
synthesisTranslationRoutes.get('/britten/:format', (c) =>
  sendTable(c, brittenTable(snapshotOf(c)), 'translation-table'),
)
synthesisTranslationRoutes.get('/chain/:format', (c) =>
  sendTable(c, constructChainTable(snapshotOf(c)), 'construct-chain'),
)

synthesisTranslationRoutes.post('/order', requireRole('reviewer'), (c) =>
  runForm(
    c,
    toTranslation(c),
    (form, status) => renderTranslation(c, form, status),
    (values) => {
      const input = validate(translationOrderInput, values)
      if (!input.ok) return { ok: false, form: input }
      const custom = customOrderFrom(values)
      if (!custom.ok) return { ok: false, form: { values, errors: { [custom.field]: custom.message } } }
      saveTranslationOrder(
        c.get('deps').db,
        c.get('review').id,
        { ...input.value, customOrder: custom.order },
        actorId(c),
        c.get('deps').now(),
      )
      return { ok: true, done: 'Translation order saved.' }
    },
  ),
)

synthesisTranslationRoutes.post('/mappings/:mappingId', requireRole('reviewer'), (c) =>
  runForm(
    c,
    toTranslation(c),
    (form, status) => renderTranslation(c, form, status),
    (values) => {
      const input = validate(translationInput, values)
      if (!input.ok) return { ok: false, form: input }
      const mappingId = idParam(c, 'mappingId')
      setTranslation(c.get('deps').db, c.get('review').id, mappingId, input.value, actorId(c), c.get('deps').now())
      return { ok: true, done: 'Translation saved.', to: `${toTranslation(c)}#mapping-${mappingId}` }
    },
  ),
)
