/** A piece of text as the highlighter cut it: plain, or matching an include or an exclude term. */
export interface HighlightSegment {
  text: string
  kind: 'plain' | 'include' | 'exclude'
}

export type TermHighlighter = (text: string) => HighlightSegment[]

/** Renders highlighted text; every segment is escaped like any other user text. */
export function Highlighted(props: { text: string; highlight: TermHighlighter }) {
  return (
    <>
      {props
        .highlight(props.text)
        .map((segment) =>
          segment.kind === 'plain' ? segment.text : <mark class={`term-${segment.kind}`}>{segment.text}</mark>,
        )}
    </>
  )
}
