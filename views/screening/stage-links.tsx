import type { ScreeningStage } from '../../src/domain/vocabulary.ts'

/** The screening area's own menu: screen, list, conflicts, and the owner's tools. */
export interface StageLinksProps {
  reviewBase: string
  stage: ScreeningStage
  current: 'screen' | 'list' | 'conflicts' | 'agreement' | 'allocation' | 'import'
  conflicts: number
  /** Resolvers, and viewers (read-only), see the conflict queue; blind reviewers do not. */
  seesConflicts: boolean
  isOwner: boolean
}

export function StageLinks(props: StageLinksProps) {
  const stageBase = `${props.reviewBase}/screening/${props.stage === 'title_abstract' ? 'title-abstract' : 'full-text'}`
  const link = (key: typeof props.current, href: string, label: string) => (
    <a href={href} aria-current={props.current === key ? 'page' : undefined}>
      {label}
    </a>
  )
  return (
    <nav class='subnav' aria-label='Screening'>
      <a
        href={`${props.reviewBase}/screening/title-abstract`}
        aria-current={props.stage === 'title_abstract' ? 'true' : undefined}
      >
        Title/abstract
      </a>
      <a
        href={`${props.reviewBase}/screening/full-text`}
        aria-current={props.stage === 'full_text' ? 'true' : undefined}
      >
        Full text
      </a>
      <span aria-hidden='true'>|</span>
      {link('screen', stageBase, 'Screen')}
      {link('list', `${stageBase}/list`, 'All records')}
      {props.seesConflicts ? link('conflicts', `${stageBase}/conflicts`, `Conflicts (${props.conflicts})`) : null}
      {link('agreement', `${props.reviewBase}/screening/agreement`, 'Agreement')}
      {props.isOwner ? link('allocation', `${props.reviewBase}/screening/allocation`, 'Allocation and pilot') : null}
      {props.isOwner ? link('import', `${props.reviewBase}/screening/import`, 'Import decisions') : null}
    </nav>
  )
}
