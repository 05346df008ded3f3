import { Hono, type Context } from 'hono'
import { emptyForm, type FormState } from '../../../views/components/forms.tsx'
import { ConstructListPage } from '../../../views/constructs/construct-list.tsx'
import { ConstructsPanel, type ConstructsPanelProps } from '../../../views/constructs/constructs-panel.tsx'
import { StudyConstructsPage } from '../../../views/constructs/study-constructs.tsx'
import { roleAtLeast } from '../../domain/vocabulary.ts'
import { constructSearchInput, moveInput, quoteInput, validateConstruct } from '../../input/construct-input.ts'
import { formLists } from '../../input/extraction-input.ts'
import { validate, type FormValues, type Validated } from '../../input/form.ts'
import type { ReviewEnv } from '../../http/env.ts'
import { afterChange, refusalOf, type RefusalStatus } from '../../http/form-action.ts'
import { flashInPanel, pageContext } from '../../http/page-context.ts'
import { requireRole } from '../../http/review-access.ts'
import {
  addConstruct,
  addQuote,
  deleteConstructItem,
  editConstruct,
  editQuote,
  listStudyConstructs,
  moveConstructItem,
} from '../../store/constructs.ts'
import { searchConstructs } from '../../store/constructs-search.ts'
import { fullTextOf, listIncludedStudies, requireIncludedStudy } from '../../store/included-studies.ts'
import { csvDownload } from './appraisal-export.tsx'
import { idParam, reviewNav, reviewPath } from './nav.ts'

/**
 * Constructs: each study's quotes and second-order constructs, entered inline (htmx swaps the study's
 * panel; plain posts without JavaScript), the review-wide searchable list, and CSV exports.
 */
export const constructRoutes = new Hono<ReviewEnv>()

const LIST_LIMIT = 500
const CSV_HEADER = [
  'Study',
  'Order',
  'Position',
  'Construct',
  'Participant / description',
  'Page',
  'Supporting quotes / supports',
]

function searchOf(c: Context<ReviewEnv>) {
  const input = constructSearchInput.safeParse({ q: c.req.query('q'), order: c.req.query('order') })
  return input.success ? input.data : { q: '', order: 'all' as const }
}

constructRoutes.get('/constructs', (c) => {
  const { db } = c.get('deps')
  const { q, order } = searchOf(c)
  const { rows, total } = searchConstructs(db, c.get('review').id, { query: q, order, limit: LIST_LIMIT })
  return c.render(
    <ConstructListPage
      page={pageContext(c.var)}
      nav={reviewNav(c, 'constructs')}
      query={q}
      order={order}
      rows={rows}
      total={total}
      studies={listIncludedStudies(db, c.get('review').id)}
    />,
  )
})

constructRoutes.get('/constructs.csv', (c) => {
  const { q, order } = searchOf(c)
  const { rows } = searchConstructs(c.get('deps').db, c.get('review').id, { query: q, order })
  return csvDownload(
    c,
    'constructs',
    CSV_HEADER,
    rows.map((row) => [
      row.studyLabel,
      row.order === 'first' ? 'first' : 'second',
      '',
      row.text,
      row.detail,
      row.page,
      row.links,
    ]),
  )
})

const studyBase = (c: Context<ReviewEnv>) => reviewPath(c, `/studies/${idParam(c, 'studyId')}/constructs`)

constructRoutes.get('/studies/:studyId/constructs.csv', (c) => {
  const { db } = c.get('deps')
  const study = requireIncludedStudy(db, c.get('review').id, idParam(c, 'studyId'))
  const { quotes, constructs } = listStudyConstructs(db, c.get('review').id, study.id)
  const quoteNumber = new Map(quotes.map((quote, index) => [quote.id, `Q${index + 1}`]))
  const rows = [
    ...constructs.map((construct, index) => [
      study.label,
      'second',
      `C${index + 1}`,
      construct.label,
      construct.description,
      construct.page,
      construct.quoteIds.map((id) => quoteNumber.get(id)).join(' '),
    ]),
    ...quotes.map((quote, index) => [
      study.label,
      'first',
      `Q${index + 1}`,
      quote.quote,
      quote.participant,
      quote.page,
      constructs.flatMap((construct, n) => (construct.quoteIds.includes(quote.id) ? [`C${n + 1}`] : [])).join(' '),
    ]),
  ]
  return csvDownload(c, `constructs-study-${study.id}`, CSV_HEADER, rows)
})

type PanelState = Pick<ConstructsPanelProps, 'quoteForm' | 'constructForm' | 'editing' | 'notice' | 'focus'>

function panelProps(c: Context<ReviewEnv>, state: Partial<PanelState>) {
  const { db } = c.get('deps')
  const study = requireIncludedStudy(db, c.get('review').id, idParam(c, 'studyId'))
  const { quotes, constructs } = listStudyConstructs(db, c.get('review').id, study.id)
  const props: ConstructsPanelProps = {
    base: studyBase(c),
    csrf: pageContext(c.var).csrf,
    canEdit: roleAtLeast(c.get('role'), 'reviewer'),
    quotes,
    constructs,
    quoteForm: state.quoteForm ?? emptyForm,
    constructForm: state.constructForm ?? emptyForm,
    editing: state.editing,
    notice: state.notice,
    focus: state.focus,
  }
  return { study, props }
}

function renderStudy(c: Context<ReviewEnv>, state: Partial<PanelState>, status: 200 | RefusalStatus) {
  const { study, props } = panelProps(c, state)
  return c.render(
    <StudyConstructsPage
      {...props}
      {...flashInPanel(c.var, props.notice)}
      nav={reviewNav(c, 'constructs')}
      study={study}
      fullText={fullTextOf(study)}
    />,
    { status, fragment: <ConstructsPanel {...props} /> },
  )
}

