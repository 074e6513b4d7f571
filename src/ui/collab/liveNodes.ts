import type { LiveTables } from '../../app/liveMoves';

interface Positioned {
  id: string;
  position: { x: number; y: number };
}

/** Where each node sits in its array: computed once per array (it changes with the design). */
const indexes = new WeakMap<readonly Positioned[], Map<string, number>>();

function indexOf(nodes: readonly Positioned[]): Map<string, number> {
  let index = indexes.get(nodes);
  if (!index) {
    index = new Map(nodes.map((n, i) => [n.id, i]));
    indexes.set(nodes, index);
  }
  return index;
}

/**
 * The canvas's nodes with the tables others are dragging drawn where they are now, except those
 * this person is dragging (their own hand wins on their screen; the drops then converge). Costs
 * the moved tables plus one copy of the array, never a new derivation of the whole diagram.
 */
export function withLiveTables<N extends Positioned>(
  nodes: N[],
  live: LiveTables,
  mine: ReadonlySet<string>,
): N[] {
  const ids = Object.keys(live);
  if (ids.length === 0) return nodes;
  const index = indexOf(nodes);
  let out: N[] | undefined;
  for (const id of ids) {
    const i = index.get(id);
    const at = live[id]!;
    if (i === undefined || mine.has(id)) continue;
    const node = nodes[i]!;
    if (node.position.x === at.x && node.position.y === at.y) continue;
    out ??= nodes.slice();
    out[i] = { ...node, position: { x: at.x, y: at.y } };
  }
  return out ?? nodes;
}
