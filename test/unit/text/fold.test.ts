import { describe, expect, it } from 'vitest'
import { foldAccents } from '../../../src/domain/text/fold.ts'

describe('foldAccents', () => {
  it('lower-cases and drops accents, so a search for zurich finds Zürich', () => {
    expect(foldAccents('Zürich, SÃO PAULO, Łódź, Ærø')).toBe('zurich, sao paulo, łodz, ærø')
  })

  it('turns compatibility forms into plain letters (ligatures, full-width)', () => {
    expect(foldAccents('ﬁnding ＡＢＣ')).toBe('finding abc')
  })

  it('keeps the vowel signs of other scripts: they are letters, not accents', () => {
    expect(foldAccents('हिन्दी')).toBe('हिन्दी'.normalize('NFKD'))
  })
})
