import { Layout, type ReviewNav } from '../layout.tsx'
import type { PageContext } from '../page.ts'
import { ScreeningAnnouncer, ScreeningPanel, type ScreeningPanelProps } from './card.tsx'
import { STAGE_TITLES } from './labels.ts'
import { StageLinks, type StageLinksProps } from './stage-links.tsx'

export function ScreeningPage(
  props: ScreeningPanelProps & { page: PageContext; nav: ReviewNav; links: StageLinksProps },
) {
  return (
    <Layout page={props.page} title={STAGE_TITLES[props.stage]} review={props.nav}>
      <h1>{STAGE_TITLES[props.stage]}</h1>
      <StageLinks {...props.links} />
      <ScreeningAnnouncer />
      <ScreeningPanel {...props} />
    </Layout>
  )
}
