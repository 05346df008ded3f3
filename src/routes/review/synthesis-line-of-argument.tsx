import { HTTPException } from 'hono/http-exception'
import { Hono, type Context } from 'hono'
import { emptyForm, type FormState } from '../../../views/components/forms.tsx'
import { LineOfArgumentPage } from '../../../views/synthesis/line-of-argument.tsx'
import { LineOfArgumentSvg } from '../../../views/synthesis/line-of-argument-svg.tsx'
import { layoutLineOfArgument } from '../../domain/synthesis/line-of-argument-layout.ts'
import { type FormOutcome, runForm } from '../../http/form-action.ts'
import type { ReviewEnv } from '../../http/env.ts'
import { pageContext } from '../../http/page-context.ts'
import { requireRole } from '../../http/review-access.ts'
import { validate } from '../../input/form.ts'
import { levelInput, placeNodeInput, relationInput, statementInput } from '../../input/synthesis-input.ts'
import {
  addLevel,
  addRelation,
  deleteLevel,
  placeNode,
  readLineOfArgument,
  removeNode,
  removeRelation,
  renameLevel,
  saveStatement,
} from '../../store/synthesis-line-of-argument.ts'
import { listThirdOrders } from '../../store/synthesis-third-order.ts'
import { figurePng } from './figure-png.ts'
import { idParam, reviewNav } from './nav.ts'
import { actorId, canEditSynthesis, download, synthesisPath } from './synthesis-common.tsx'

export const synthesisLineOfArgumentRoutes = new Hono<ReviewEnv>()

async function figureOf(c: Context<ReviewEnv>) {
  const model = readLineOfArgument(c.get('deps').db, c.get('review').id)
  return { model, figure: await layoutLineOfArgument(model.levels, model.nodes, model.relations) }
}

async function renderPage(c: Context<ReviewEnv>, form: FormState, status: 200 | 409 | 422 = 200) {
  const { model, figure } = await figureOf(c)
  const thirdOrders = listThirdOrders(c.get('deps').db, c.get('review').id)
  return c.render(
    <LineOfArgumentPage
      page={pageContext(c.var)}
      nav={reviewNav(c, 'synthesis')}
      base={synthesisPath(c)}
      canEdit={canEditSynthesis(c)}
      statement={model.statement}
      levels={model.levels}
      nodes={model.nodes}
      relations={model.relations}
      thirdOrders={thirdOrders}
      figure={figure}
      form={form}
    />,
    { status: status },
  )
}

/** Every change to the model: a post that comes back to the page (or the page with the refusal). */
function modelAction(path: string, apply: (c: Context<ReviewEnv>, values: Record<string, string>) => FormOutcome) {
  synthesisLineOfArgumentRoutes.post(path, requireRole('reviewer'), (c) =>
    runForm(
      c,
      synthesisPath(c, '/line-of-argument'),
      (form, status) => renderPage(c, form, status),
      (values) => apply(c, values),
    ),
  )
}

synthesisLineOfArgumentRoutes.get('/', (c) => renderPage(c, emptyForm))

/** The figure as a file, its boxes linking to the third-order constructs' pages on this server. */
async function figureSvg(c: Context<ReviewEnv>): Promise<string> {
  const { figure } = await figureOf(c)
  if (figure.boxes.length === 0) {
    throw new HTTPException(404, {
      message: 'The line of argument has no third-order construct placed yet, so there is no figure to download.',
    })
  }
  const base = new URL(synthesisPath(c, '/third-order'), c.req.url).toString()
  const svg = (
    <LineOfArgumentSvg
      figure={figure}
      nodeHref={(id) => `${base}/${id}`}
      title={`Line of argument: ${c.get('review').title}`}
    />
  ).toString()
  return `<?xml version="1.0" encoding="UTF-8"?>\n${svg}`
}

synthesisLineOfArgumentRoutes.get('/figure.svg', async (c) =>
  download(c, await figureSvg(c), `${c.get('review').slug}-line-of-argument.svg`, 'image/svg+xml'),
)

synthesisLineOfArgumentRoutes.get('/figure.png', async (c) =>
  c.body(new Uint8Array(figurePng(await figureSvg(c))), 200, {
    'content-type': 'image/png',
    'content-disposition': `attachment; filename="${c.get('review').slug}-line-of-argument.png"`,
  }),
)

modelAction('/statement', (c, values) => {
  const input = validate(statementInput, values)
  if (!input.ok) return { ok: false, form: input }
  saveStatement(c.get('deps').db, c.get('review').id, input.value.statement, actorId(c), c.get('deps').now())
  return { ok: true, done: 'Statement saved.' }
})

modelAction('/levels', (c, values) => {
  const input = validate(levelInput, values)
  if (!input.ok) return { ok: false, form: input }
  addLevel(c.get('deps').db, c.get('review').id, input.value.label, actorId(c))
  return { ok: true, done: `Added the level “${input.value.label}”.` }
})

modelAction('/levels/:levelId', (c, values) => {
  const input = validate(levelInput, values)
  if (!input.ok) return { ok: false, form: input }
  renameLevel(c.get('deps').db, c.get('review').id, idParam(c, 'levelId'), input.value.label, actorId(c))
  return { ok: true, done: 'Level renamed.' }
})

modelAction('/levels/:levelId/delete', (c) => {
  deleteLevel(c.get('deps').db, c.get('review').id, idParam(c, 'levelId'), actorId(c))
  return { ok: true, done: 'Level deleted.' }
})

modelAction('/nodes', (c, values) => {
  const input = validate(placeNodeInput, values)
  if (!input.ok) return { ok: false, form: input }
  placeNode(c.get('deps').db, c.get('review').id, input.value.thirdOrderId, input.value.levelId, actorId(c))
  return { ok: true, done: 'Construct placed in the model.' }
})

modelAction('/nodes/:nodeId/remove', (c) => {
  removeNode(c.get('deps').db, c.get('review').id, idParam(c, 'nodeId'), actorId(c))
  return { ok: true, done: 'Construct taken out of the model.' }
})

modelAction('/relations', (c, values) => {
  const input = validate(relationInput, values)
  if (!input.ok) return { ok: false, form: input }
  addRelation(
    c.get('deps').db,
    c.get('review').id,
    input.value.fromNodeId,
    input.value.toNodeId,
    input.value.label,
    actorId(c),
  )
  return { ok: true, done: 'Relation added.' }
})

modelAction('/relations/:relationId/remove', (c) => {
  removeRelation(c.get('deps').db, c.get('review').id, idParam(c, 'relationId'), actorId(c))
  return { ok: true, done: 'Relation removed.' }
})
