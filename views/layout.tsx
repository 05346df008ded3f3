import { raw } from 'hono/html'
import { createContext, useContext, type Child } from 'hono/jsx'
import type { PageContext } from './page.ts'

/**
 * Whether a page is drawn whole or as the fragment an htmx partial request swaps in. The renderer
 * (src/http/render.tsx) decides it once per request; the layout only obeys, and without a renderer above
 * it (a page rendered on its own) it draws the whole page.
 */
export const PageFrame = createContext<'page' | 'fragment'>('page')

export type ReviewTab =
  | 'dashboard'
  | 'protocol'
  | 'sources'
  | 'imports'
  | 'duplicates'
  | 'screening'
  | 'retrieval'
  | 'studies'
  | 'appraisal'
  | 'characteristics'
  | 'constructs'
  | 'synthesis'
  | 'report'
  | 'members'
  | 'activity'

export interface ReviewNav {
  slug: string
  title: string
  role: string
  active: ReviewTab
}

const REVIEW_TABS: readonly { tab: ReviewTab; label: string; path: string }[] = [
  { tab: 'dashboard', label: 'Dashboard', path: '' },
  { tab: 'protocol', label: 'Protocol', path: '/protocol' },
  { tab: 'sources', label: 'Search log', path: '/sources' },
  { tab: 'imports', label: 'Import', path: '/imports' },
  { tab: 'duplicates', label: 'Duplicates', path: '/duplicates' },
  { tab: 'screening', label: 'Screening', path: '/screening' },
  { tab: 'retrieval', label: 'Retrieval', path: '/retrieval' },
  { tab: 'studies', label: 'Studies', path: '/studies' },
  { tab: 'appraisal', label: 'Appraisal', path: '/appraisal' },
  { tab: 'characteristics', label: 'Characteristics', path: '/characteristics' },
  { tab: 'constructs', label: 'Constructs', path: '/constructs' },
  { tab: 'synthesis', label: 'Synthesis', path: '/synthesis' },
  { tab: 'report', label: 'Report', path: '/report' },
  { tab: 'members', label: 'Members', path: '/members' },
  { tab: 'activity', label: 'Activity', path: '/activity' },
]

function SiteHeader({ page }: { page: PageContext }) {
  return (
    <header class='site-header'>
      <a class='brand' href='/'>
        Weft
      </a>
      {page.user ? (
        <nav aria-label='Account'>
          <a href='/reviews'>Reviews</a>
          {page.user.isAdmin ? <a href='/admin/people'>People</a> : null}
          <span class='who'>{page.user.name}</span>
          <form method='post' action='/sign-out' class='inline'>
            <input type='hidden' name='_csrf' value={page.csrf()} />
            <button type='submit' class='link'>
              Sign out
            </button>
          </form>
        </nav>
      ) : null}
    </header>
  )
}

function ReviewTabs({ review }: { review: ReviewNav }) {
  const base = `/reviews/${review.slug}`
  return (
    <div class='review-header'>
      <p class='review-title'>
        <a href={base}>{review.title}</a> <span class='role'>{review.role}</span>
      </p>
      <nav class='tabs' aria-label='Review'>
        {REVIEW_TABS.map(({ tab, label, path }) => (
          <a href={base + path} aria-current={tab === review.active ? 'page' : undefined}>
            {label}
          </a>
        ))}
      </nav>
    </div>
  )
}

/** The one-line confirmation (or refusal) carried to this page; a fragment shows it too. */
function Flash({ page }: { page: PageContext }) {
  if (!page.flash) return null
  return (
    <p class='flash' role='status'>
      {page.flash}
    </p>
  )
}

export function Layout(props: { page: PageContext; title: string; review?: ReviewNav; children: Child }) {
  const { page } = props
  if (useContext(PageFrame) === 'fragment') {
    return (
      <>
        <Flash page={page} />
        {props.children}
      </>
    )
  }
  return (
    <>
      {raw('<!DOCTYPE html>')}
      <html lang='en'>
        <head>
          <meta charset='utf-8' />
          <meta name='viewport' content='width=device-width, initial-scale=1' />
          <title>{props.review ? `${props.title} · ${props.review.title} · Weft` : `${props.title} · Weft`}</title>
          <link rel='icon' href='data:,' />
          <link rel='stylesheet' href={page.assets.css} />
          <script src={page.assets.htmx} defer></script>
          <script src={page.assets.js} defer></script>
          <script type='module' src={page.assets.pdfViewer} data-pdfjs={page.assets.pdfjs}></script>
        </head>
        <body hx-boost:inherited='true'>
          <SiteHeader page={page} />
          {props.review ? <ReviewTabs review={props.review} /> : null}
          <main id='main'>
            <Flash page={page} />
            {props.children}
          </main>
        </body>
      </html>
    </>
  )
}
