import type { Design, Layout } from '../../core/model';
import { canvasNodes } from '../nodes';
import { overlaps, type Rect } from '../rect';

/** Each drawn node's rectangle after applying `patch` to `layout` (nodes without an entry sit at the origin). */
export function rectsAfter(
  design: Design,
  layout: Layout,
  patch: Layout['tables'],
): Map<string, Rect> {
  const merged: Layout = { ...layout, tables: { ...layout.tables, ...patch } };
  const rects = new Map<string, Rect>();
  for (const node of canvasNodes(design, merged)) {
    const entry = merged.tables[node.id];
    rects.set(node.id, {
      x: entry?.x ?? 0,
      y: entry?.y ?? 0,
      width: node.width,
      height: node.height,
    });
  }
  return rects;
}

/** Pairs of ids whose rectangles overlap (interiors intersect). */
export function overlappingPairs(
  rects: ReadonlyMap<string, Rect>,
  ids: Iterable<string> = rects.keys(),
): [string, string][] {
  const list = [...ids].flatMap((id) => {
    const r = rects.get(id);
    return r ? [{ id, r }] : [];
  });
  const pairs: [string, string][] = [];
  for (let i = 0; i < list.length; i++) {
    for (let j = i + 1; j < list.length; j++) {
      const a = list[i] as { id: string; r: Rect };
      const b = list[j] as { id: string; r: Rect };
      if (overlaps(a.r, b.r)) pairs.push([a.id, b.id]);
    }
  }
  return pairs;
}

export function centreDistance(a: Rect, b: Rect): number {
  return Math.hypot(
    a.x + a.width / 2 - (b.x + b.width / 2),
    a.y + a.height / 2 - (b.y + b.height / 2),
  );
}

/** The gap between two rectangles: 0 when they touch or overlap. */
export function gapBetween(a: Rect, b: Rect): number {
  const dx = Math.max(0, b.x - (a.x + a.width), a.x - (b.x + b.width));
  const dy = Math.max(0, b.y - (a.y + a.height), a.y - (b.y + b.height));
  return Math.hypot(dx, dy);
}
