import { seededRandom } from '../random.ts'

/**
 * A simple random sample without replacement, reproducible from its seed (the seed goes into the
 * audit trail, so the pilot sample can be drawn again exactly).
 */
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
