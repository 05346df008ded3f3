/** A small seeded generator (SplitMix32), so a simulation with the same seed repeats exactly. */
export function seededGenerator(seed: number): () => number {
  let state = seed | 0
  return () => {
    state = (state + 0x9e3779b9) | 0
    let z = state
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b)
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35)
    z ^= z >>> 16
    return (z >>> 0) / 4294967296
  }
}

export function pickOne<T>(items: readonly T[], random: () => number): T {
  if (items.length === 0) throw new Error('nothing to pick from')
  return items[Math.floor(random() * items.length)]!
}

/** A copy of `items` in an order fixed by the seed (Fisher–Yates). */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const random = seededGenerator(seed)
  const copy = items.slice()
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[copy[i], copy[j]] = [copy[j]!, copy[i]!]
  }
  return copy
}
