import type { Source } from '../../db/schema.ts'
import { SOURCE_KIND_LABELS, skipsTitleAbstract } from '../../src/domain/vocabulary.ts'
import { Layout, type ReviewNav } from '../layout.tsx'
import type { PageContext } from '../page.ts'

/** One line of the entry, left out when the search log has nothing for it. */
function Fact({ term, text }: { term: string; text: string }) {
  if (!text) return null
  return (
    <>
      <dt>{term}</dt>
      <dd class='prose'>{text}</dd>
    </>
  )
}

function SourceEntry({ source, base, canEdit }: { source: Source; base: string; canEdit: boolean }) {
  return (
    <article class='source' id={`source-${source.id}`}>
      <header>
        <h2>{source.name}</h2>
        <p class='muted'>
          {SOURCE_KIND_LABELS[source.kind]}
          {source.platform ? ` · ${source.platform}` : ''}
          {source.dateRun ? ` · run ${source.dateRun}` : ' · not run yet'}
        </p>
        {skipsTitleAbstract(source.kind) ? (
          <p class='muted'>
            Records go straight to retrieval: no title/abstract screening (PRISMA 2020’s other methods).
          </p>
        ) : null}
        {canEdit ? (
          <a class='small button secondary' href={`${base}/sources/${source.id}/edit`}>
            Edit
          </a>
        ) : null}
      </header>
      <dl class='facts'>
        <Fact term='Coverage' text={source.coverage} />
        <Fact term='Limits' text={source.limits} />
        <Fact term='Filters' text={source.filters} />
        <Fact term='Notes' text={source.notes} />
      </dl>
      {source.strategy ? (
        <details>
          <summary>Search strategy as run</summary>
          <pre class='strategy'>{source.strategy}</pre>
        </details>
      ) : (
        <p class='muted'>No search strategy recorded.</p>
      )}
    </article>
  )
}

export function SourceListPage(props: { page: PageContext; nav: ReviewNav; sources: Source[]; canEdit: boolean }) {
  const base = `/reviews/${props.nav.slug}`
  return (
    <Layout page={props.page} title='Search log' review={props.nav}>
      <div class='page-heading'>
        <h1>Search log</h1>
        {props.canEdit ? (
          <a class='button' href={`${base}/sources/new`}>
            Add source
          </a>
        ) : null}
      </div>
      <p>
        Every search as it was run (PRISMA-S): where, on which platform, when, the full strategy, and its limits and
        filters.
      </p>
      <p>
        <a href={`${base}/imports`}>Import the results</a> of a search (RIS, MEDLINE, BibTeX, EndNote XML, CSV…) into
        its source.
      </p>
      {props.sources.length === 0 ? (
        <p class='empty'>No sources yet. Add each database, register, website or other source you searched.</p>
      ) : (
        props.sources.map((source) => <SourceEntry source={source} base={base} canEdit={props.canEdit} />)
      )}
    </Layout>
  )
}
