import type { Node } from '@xyflow/react';
import { emptyExtent, growExtent, sameOrNext } from './toFlow';

/** The one node that stands for every table far out (see `farFlowNodes`). */
export const FAR_MAP_NODE = 'far-map';

/**
 * What React Flow is given far out: no table nodes (even hidden, each keeps a mounted wrapper
 * whose store selectors run on every pan frame: at 1,000 tables that was a third of a frame;
 * FarMap draws the tables and FarTables takes their clicks) and, in their place, one inert node
 * over all of them, so that fit view frames the whole map and the minimap draws it
 * (FarMiniMapNode). `previous` (the last answer) comes back as it was when nothing in it changed,
 * stand-in included: a drag frame that leaves the map's extent alone hands React Flow the same
 * array, which it then does not adopt again. Pure.
 */
export function farFlowNodes(nodes: readonly Node[], previous?: Node[]): Node[] {
  const out: Node[] = [];
  const b = emptyExtent();
  for (const n of nodes) {
    if (n.type === 'table') growExtent(b, n);
    else out.push(n);
  }
  if (b.x0 > b.x1) return sameOrNext(previous, out);
  const width = b.x1 - b.x0;
  const height = b.y1 - b.y0;
  const last = previous?.[0];
  const same =
    last?.id === FAR_MAP_NODE &&
    last.position.x === b.x0 &&
    last.position.y === b.y0 &&
    last.width === width &&
    last.height === height;
  out.unshift(
    same
      ? last
      : {
          id: FAR_MAP_NODE,
          type: 'farMap',
          position: { x: b.x0, y: b.y0 },
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
        },
  );
  return sameOrNext(previous, out);
}
