import { describe, expect, it } from 'vitest'
import { decodeEntities } from '../../../src/domain/text/entities.ts'

describe('decodeEntities', () => {
  it('decodes the named, decimal and hexadecimal references reference exports carry', () => {
    expect(decodeEntities('Link workers&rsquo; views &amp; &#8220;hope&#x201D; &ndash; &alpha;-blockers')).toBe(
      'Link workers’ views & “hope” – α-blockers',
    )
  })

  it('decodes every accented letter written the HTML way, in either case', () => {
    expect(
      decodeEntities('M&uuml;ller, &Uuml;lk&uuml;, S&atilde;o Paulo, &Aring;se, Gon&ccedil;alves, &Eacute;mile'),
    ).toBe('Müller, Ülkü, São Paulo, Åse, Gonçalves, Émile')
  })

  it('leaves what it does not know as written, rather than guessing', () => {
    expect(decodeEntities('AT&T; &notanentity; &#0; &#x110000; 5 & 6')).toBe(
      'AT&T; &notanentity; &#0; &#x110000; 5 & 6',
    )
  })
})
