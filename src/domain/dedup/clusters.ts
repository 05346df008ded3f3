import type { DuplicateCluster } from './types.ts'

/** Union-find over record positions: merged records end up with one representative. */
export class UnionFind {
  private readonly parent: Int32Array

  constructor(size: number) {
    this.parent = new Int32Array(size)
    for (let i = 0; i < size; i++) this.parent[i] = i
  }

  find(x: number): number {
    let root = x
    while (this.parent[root] !== root) root = this.parent[root] as number
    // Path compression keeps later look-ups near constant time.
    while (this.parent[x] !== root) {
      const next = this.parent[x] as number
      this.parent[x] = root
      x = next
    }
    return root
  }

  union(a: number, b: number): void {
    const ra = this.find(a)
    const rb = this.find(b)
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb)
  }
}

/**
 * Clusters that must not join: records a reviewer judged "not duplicate" stay in different clusters,
 * however many look-alikes could link them. Each cluster's representative remembers the records its
 * members were kept apart from; a union that would bring one of them in is refused.
 */
export class KeptApart {
  private readonly partners = new Map<number, number[]>()

  constructor(
    private readonly clusters: UnionFind,
    pairs: readonly (readonly [number, number])[],
    positionOf: ReadonlyMap<number, number>,
  ) {
    for (const [a, b] of pairs) {
      const x = positionOf.get(a)
      const y = positionOf.get(b)
      if (x === undefined || y === undefined) continue
      this.add(clusters.find(x), y)
      this.add(clusters.find(y), x)
    }
  }

  private add(root: number, partner: number): void {
    const list = this.partners.get(root)
    if (list === undefined) this.partners.set(root, [partner])
    else list.push(partner)
  }

  /** True when joining the clusters of i and j would put two kept-apart records together. */
  wouldJoin(i: number, j: number): boolean {
    const ri = this.clusters.find(i)
    const rj = this.clusters.find(j)
    if (ri === rj) return false
    const holds = (root: number, other: number) =>
      (this.partners.get(root) ?? []).some((p) => this.clusters.find(p) === other)
    return holds(ri, rj) || holds(rj, ri)
  }

  /** Joins the clusters of i and j, carrying over whom their members are kept apart from. */
  union(i: number, j: number): void {
    const ri = this.clusters.find(i)
    const rj = this.clusters.find(j)
    if (ri === rj) return
    this.clusters.union(ri, rj)
    const root = this.clusters.find(ri)
    const moved = [...(this.partners.get(ri) ?? []), ...(this.partners.get(rj) ?? [])]
    this.partners.delete(ri)
    this.partners.delete(rj)
    if (moved.length > 0) this.partners.set(root, moved)
  }
}

/** What choosing a primary needs to know about each member. */
export interface PrimaryCandidate {
  id: number
  /** Count of filled-in citation fields. */
  completeness: number
  abstractLength: number
  /**
   * True for a record that already stands as the one visible copy (an earlier import, not a duplicate):
   * reviewers may have screened it, so it keeps that place when new copies arrive.
   */
  established: boolean
}

/**
 * The record that represents a cluster: an established record if there is one, then the most complete,
 * then the one with the longest abstract, then the lowest id (the earliest imported).
 */
export function choosePrimary(members: readonly PrimaryCandidate[]): PrimaryCandidate {
  const pool = members.some((m) => m.established) ? members.filter((m) => m.established) : members
  let best = pool[0]
  if (best === undefined) throw new Error('choosePrimary needs at least one record')
  for (const m of pool) {
    if (
      m.completeness > best.completeness ||
      (m.completeness === best.completeness &&
        (m.abstractLength > best.abstractLength || (m.abstractLength === best.abstractLength && m.id < best.id)))
    ) {
      best = m
    }
  }
  return best
}

/** Groups members by their representative and names each group's primary; singletons are dropped. */
export function buildClusters(
  members: readonly PrimaryCandidate[],
  representative: (index: number) => number,
): DuplicateCluster[] {
  const groups = new Map<number, PrimaryCandidate[]>()
  members.forEach((m, index) => {
    const root = representative(index)
    const group = groups.get(root)
    if (group === undefined) groups.set(root, [m])
    else group.push(m)
  })
  const clusters: DuplicateCluster[] = []
  for (const group of groups.values()) {
    if (group.length < 2) continue
    const primary = choosePrimary(group)
    const duplicateIds = group
      .filter((m) => m !== primary)
      .map((m) => m.id)
      .sort((x, y) => x - y)
    clusters.push({ primaryId: primary.id, duplicateIds })
  }
  return clusters.sort((x, y) => x.primaryId - y.primaryId)
}
