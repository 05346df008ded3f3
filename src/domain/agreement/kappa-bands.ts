/**
 * Words for a kappa value. Landis & Koch (1977) is the default (METHOD.md §7.2); McHugh (2012) is the
 * stricter alternative some teams prefer. Bands are written to two decimals (0.21–0.40), so the value
 * is rounded to two decimals before it is banded: a kappa shown as 0.40 is "fair", never "moderate".
 */
export type KappaBandScheme = 'landis-koch' | 'mchugh'

interface Band {
  /** Highest two-decimal value in the band. */
  upTo: number
  label: string
}

const BANDS: Record<KappaBandScheme, readonly Band[]> = {
  'landis-koch': [
    { upTo: -0.01, label: 'Poor (less than chance)' },
    { upTo: 0.2, label: 'Slight' },
    { upTo: 0.4, label: 'Fair' },
    { upTo: 0.6, label: 'Moderate' },
    { upTo: 0.8, label: 'Substantial' },
    { upTo: Infinity, label: 'Almost perfect' },
  ],
  mchugh: [
    { upTo: 0.2, label: 'None' },
    { upTo: 0.39, label: 'Minimal' },
    { upTo: 0.59, label: 'Weak' },
    { upTo: 0.79, label: 'Moderate' },
    { upTo: 0.9, label: 'Strong' },
    { upTo: Infinity, label: 'Almost perfect' },
  ],
}

export function kappaBand(kappa: number, scheme: KappaBandScheme = 'landis-koch'): string {
  const rounded = Math.round(kappa * 100) / 100
  const bands = BANDS[scheme]
  return (bands.find((band) => rounded <= band.upTo) ?? bands[bands.length - 1])?.label ?? ''
}
