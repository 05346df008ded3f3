/**
 * The slice of citation-js 0.7 (the `citation-js` bundle, no bundled types) that the formats layer
 * uses: the input chain, which turns BibTeX text or CSL-JSON into cleaned CSL-JSON.
 */
declare module 'citation-js' {
  interface InputOptions {
    /** false: do not attach `_graph` (it would hold the whole input text on every entry). */
    generateGraph?: boolean
    /** Skip content sniffing, which dominates citation-js's cost on big inputs. */
    forceType?: string
    target?: string
  }

  interface CiteStatic {
    plugins: {
      input: {
        chain(input: unknown, options?: InputOptions): unknown
      }
    }
  }

  const Cite: CiteStatic
  export default Cite
}
