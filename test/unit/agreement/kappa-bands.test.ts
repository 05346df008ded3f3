import { describe, expect, it } from 'vitest'
import { kappaBand } from '../../../src/domain/agreement/index.ts'

describe('kappaBand', () => {
  it('names the Landis & Koch bands at their edges', () => {
    expect(kappaBand(-0.2)).toBe('Poor (less than chance)')
    expect(kappaBand(-0.01)).toBe('Poor (less than chance)')
    expect(kappaBand(0)).toBe('Slight')
    expect(kappaBand(0.2)).toBe('Slight')
    expect(kappaBand(0.21)).toBe('Fair')
    expect(kappaBand(0.4)).toBe('Fair')
    expect(kappaBand(0.41)).toBe('Moderate')
    expect(kappaBand(0.6)).toBe('Moderate')
    expect(kappaBand(0.61)).toBe('Substantial')
    expect(kappaBand(0.8)).toBe('Substantial')
    expect(kappaBand(0.81)).toBe('Almost perfect')
    expect(kappaBand(1)).toBe('Almost perfect')
  })

  it('bands the value as shown to two decimals, so 0.404 reads "fair" and 0.4051 "moderate"', () => {
    // 0.404 is shown as 0.40 (fair); 0.4051 → Math.round(40.51)/100 = 0.41 (moderate).
    expect(kappaBand(0.404)).toBe('Fair')
    expect(kappaBand(0.4051)).toBe('Moderate')
    // A tiny negative value shown as 0.00 is slight, not poor.
    expect(kappaBand(-0.004)).toBe('Slight')
  })

  it('names the McHugh bands at their edges', () => {
    expect(kappaBand(0.2, 'mchugh')).toBe('None')
    expect(kappaBand(0.39, 'mchugh')).toBe('Minimal')
    expect(kappaBand(0.4, 'mchugh')).toBe('Weak')
    expect(kappaBand(0.79, 'mchugh')).toBe('Moderate')
    expect(kappaBand(0.9, 'mchugh')).toBe('Strong')
    expect(kappaBand(0.91, 'mchugh')).toBe('Almost perfect')
  })
})
