/**
 * Louvain community detection (Blondel et al. 2008) on a small weighted undirected graph:
 * greedily move nodes to the neighbouring community that most raises modularity, fold each
 * community into one node, repeat. Deterministic: nodes are visited in index order.
 *
 * `neighbours[i]` maps node index -> edge weight, symmetric, no self-loops.
 * `resolution` above 1 favours smaller communities. Returns a community number per node.
 */
export function louvain(
  neighbours: readonly ReadonlyMap<number, number>[],
  resolution = 1,
): number[] {
  let membership = neighbours.map((_, i) => i);
  let graph: Map<number, number>[] = neighbours.map((m) => new Map(m));
  let selfWeight: number[] = neighbours.map(() => 0);

  for (let level = 0; level < 20; level++) {
    const n = graph.length;
    const degree = graph.map((m, i) => 2 * (selfWeight[i] as number) + sum(m.values()));
    const m2 = sum(degree);
    if (m2 === 0) break;
    const community = graph.map((_, i) => i);
    const total = [...degree];
    let movedAny = false;
    for (let pass = 0; pass < 50; pass++) {
      let moved = false;
      for (let i = 0; i < n; i++) {
        const own = community[i] as number;
        const k = degree[i] as number;
        const toCommunity = new Map<number, number>();
        for (const [j, w] of graph[i] as Map<number, number>) {
          const c = community[j] as number;
          toCommunity.set(c, (toCommunity.get(c) ?? 0) + w);
        }
        total[own] = (total[own] as number) - k;
        let best = own;
        let bestGain = (toCommunity.get(own) ?? 0) - (resolution * (total[own] as number) * k) / m2;
        for (const [c, w] of toCommunity) {
          const gain = w - (resolution * (total[c] as number) * k) / m2;
          if (gain > bestGain + 1e-12) {
            best = c;
            bestGain = gain;
          }
        }
        total[best] = (total[best] as number) + k;
        if (best !== own) {
          community[i] = best;
          moved = true;
          movedAny = true;
        }
      }
      if (!moved) break;
    }
    if (!movedAny) break;

    const renumber = new Map<number, number>();
    for (const c of community) if (!renumber.has(c)) renumber.set(c, renumber.size);
    const next = (i: number) => renumber.get(community[i] as number) as number;
    membership = membership.map((c) => next(c));

    const folded: Map<number, number>[] = Array.from({ length: renumber.size }, () => new Map());
    const foldedSelf: number[] = Array.from({ length: renumber.size }, () => 0);
    for (let i = 0; i < n; i++) {
      const ci = next(i);
      foldedSelf[ci] = (foldedSelf[ci] as number) + (selfWeight[i] as number);
      for (const [j, w] of graph[i] as Map<number, number>) {
        const cj = next(j);
        // Each undirected edge is seen from both ends: count half each time.
        if (ci === cj) foldedSelf[ci] = (foldedSelf[ci] as number) + w / 2;
        else folded[ci]?.set(cj, (folded[ci]?.get(cj) ?? 0) + w);
      }
    }
    graph = folded;
    selfWeight = foldedSelf;
  }
  return membership;
}

function sum(values: Iterable<number>): number {
  let s = 0;
  for (const v of values) s += v;
  return s;
}
