import type { RelevanceNote } from '../../src/domain/ranking/index.ts'

const count = (n: number) => n.toLocaleString('en')

/**
 * The record's relevance as the model sees it, and the stopping guidance for screening in relevance
 * order (README, "Screening prioritisation"). Advice only: nothing is ever excluded automatically.
 */
export function RelevanceLine({ note }: { note: RelevanceNote }) {
  const { guidance } = note
  const expected = Math.round(guidance.expectedRemaining)
  return (
    <div class='relevance'>
      <p
        class='muted'
        title='The share of this review’s records the model ranks below this one (1: ranked first of all)'
      >
        Relevance {note.score.toFixed(2)}
        {note.rank !== null ? ` (rank ${count(note.rank)} of ${count(note.ranked)})` : ''}
      </p>
      <details class='stopping-guidance'>
        <summary>When could I stop?{guidance.stoppingRunReached ? ' (stopping point reached)' : ''}</summary>
        <p>
          About {count(expected)} relevant {expected === 1 ? 'record is' : 'records are'} expected among the{' '}
          {count(guidance.unscreened)} still waiting for you, from how often your recent votes were includes.
        </p>
        <p>
          {count(guidance.excludesSinceLastInclude)} excludes in a row since your last include or maybe. After{' '}
          {count(guidance.stoppingRun)} in a row (50, or 5% of the records if more) further relevant records are
          probably rare, and stopping is reasonable.
        </p>
        <p class='hint'>This is advice: records you do not screen stay unscreened; none is excluded automatically.</p>
      </details>
    </div>
  )
}
