import type { ELK, ElkExtendedEdge, ElkNode, ElkPort } from 'elkjs/lib/elk-api';
import { normalize, type Block } from './block';
import type { Link } from './graph';
import type { Size } from './rect';
import { LAYER_GAP, NODE_GAP } from './spacing';

/** What layout needs of an ELK instance; tests and the worker pass `new ELK()` from `elk.bundled.js`. */
export type LayoutEngine = Pick<ELK, 'layout'>;

/** Where children go relative to the tables they reference. */
export type LayoutDirection = 'RIGHT' | 'DOWN';

/**
 * A foreign key to route: from the referenced (parent) column's row on the parent's right side to
 * the referencing (child) column's row on the child's left, each row's y from the node's top.
 */
export interface RoutedKey {
  id: string;
  child: string;
  childY: number;
  parent: string;
  parentY: number;
}

/**
 * A routed line: canvas points from the child's column row to the parent's, relative to the
 * child node's top-left corner (the cluster moves as one piece, so this stays true after packing).
 */
export interface ClusterRoute {
  id: string;
  child: string;
  points: number[];
}

/** Room between a port and the first bend: a crow's foot (22 px) and a little line before it turns. */
const EDGE_NODE_GAP = 30;

/** One port per table, side and row: lines to the same column meet there. */
const portId = (node: string, y: number, side: 'E' | 'W') => `${node}\u0000${y}\u0000${side}`;

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
  keys: readonly RoutedKey[] = [],
): Promise<{ block: Block; routes: ClusterRoute[] }> {
  const routing = keys.length > 0;
  const ports = new Map<string, ElkPort[]>();
  const port = (node: string, y: number, side: 'E' | 'W') => {
    const id = portId(node, y, side);
    const list = ports.get(node) ?? [];
    if (!list.some((p) => p.id === id)) {
      const width = sizes.get(node)?.width ?? 0;
      const x = side === 'E' ? width : 0;
      const layoutOptions = { 'elk.port.side': side === 'E' ? 'EAST' : 'WEST' };
      list.push({ id, x, y, width: 0, height: 0, layoutOptions });
    }
    ports.set(node, list);
    return id;
  };
  // With routing, each foreign key is its own edge between the two column rows; a pair related
  // only otherwise (a view reading a table) keeps its plain link, so the layering sees them all.
  const keyed = new Set(keys.map((k) => pairKey(k.parent, k.child)));
  const edges: ElkExtendedEdge[] = [
    ...keys.map((k) => ({
      id: `k:${k.id}`,
      sources: [port(k.parent, k.parentY, 'E')],
      targets: [port(k.child, k.childY, 'W')],
    })),
    ...links
      .filter((l) => !keyed.has(pairKey(l.parent, l.child)))
      .map((l, i) => ({ id: `e${i}`, sources: [l.parent], targets: [l.child] })),
  ];
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
      ...(routing
        ? {
            'elk.edgeRouting': 'ORTHOGONAL',
            'elk.layered.spacing.edgeNodeBetweenLayers': String(EDGE_NODE_GAP),
            'elk.spacing.edgeNode': String(EDGE_NODE_GAP),
            'elk.layered.spacing.edgeEdgeBetweenLayers': '12',
            'elk.spacing.edgeEdge': '12',
          }
        : {}),
    },
    children: ids.map((id) => ({
      id,
      width: sizes.get(id)?.width ?? 0,
      height: sizes.get(id)?.height ?? 0,
      ...(ports.has(id)
        ? { ports: ports.get(id), layoutOptions: { 'elk.portConstraints': 'FIXED_POS' } }
        : {}),
    })),
    edges,
  };
  const result = await elk.layout(graph);
  const items = (result.children ?? []).map((c) => ({ id: c.id, x: c.x ?? 0, y: c.y ?? 0 }));
  const at = new Map(items.map((p) => [p.id, p]));
  const routes: ClusterRoute[] = [];
  const byId = new Map(keys.map((k) => [`k:${k.id}`, k]));
  for (const edge of result.edges ?? []) {
    const key = byId.get(edge.id);
    const section = edge.sections?.[0];
    const origin = key && at.get(key.child);
    if (!key || !section || !origin || (edge.sections?.length ?? 0) > 1) continue;
    // ELK draws parent -> child; a line is stored child -> parent, like the canvas draws it.
    const path = [section.startPoint, ...(section.bendPoints ?? []), section.endPoint].reverse();
    routes.push({
      id: key.id,
      child: key.child,
      points: path.flatMap((p) => [p.x - origin.x, p.y - origin.y]),
    });
  }
  return { block: normalize(items, sizes), routes };
}

const pairKey = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);
