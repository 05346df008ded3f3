import type { ReviewNav } from '../layout.tsx'
import type { PageContext } from '../page.ts'
import { SynthesisLayout } from './synthesis-layout.tsx'

export interface SynthesisCounts {
  studies: number
  constructs: number
  concepts: number
  mappings: number
  refutations: number
  thirdOrders: number
  modelNodes: number
  findings: number
  assessed: number
}

export function SynthesisOverviewPage(props: {
  page: PageContext
  nav: ReviewNav
  base: string
  counts: SynthesisCounts
}) {
  const { base, counts } = props
  const steps = [
    {
      phase: 'Phase 4',
      label: 'Relate studies in the juxtaposition grid',
      href: `${base}/grid`,
      state: `${counts.concepts} concepts · ${counts.mappings} of ${counts.constructs} constructs mapped across ${counts.studies} studies`,
    },
    {
      phase: 'Phase 5',
      label: 'Translate studies into one another',
      href: `${base}/translation`,
      state: `${counts.refutations} refutational translation(s)`,
    },
    {
      phase: 'Phase 6',
      label: 'Build third-order constructs',
      href: `${base}/third-order`,
      state: `${counts.thirdOrders} third-order construct(s)`,
    },
    {
      phase: 'Phase 6',
      label: 'Draw the line of argument',
      href: `${base}/line-of-argument`,
      state: `${counts.modelNodes} construct(s) in the model`,
    },
    {
      phase: 'Phase 7',
      label: 'Assess confidence with GRADE-CERQual',
      href: `${base}/findings`,
      state: `${counts.assessed} of ${counts.findings} finding(s) assessed`,
    },
    { phase: 'Phase 7', label: 'Report: eMERGe, ENTREQ and the synthesis report', href: `${base}/report`, state: '' },
  ]
  return (
    <SynthesisLayout page={props.page} nav={props.nav} section='overview' title='Synthesis'>
      <h1>Synthesis</h1>
      <p>
        From second-order constructs to the line of argument, every step linked back to the studies and quotes it rests
        on.
      </p>
      <ol class='synthesis-overview'>
        {steps.map((step) => (
          <li>
            <span class='muted'>{step.phase}</span> <a href={step.href}>{step.label}</a>
            {step.state ? <span class='muted'> — {step.state}</span> : null}
          </li>
        ))}
      </ol>
    </SynthesisLayout>
  )
}
