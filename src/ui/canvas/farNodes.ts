import type { Node } from '@xyflow/react';

/** The one node that stands for every table far out (see `farFlowNodes`). */
export const FAR_MAP_NODE = 'far-map';

/**
 * What React Flow is given far out: no table nodes (even hidden, each keeps a mounted wrapper
 * whose store selectors run on every pan frame: at 1,000 tables that was a third of a frame;
 * FarMap draws the tables and FarTables takes their clicks) and, in their place, one inert node
 * over all of them, so that fit view frames the whole map and the minimap draws it
 * (FarMiniMapNode). Pure.
 */
export function farFlowNodes(nodes: readonly Node[]): Node[] {
  const out: Node[] = [];
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const n of nodes) {
    if (n.type !== 'table') {
      out.push(n);
      continue;
    }
    x0 = Math.min(x0, n.position.x);
    y0 = Math.min(y0, n.position.y);
    x1 = Math.max(x1, n.position.x + (n.width ?? 0));
    y1 = Math.max(y1, n.position.y + (n.height ?? 0));
  }
  if (x0 > x1) return out;
  const width = x1 - x0;
  const height = y1 - y0;
  out.unshift({
    id: FAR_MAP_NODE,
    type: 'farMap',
    position: { x: x0, y: y0 },
    data: {},
    width,
    height,
    measured: { width, height },
    selectable: false,
    draggable: false,
    connectable: false,
    focusable: false,
    deletable: false,
    zIndex: -2,
    className: 'tw-far-proxy',
  });
  return out;
}
