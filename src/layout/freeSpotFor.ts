import type { Design, Layout } from '../core/model';
import { findFreeSpot, RectIndex } from './freeSpot';
import { canvasNodes } from './nodes';
import type { Point, Size } from './rect';

/** Clear space kept around a new table, so it never touches a neighbour. */
const NEW_TABLE_GAP = 32;

/**
 * Where a new box of `size` goes: centred on `center` (a point on the canvas, e.g. the middle of
 * the view or where the person double-clicked) when that is free, else the nearest free spot.
 * Never on top of another table or view.
 */
export function freeSpotFor(design: Design, layout: Layout, size: Size, center: Point): Point {
  const obstacles = new RectIndex();
  for (const node of canvasNodes(design, layout)) {
    const at = layout.tables[node.id];
    if (at) obstacles.add({ x: at.x, y: at.y, width: node.width, height: node.height });
  }
  const target = {
    x: Math.round(center.x - size.width / 2),
    y: Math.round(center.y - size.height / 2),
  };
  const spot = findFreeSpot(size, target, obstacles, { gap: NEW_TABLE_GAP });
  return { x: Math.round(spot.x), y: Math.round(spot.y) };
}
