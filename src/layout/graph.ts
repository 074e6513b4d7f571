import type { CanvasNode } from './nodes';

/** A relation between two distinct nodes (a foreign key, a view reading a table), merged per pair. */
export interface Link {
  /** The referenced node: drawn upstream (left of, or above) the other. */
  parent: string;
  child: string;
  /** How many relations join the pair (either way): how strongly they belong together. */
  weight: number;
}

/**
 * The relations among `nodes` as undirected, weighted links. Self-references are left out: they
 * say nothing about where a table goes; so are relations to anything not in `nodes`.
 */
export function linksAmong(nodes: readonly CanvasNode[]): Link[] {
  const ids = new Set(nodes.map((n) => n.id));
  const byPair = new Map<string, Link>();
  for (const node of nodes) {
    for (const up of node.upstream) {
      if (up === node.id || !ids.has(up)) continue;
      const key = node.id < up ? `${node.id}\u0000${up}` : `${up}\u0000${node.id}`;
      const found = byPair.get(key);
      if (found) found.weight++;
      else byPair.set(key, { parent: up, child: node.id, weight: 1 });
    }
  }
  return [...byPair.values()];
}

/** Neighbours of each id with the link weight, for the ids in `ids` (each id present, maybe empty). */
export function adjacency(
  ids: Iterable<string>,
  links: readonly Link[],
): Map<string, Map<string, number>> {
  const adj = new Map<string, Map<string, number>>();
  for (const id of ids) adj.set(id, new Map());
  for (const l of links) {
    const a = adj.get(l.parent);
    const b = adj.get(l.child);
    if (!a || !b) continue;
    a.set(l.child, (a.get(l.child) ?? 0) + l.weight);
    b.set(l.parent, (b.get(l.parent) ?? 0) + l.weight);
  }
  return adj;
}

/** Connected components, each in the order of `ids`, largest first (ties keep first-seen order). */
export function components(
  ids: readonly string[],
  adj: ReadonlyMap<string, ReadonlyMap<string, number>>,
): string[][] {
  const seen = new Set<string>();
  const result: string[][] = [];
  const rank = new Map(ids.map((id, i) => [id, i]));
  for (const start of ids) {
    if (seen.has(start)) continue;
    const members: string[] = [];
    const stack = [start];
    seen.add(start);
    while (stack.length > 0) {
      const id = stack.pop() as string;
      members.push(id);
      for (const next of adj.get(id)?.keys() ?? []) {
        if (!seen.has(next)) {
          seen.add(next);
          stack.push(next);
        }
      }
    }
    members.sort((a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0));
    result.push(members);
  }
  // Array.prototype.sort is stable, so equal sizes keep discovery order.
  return result.sort((a, b) => b.length - a.length);
}
