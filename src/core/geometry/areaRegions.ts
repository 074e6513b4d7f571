import type { Area, Design } from '../model/schema';

/** A rectangle in canvas coordinates. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Room around an area's tables inside its region: a band on top for the name, a margin elsewhere.
 * Smaller than a schema box's (48/24), so an area inside a schema stays inside its box.
 */
export const AREA_PAD = { top: 40, right: 14, bottom: 14, left: 14 };

/** One subject area as drawn: the region that encloses its drawn tables. */
export interface AreaRegion {
  area: Area;
  box: Box;
}

/**
 * The region of each area around those of its tables that are drawn (`boxes`, by table id: the
 * canvas's nodes or the SVG export's tables), in the design's order: the canvas and the SVG
 * export draw the same regions. An area with none of its tables drawn has no region.
 */
export function areaRegions(design: Design, boxes: ReadonlyMap<string, Box>): AreaRegion[] {
  const regions: AreaRegion[] = [];
  for (const area of design.areas) {
    let x0 = Infinity;
    let y0 = Infinity;
    let x1 = -Infinity;
    let y1 = -Infinity;
    for (const id of area.tableIds) {
      const b = boxes.get(id);
      if (!b) continue;
      x0 = Math.min(x0, b.x);
      y0 = Math.min(y0, b.y);
      x1 = Math.max(x1, b.x + b.width);
      y1 = Math.max(y1, b.y + b.height);
    }
    if (x0 > x1) continue;
    regions.push({
      area,
      box: {
        x: x0 - AREA_PAD.left,
        y: y0 - AREA_PAD.top,
        width: x1 - x0 + AREA_PAD.left + AREA_PAD.right,
        height: y1 - y0 + AREA_PAD.top + AREA_PAD.bottom,
      },
    });
  }
  return regions;
}
