import type { ConstructChain } from '../../src/domain/synthesis/chain.ts'

const KIND_NOTE = { reciprocal: '', refutational: 'refutes', untranslatable: 'untranslatable' } as const

/** Concepts → second-order constructs (by study, with translation) → supporting quotes. */
export function ChainView(props: { chain: ConstructChain; base: string }) {
  const { chain } = props
  return (
    <div class='chain'>
      <p>
        <strong>Contributing studies ({chain.studies.length}):</strong>{' '}
        {chain.studies.length > 0 ? (
          chain.studies.map((study) => study.label).join('; ')
        ) : (
          <span class='empty'>none linked yet</span>
        )}
      </p>
      {chain.concepts.map(({ concept, entries }) => (
        <section class='chain-concept'>
          <h3>
            Concept: <a href={`${props.base}/concepts#concept-${concept.id}`}>{concept.label}</a>
          </h3>
          {entries.length === 0 ? <p class='empty'>No constructs mapped to this concept yet.</p> : null}
          <ul>
            {entries.map((entry) => (
              <li>
                <strong>{entry.study.label}</strong>: {entry.construct.label}
                {entry.construct.page ? <span class='muted'> (p. {entry.construct.page})</span> : null}
                {KIND_NOTE[entry.mapping.translation] ? (
                  <span class='kind-badge'>{KIND_NOTE[entry.mapping.translation]}</span>
                ) : null}
                {entry.mapping.explanation ? <p class='muted'>{entry.mapping.explanation}</p> : null}
                {entry.quotes.length > 0 ? (
                  <ul class='quotes'>
                    {entry.quotes.map((quote) => (
                      <li>
                        <blockquote>“{quote.quote}”</blockquote>
                        <span class='muted'>
                          {[quote.participant, quote.page ? `p. ${quote.page}` : ''].filter(Boolean).join(', ')}
                        </span>
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  )
}
