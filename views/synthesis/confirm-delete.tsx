import type { SynthesisUsage } from '../../src/domain/synthesis/usage.ts'
import { TRANSLATION_KIND_LABELS } from '../../src/domain/synthesis/vocabulary.ts'
import { Form } from '../components/forms.tsx'
import type { ReviewNav } from '../layout.tsx'
import type { PageContext } from '../page.ts'
import { SynthesisLayout, type SynthesisSection } from './synthesis-layout.tsx'

/**
 * Asks before deleting something the synthesis uses, listing exactly what goes with it (mappings,
 * third-order links, nodes of the model) and which findings' contributing studies change.
 */
export interface ConfirmDeleteProps {
  page: PageContext
  nav: ReviewNav
  section: SynthesisSection
  what: string
  name: string
  usage: SynthesisUsage
  action: string
  cancel: string
  refused?: string
}

export function ConfirmDeletePage(props: ConfirmDeleteProps) {
  const { usage } = props
  const unused =
    usage.mappings.length + usage.thirdOrders.length + usage.findings.length + usage.argumentNodes.length === 0
  return (
    <SynthesisLayout page={props.page} nav={props.nav} section={props.section} title={`Delete ${props.what}`}>
      <h1>
        Delete the {props.what} “{props.name}”?
      </h1>
      {props.refused ? (
        <p class='notice' role='alert'>
          {props.refused}
        </p>
      ) : null}
      {unused ? (
        <p>Nothing in the synthesis uses it, so nothing else changes.</p>
      ) : (
        <div class='breaks'>
          <p>Deleting it also changes the synthesis:</p>
          {usage.mappings.length > 0 ? (
            <>
              <h2>Mappings removed ({usage.mappings.length})</h2>
              <ul class='affected-mappings'>
                {usage.mappings.map((mapping) => (
                  <li>
                    “{mapping.constructLabel}” ({mapping.studyLabel}) → “{mapping.conceptLabel}”,{' '}
                    {TRANSLATION_KIND_LABELS[mapping.translation].toLowerCase()}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {usage.thirdOrders.length > 0 ? (
            <>
              <h2>Third-order constructs that lose evidence ({usage.thirdOrders.length})</h2>
              <ul class='affected-third-orders'>
                {usage.thirdOrders.map((thirdOrder) => (
                  <li>{thirdOrder.label}</li>
                ))}
              </ul>
            </>
          ) : null}
          {usage.argumentNodes.length > 0 ? (
            <>
              <h2>Taken out of the line of argument</h2>
              <ul>
                {usage.argumentNodes.map((node) => (
                  <li>
                    {node.label}, with its {node.relations} relation(s)
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {usage.findings.length > 0 ? (
            <>
              <h2>CERQual findings affected ({usage.findings.length})</h2>
              <ul class='affected-findings'>
                {usage.findings.map((finding) => (
                  <li>
                    {finding.summary}{' '}
                    <strong>
                      {finding.deletedWithIt
                        ? '(deleted with it, assessment included)'
                        : '(contributing studies change; review its assessment)'}
                    </strong>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      )}
      <Form action={props.action} csrf={props.page.csrf}>
        <input type='hidden' name='confirmed' value='on' />
        <button type='submit' class='danger'>
          Delete {props.what}
        </button>{' '}
        <a href={props.cancel}>Keep it</a>
      </Form>
    </SynthesisLayout>
  )
}
