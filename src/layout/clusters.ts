import { louvain } from './louvain';

type Adjacency = ReadonlyMap<string, ReadonlyMap<string, number>>;

/**
 * Split one connected component into clusters of at most `maxSize` tables that belong together
 * (Louvain communities of the foreign-key graph). Each cluster is laid out on its own: a layered
 * layout of a whole large schema is a ribbon many screens long (musicbrainz: ~1:9), while small
 * clusters stay compact and readable, and are then packed next to the clusters they link to.
 */
export function clusterComponent(
  members: readonly string[],
  adj: Adjacency,
  maxSize: number,
): string[][] {
  if (members.length <= maxSize) return [[...members]];
  const out: string[][] = [];
  split(members, adj, maxSize, 1, out);
  return mergeSmall(out, adj, maxSize);
}

function split(
  members: readonly string[],
  adj: Adjacency,
  maxSize: number,
  resolution: number,
  out: string[][],
): void {
  if (members.length <= maxSize) {
    out.push([...members]);
    return;
  }
  let parts = communities(members, adj, resolution);
  // A tightly knit group may stay whole at one resolution; ask for finer communities, then give up
  // on structure and cut it in breadth-first order (neighbours still land in the same chunk).
  for (let r = resolution * 2; parts.length < 2 && r <= resolution * 16; r *= 2)
    parts = communities(members, adj, r);
  if (parts.length < 2) parts = breadthFirstChunks(members, adj, maxSize);
  for (const part of parts) split(part, adj, maxSize, resolution * 1.5, out);
}

function communities(members: readonly string[], adj: Adjacency, resolution: number): string[][] {
  const index = new Map(members.map((id, i) => [id, i]));
  const neighbours = members.map((id) => {
    const m = new Map<number, number>();
    for (const [other, w] of adj.get(id) ?? []) {
      const j = index.get(other);
      if (j !== undefined) m.set(j, w);
    }
    return m;
  });
  const membership = louvain(neighbours, resolution);
  const groups = new Map<number, string[]>();
  members.forEach((id, i) => {
    const c = membership[i] as number;
    const g = groups.get(c);
    if (g) g.push(id);
    else groups.set(c, [id]);
  });
  return [...groups.values()];
}

function breadthFirstChunks(
  members: readonly string[],
  adj: Adjacency,
  maxSize: number,
): string[][] {
  const inside = new Set(members);
  const start = members.reduce((best, id) =>
    (adj.get(id)?.size ?? 0) > (adj.get(best)?.size ?? 0) ? id : best,
  );
  const order: string[] = [];
  const seen = new Set([start]);
  for (let i = 0, queue = [start]; i < queue.length; i++) {
    const id = queue[i] as string;
    order.push(id);
    for (const next of adj.get(id)?.keys() ?? []) {
      if (inside.has(next) && !seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  for (const id of members) if (!seen.has(id)) order.push(id);
  const chunks: string[][] = [];
  for (let i = 0; i < order.length; i += maxSize) chunks.push(order.slice(i, i + maxSize));
  return chunks;
}

/** Fold clusters of one or two tables into the cluster they link to most, while it has room. */
function mergeSmall(clusters: string[][], adj: Adjacency, maxSize: number): string[][] {
  const owner = new Map<string, number>();
  clusters.forEach((c, i) => c.forEach((id) => owner.set(id, i)));
  const alive = clusters.map((c) => [...c]);
  alive.forEach((cluster, i) => {
    if (cluster.length === 0 || cluster.length > 2) return;
    const weightTo = new Map<number, number>();
    for (const id of cluster) {
      for (const [other, w] of adj.get(id) ?? []) {
        const j = owner.get(other);
        if (j !== undefined && j !== i) weightTo.set(j, (weightTo.get(j) ?? 0) + w);
      }
    }
    let target = -1;
    let best = 0;
    for (const [j, w] of weightTo) {
      const size = alive[j]?.length ?? 0;
      if (w > best && size > 0 && size + cluster.length <= maxSize) {
        target = j;
        best = w;
      }
    }
    if (target < 0) return;
    const into = alive[target] as string[];
    for (const id of cluster) {
      into.push(id);
      owner.set(id, target);
    }
    alive[i] = [];
  });
  return alive.filter((c) => c.length > 0);
}
