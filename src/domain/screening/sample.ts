/**
 * A simple random sample without replacement, reproducible from its seed (the seed goes into the
 * audit trail, so the pilot sample can be drawn again exactly).
 */
export function drawSample<T>(population: readonly T[], size: number, seed: number): T[] {
  const random = mulberry32(seed)
  const pool = [...population]
  const take = Math.min(size, pool.length)
  // Partial Fisher–Yates: the first `take` places end up a uniform sample.
  for (let i = 0; i < take; i++) {
    const j = i + Math.floor(random() * (pool.length - i))
    ;[pool[i], pool[j]] = [pool[j]!, pool[i]!]
  }
  return pool.slice(0, take)
}

function mulberry32(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
