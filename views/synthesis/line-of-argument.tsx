import type { ArgumentLevel } from '../../db/schema.ts'
import type { ArgumentFigure, LayoutNode, LayoutRelation } from '../../src/domain/synthesis/line-of-argument-layout.ts'
import type { SnapshotThirdOrder } from '../../src/domain/synthesis/snapshot.ts'
import { ErrorSummary, Form, type FormState } from '../components/forms.tsx'
import type { ReviewNav } from '../layout.tsx'
import type { PageContext } from '../page.ts'
import { LineOfArgumentSvg } from './line-of-argument-svg.tsx'
import { SynthesisLayout } from './synthesis-layout.tsx'
import { DangerButton, RenameForm } from '../components/row-actions.tsx'
import { LabelOptions } from '../components/label-options.tsx'

export interface LineOfArgumentProps {
  page: PageContext
  nav: ReviewNav
  base: string
  canEdit: boolean
  statement: string
  levels: ArgumentLevel[]
  nodes: LayoutNode[]
  relations: LayoutRelation[]
  thirdOrders: SnapshotThirdOrder[]
  figure: ArgumentFigure
  form: FormState
}

function ModelEditor(props: LineOfArgumentProps) {
  const { base, page } = props
  const nodeLabel = new Map(props.nodes.map((node) => [node.id, node.label]))
  return (
    <>
      <h2>Levels or groups</h2>
      <ol class='levels'>
        {props.levels.map((level) => (
          <li>
            <strong>{level.label}</strong>
            <span class='row-actions'>
              <RenameForm
                action={`${base}/line-of-argument/levels/${level.id}`}
                csrf={page.csrf}
                value={level.label}
                maxlength={200}
                ariaLabel={`New name for “${level.label}”`}
              />
              <DangerButton
                action={`${base}/line-of-argument/levels/${level.id}/delete`}
                csrf={page.csrf}
                confirm={`Delete the level “${level.label}”?`}
              >
                Delete
              </DangerButton>
            </span>
            <ul>
              {props.nodes
                .filter((node) => node.levelId === level.id)
                .map((node) => (
                  <li>
                    {node.label}{' '}
                    <Form
                      action={`${base}/line-of-argument/nodes/${node.id}/remove`}
                      csrf={page.csrf}
                      class='inline'
                      confirm={`Take “${node.label}” out of the model, with its relations?`}
                    >
                      <button type='submit' class='small link'>
                        Take out of the model
                      </button>
                    </Form>
                  </li>
                ))}
            </ul>
          </li>
        ))}
      </ol>
      <Form action={`${base}/line-of-argument/levels`} csrf={page.csrf} class='add-row'>
        <div class='field'>
          <label for='field-level-label'>Add a level or group</label>
          <input id='field-level-label' name='label' maxlength={200} required />
        </div>
        <button type='submit'>Add level</button>
      </Form>
      {props.levels.length > 0 && props.thirdOrders.length > 0 ? (
        <Form action={`${base}/line-of-argument/nodes`} csrf={page.csrf} class='add-row'>
          <div class='field'>
            <label for='field-thirdOrderId'>Place a third-order construct</label>
            <select id='field-thirdOrderId' name='thirdOrderId'>
              <LabelOptions rows={props.thirdOrders} />
            </select>
          </div>
          <div class='field'>
            <label for='field-levelId'>in the level</label>
            <select id='field-levelId' name='levelId'>
              <LabelOptions rows={props.levels} />
            </select>
          </div>
          <button type='submit'>Place</button>
        </Form>
      ) : null}
      <h2>Relations</h2>
      <ul class='relations'>
        {props.relations.map((relation) => (
          <li>
            {nodeLabel.get(relation.fromNodeId)} → {nodeLabel.get(relation.toNodeId)}
            {relation.label ? ` (“${relation.label}”)` : ''}{' '}
            <Form action={`${base}/line-of-argument/relations/${relation.id}/remove`} csrf={page.csrf} class='inline'>
              <button type='submit' class='small link'>
                Remove
              </button>
            </Form>
          </li>
        ))}
      </ul>
      {props.nodes.length >= 2 ? (
        <Form action={`${base}/line-of-argument/relations`} csrf={page.csrf} class='add-row'>
          {(['fromNodeId', 'toNodeId'] as const).map((name) => (
            <div class='field'>
              <label for={`field-${name}`}>{name === 'fromNodeId' ? 'From' : 'To'}</label>
              <select id={`field-${name}`} name={name}>
                <LabelOptions rows={props.nodes} />
              </select>
            </div>
          ))}
          <div class='field'>
            <label for='field-relation-label'>Label</label>
            <input id='field-relation-label' name='label' maxlength={200} placeholder='e.g. arises from' />
          </div>
          <button type='submit'>Add relation</button>
        </Form>
      ) : null}
    </>
  )
}

export function LineOfArgumentPage(props: LineOfArgumentProps) {
  const { base } = props
  return (
    <SynthesisLayout page={props.page} nav={props.nav} section='line-of-argument' title='Line of argument'>
      <h1>Line of argument</h1>
      <ErrorSummary errors={props.form.errors} />
      {props.statement ? <p class='prose loa-statement'>{props.statement}</p> : <p class='empty'>No statement yet.</p>}
      {props.nodes.length > 0 ? (
        <figure class='loa-figure'>
          <LineOfArgumentSvg
            figure={props.figure}
            nodeHref={(id) => `${base}/third-order/${id}`}
            title='Line-of-argument model'
          />
          <figcaption>
            Each box opens its third-order construct with its concepts, constructs, studies and quotes. Download{' '}
            <a href={`${base}/line-of-argument/figure.svg`} download>
              SVG
            </a>{' '}
            or{' '}
            <a href={`${base}/line-of-argument/figure.png`} download>
              PNG
            </a>
            .
          </figcaption>
        </figure>
      ) : (
        <p class='empty'>The model is empty: add levels, then place third-order constructs in them.</p>
      )}
      {props.canEdit ? (
        <>
          <Form action={`${base}/line-of-argument/statement`} csrf={props.page.csrf} class='stacked'>
            <div class='field'>
              <label for='field-statement'>Line-of-argument statement</label>
              <p class='hint'>The whole the studies add up to, in a few sentences.</p>
              <textarea id='field-statement' name='statement' rows={4}>
                {props.form.values['statement'] ?? props.statement}
              </textarea>
            </div>
            <button type='submit'>Save statement</button>
          </Form>
          <ModelEditor {...props} />
        </>
      ) : null}
    </SynthesisLayout>
  )
}