constructRoutes.get('/studies/:studyId/constructs', (c) => renderStudy(c, {}, 200))

type Outcome =
  | { ok: true; done: string; anchor?: string; focus?: PanelState['focus'] }
  | { ok: false; state: Partial<PanelState>; status?: RefusalStatus }

/**
 * One change to the study's constructs: an htmx request gets the panel back (with the next empty form
 * focused), a plain post a redirect; a refusal shows the form again with what was typed and why.
 */
async function change(
  c: Context<ReviewEnv>,
  refused: (form: FormState) => Partial<PanelState>,
  run: (lists: Record<string, string[]>, values: FormValues) => Outcome,
) {
  const lists = formLists(await c.req.parseBody({ all: true }))
  const values: FormValues = Object.fromEntries(Object.entries(lists).map(([key, list]) => [key, list[0] ?? '']))
  let outcome: Outcome
  try {
    outcome = run(lists, values)
  } catch (error) {
    const refusal = refusalOf(error, { ...values, quoteIds: (lists['quoteIds'] ?? []).join(',') })
    outcome = { ok: false, state: refused(refusal.form), status: refusal.status }
  }
  if (!outcome.ok) return renderStudy(c, outcome.state, outcome.status ?? 422)
  const { done, focus, anchor } = outcome
  return afterChange(c, done, `${studyBase(c)}${anchor ? `#${anchor}` : ''}`, () =>
    renderStudy(c, { notice: { text: done, refused: false }, focus }, 200),
  )
}

function who(c: Context<ReviewEnv>) {
  return { reviewId: c.get('review').id, studyId: idParam(c, 'studyId'), actorId: c.get('user').id }
}

function refuse<T>(input: Validated<T>, place: (form: FormState) => Partial<PanelState>): Outcome | null {
  return input.ok ? null : { ok: false, state: place(input) }
}

const asNewQuote = (quoteForm: FormState) => ({ quoteForm })
const asNewConstruct = (constructForm: FormState) => ({ constructForm })
const asEdit = (c: Context<ReviewEnv>, order: 'first' | 'second', param: string) => (form: FormState) => ({
  editing: { order, id: idParam(c, param), form },
})
const asNotice = (form: FormState) => ({
  notice: { text: Object.values(form.errors)[0] ?? 'Not changed.', refused: true },
})

constructRoutes.post('/studies/:studyId/constructs/quotes', requireRole('reviewer'), (c) =>
  change(c, asNewQuote, (_lists, values) => {
    const input = validate(quoteInput, values)
    if (!input.ok) return refuse(input, asNewQuote)!
    const quote = addQuote(c.get('deps').db, who(c), input.value)
    return { ok: true, done: 'Quote added.', anchor: `quote-${quote.id}`, focus: 'quote' }
  }),
)

constructRoutes.post('/studies/:studyId/constructs/quotes/:quoteId', requireRole('reviewer'), (c) =>
  change(c, asEdit(c, 'first', 'quoteId'), (_lists, values) => {
    const input = validate(quoteInput, values)
    if (!input.ok) return refuse(input, asEdit(c, 'first', 'quoteId'))!
    editQuote(c.get('deps').db, who(c), idParam(c, 'quoteId'), input.value)
    return { ok: true, done: 'Quote saved.', anchor: `quote-${idParam(c, 'quoteId')}` }
  }),
)

constructRoutes.post('/studies/:studyId/constructs/second-order', requireRole('reviewer'), (c) =>
  change(c, asNewConstruct, (lists) => {
    const input = validateConstruct(lists)
    if (!input.ok) return refuse(input, asNewConstruct)!
    const construct = addConstruct(c.get('deps').db, who(c), input.value)
    return { ok: true, done: 'Construct added.', anchor: `construct-${construct.id}`, focus: 'construct' }
  }),
)

constructRoutes.post('/studies/:studyId/constructs/second-order/:constructId', requireRole('reviewer'), (c) =>
  change(c, asEdit(c, 'second', 'constructId'), (lists) => {
    const input = validateConstruct(lists)
    if (!input.ok) return refuse(input, asEdit(c, 'second', 'constructId'))!
    editConstruct(c.get('deps').db, who(c), idParam(c, 'constructId'), input.value)
    return { ok: true, done: 'Construct saved.', anchor: `construct-${idParam(c, 'constructId')}` }
  }),
)

for (const [segment, order, param, noun] of [
  ['quotes', 'first', 'quoteId', 'Quote'],
  ['second-order', 'second', 'constructId', 'Construct'],
] as const) {
  constructRoutes.post(`/studies/:studyId/constructs/${segment}/:${param}/move`, requireRole('reviewer'), (c) =>
    change(c, asNotice, (_lists, values) => {
      const input = validate(moveInput, values)
      if (!input.ok) return refuse(input, asNotice)!
      moveConstructItem(c.get('deps').db, who(c), order, idParam(c, param), input.value.direction)
      return {
        ok: true,
        done: `${noun} moved ${input.value.direction}.`,
        anchor: `${order === 'first' ? 'quote' : 'construct'}-${idParam(c, param)}`,
      }
    }),
  )
  constructRoutes.post(`/studies/:studyId/constructs/${segment}/:${param}/delete`, requireRole('reviewer'), (c) =>
    change(c, asNotice, () => {
      deleteConstructItem(c.get('deps').db, who(c), order, idParam(c, param))
      return { ok: true, done: `${noun} deleted.` }
    }),
  )
}
