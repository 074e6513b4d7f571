import type { ELK, ElkNode } from 'elkjs/lib/elk-api';
import { normalize, type Block } from './block';
import type { Link } from './graph';
import type { Size } from './rect';
import { LAYER_GAP, NODE_GAP } from './spacing';

/** What layout needs of an ELK instance; tests and the worker pass `new ELK()` from `elk.bundled.js`. */
export type LayoutEngine = Pick<ELK, 'layout'>;

/** Where children go relative to the tables they reference. */
export type LayoutDirection = 'RIGHT' | 'DOWN';

/**
 * One cluster through ELK's layered algorithm: referenced tables first (left, or top), the tables
 * that reference them after. Model order breaks ties, so the same design lays out the same way.
 */
export async function layeredBlock(
  elk: LayoutEngine,
  ids: readonly string[],
  sizes: ReadonlyMap<string, Size>,
  links: readonly Link[],
  direction: LayoutDirection,
): Promise<Block> {
  const graph: ElkNode = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': direction,
      'elk.spacing.nodeNode': String(NODE_GAP),
      'elk.layered.spacing.nodeNodeBetweenLayers': String(LAYER_GAP),
      'elk.spacing.componentComponent': String(NODE_GAP),
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
      'elk.layered.nodePlacement.strategy': 'NETWORK_SIMPLEX',
      'elk.aspectRatio': '1.6',
      // A hub referenced by every other table of the cluster would put them all in one layer:
      // a column many screens tall. Bounding the layer size spreads them over a few columns.
      'elk.layered.layering.strategy': 'COFFMAN_GRAHAM',
      'elk.layered.layering.coffmanGraham.layerBound': String(
        Math.max(2, Math.ceil(Math.sqrt(ids.length) * 1.2)),
      ),
    },
    children: ids.map((id) => ({
      id,
      width: sizes.get(id)?.width ?? 0,
      height: sizes.get(id)?.height ?? 0,
    })),
    edges: links.map((l, i) => ({ id: `e${i}`, sources: [l.parent], targets: [l.child] })),
  };
  const result = await elk.layout(graph);
  const items = (result.children ?? []).map((c) => ({ id: c.id, x: c.x ?? 0, y: c.y ?? 0 }));
  return normalize(items, sizes);
}
