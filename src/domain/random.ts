/**
 * Seeded randomness for everything Weft draws at random (the pilot sample, the random screening order,
 * the simulation's first records): a seed gives the same draw every time, so a draw can be repeated from
 * the seed in the audit trail.
 */

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** A simple random sample of `size` items without replacement, fixed by the seed. */
export function drawSample<T>(population: readonly T[], size: number, seed: number): T[] {
  const random = seededRandom(seed)
  const pool = [...population]
  const take = Math.min(size, pool.length)
  // Partial Fisher–Yates: the first `take` places end up a uniform sample.
  for (let i = 0; i < take; i++) {
    const j = i + Math.floor(random() * (pool.length - i))
    ;[pool[i], pool[j]] = [pool[j]!, pool[i]!]
  }
  return pool.slice(0, take)
}

/** A copy of `items` in an order fixed by the seed: a sample of them all. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  return drawSample(items, items.length, seed)
}

export function pickOne<T>(items: readonly T[], random: () => number): T {
  if (items.length === 0) throw new Error('nothing to pick from')
  return items[Math.floor(random() * items.length)]!
}
