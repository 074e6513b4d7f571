import type { Design, Layout } from '../core/model';
import type { TablesPatch } from './autoLayout';
import { findFreeSpot, RectIndex } from './freeSpot';
import type { LayoutDirection } from './layered';
import { canvasNodes } from './nodes';
import type { Point, Rect, Size } from './rect';
import { LAYER_GAP, NODE_GAP } from './spacing';

export interface PlaceNewTablesOptions {
  /** Where tables with no placed relations go, e.g. the centre of the viewport. Default: right of everything. */
  anchor?: Point;
  /** Which side of the tables it references a new table goes on. Default 'RIGHT' (as auto-layout). */
  direction?: LayoutDirection;
}

/**
 * Positions for tables (or views) that just appeared (a DDL edit, an import merged in): each
 * beside the tables it references, or that reference it, at the nearest spot that overlaps no
 * other node. Pure and fast (no ELK): it runs on every DDL edit that adds a table. Only
 * `newTableIds` that the canvas draws get entries (partitions do not); other layout fields of
 * theirs (color...) are kept.
 */
export function placeNewTables(
  design: Design,
  layout: Layout,
  newTableIds: readonly string[],
  options: PlaceNewTablesOptions = {},
): TablesPatch {
  const direction = options.direction ?? 'RIGHT';
  const nodes = canvasNodes(design, layout);
  const wanted = new Set(newTableIds);
  const pending = new Set(nodes.filter((n) => wanted.has(n.id)).map((n) => n.id));
  const sizes = new Map<string, Size>(nodes.map((n) => [n.id, n]));
  const placed = new Map<string, Rect>();
  const obstacles = new RectIndex();
  for (const node of nodes) {
    if (pending.has(node.id)) continue;
    // A node without a layout entry is drawn at the origin, so it occupies the origin.
    const at = layout.tables[node.id] ?? { x: 0, y: 0 };
    const rect = { x: at.x, y: at.y, width: node.width, height: node.height };
    placed.set(node.id, rect);
    obstacles.add(rect);
  }
  // Upstream: what a new node references; downstream: what references it (self excluded).
  const ups = new Map<string, string[]>();
  const downs = new Map<string, string[]>();
  for (const node of nodes) {
    for (const up of node.upstream) {
      if (up === node.id || !sizes.has(up)) continue;
      if (pending.has(node.id)) ups.set(node.id, [...(ups.get(node.id) ?? []), up]);
      if (pending.has(up)) downs.set(up, [...(downs.get(up) ?? []), node.id]);
    }
  }
  const fallback = options.anchor ?? besideEverything(obstacles.all());

  const patch: TablesPatch = {};
  while (pending.size > 0) {
    // Next: the new node with the most already-placed relations, so chains of new tables grow
    // outwards from the existing ones instead of landing at the anchor.
    let next = '';
    let best = -1;
    for (const id of pending) {
      const count = [...(ups.get(id) ?? []), ...(downs.get(id) ?? [])].filter((r) =>
        placed.has(r),
      ).length;
      if (count > best) {
        next = id;
        best = count;
      }
    }
    pending.delete(next);
    const size = sizes.get(next) as Size;
    const target =
      targetFor(
        size,
        (ups.get(next) ?? []).flatMap((id) => placed.get(id) ?? []),
        (downs.get(next) ?? []).flatMap((id) => placed.get(id) ?? []),
        direction,
      ) ?? fallback;
    const at = findFreeSpot(size, target, obstacles, { gap: NODE_GAP });
    const rect = {
      x: Math.round(at.x),
      y: Math.round(at.y),
      width: size.width,
      height: size.height,
    };
    placed.set(next, rect);
    obstacles.add(rect);
    patch[next] = { ...layout.tables[next], x: rect.x, y: rect.y };
  }
  return patch;
}

/** Downstream of what it references, upstream of what references it; between the two if both. */
function targetFor(
  size: Size,
  ups: readonly Rect[],
  downs: readonly Rect[],
  direction: LayoutDirection,
): Point | null {
  if (ups.length === 0 && downs.length === 0) return null;
  const across = direction === 'RIGHT' ? 'x' : 'y';
  const along = direction === 'RIGHT' ? 'y' : 'x';
  const extent = direction === 'RIGHT' ? 'width' : 'height';
  const candidates: number[] = [];
  if (ups.length > 0)
    candidates.push(Math.max(...ups.map((r) => r[across] + r[extent])) + LAYER_GAP);
  if (downs.length > 0)
    candidates.push(Math.min(...downs.map((r) => r[across])) - LAYER_GAP - size[extent]);
  const all = [...ups, ...downs];
  const point = { x: 0, y: 0 };
  point[across] = candidates.reduce((s, v) => s + v, 0) / candidates.length;
  point[along] = all.reduce((s, r) => s + r[along], 0) / all.length;
  return point;
}

function besideEverything(rects: readonly Rect[]): Point {
  if (rects.length === 0) return { x: 0, y: 0 };
  let right = -Infinity;
  let top = Infinity;
  for (const r of rects) {
    right = Math.max(right, r.x + r.width);
    top = Math.min(top, r.y);
  }
  return { x: right + LAYER_GAP, y: top };
}
