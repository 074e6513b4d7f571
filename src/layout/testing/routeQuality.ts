import type { Design, Layout } from '../../core/model';
import type { Arranged } from '../autoLayout';
import { boundsOf, type Rect } from '../rect';
import { overlappingPairs, rectsAfter } from './check';

/** What a routed arrangement looks like, in numbers a person would notice. */
export interface RouteQuality {
  /** Pairs of tables whose rectangles overlap (must be 0). */
  overlaps: number;
  /** Lines routed, out of the foreign keys between two different drawn tables. */
  routed: number;
  keys: number;
  /** Places where two lines cross (a level run through an upright one of another line). */
  crossings: number;
  /** Runs of a line through a table that is neither of its ends. */
  throughTables: number;
  /** Total line length and corners, over all routed lines. */
  length: number;
  bends: number;
  /** The arrangement's bounding box. */
  width: number;
  height: number;
}

interface Segment {
  line: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Measures an arrangement (for the benchmark and for comparing layout settings); pure. */
export function routeQuality(design: Design, layout: Layout, arranged: Arranged): RouteQuality {
  const rects = rectsAfter(design, layout, arranged.tables);
  const box = boundsOf(rects.values());
  const level: Segment[] = [];
  const upright: Segment[] = [];
  let length = 0;
  let bends = 0;
  let keys = 0;
  let throughTables = 0;
  const ends = new Map<string, [string, string]>();
  for (const t of Object.values(design.tables)) {
    for (const k of t.constraints) {
      if (k.kind !== 'foreignKey' || k.refTableId === t.id) continue;
      if (!rects.has(t.id) || !rects.has(k.refTableId)) continue;
      keys++;
      ends.set(k.id, [t.id, k.refTableId]);
    }
  }
  const tables = [...rects.entries()];
  for (const [id, route] of Object.entries(arranged.routes)) {
    const p = route.points;
    const [a, b] = ends.get(id) ?? ['', ''];
    for (let i = 2; i + 1 < p.length; i += 2) {
      const s = {
        line: id,
        x0: Math.min(p[i - 2] as number, p[i] as number),
        y0: Math.min(p[i - 1] as number, p[i + 1] as number),
        x1: Math.max(p[i - 2] as number, p[i] as number),
        y1: Math.max(p[i - 1] as number, p[i + 1] as number),
      };
      length += s.x1 - s.x0 + (s.y1 - s.y0);
      if (s.y0 === s.y1) level.push(s);
      else upright.push(s);
      const through = tables.some(([tid, r]) => tid !== a && tid !== b && runsInside(s, r));
      if (through) throughTables++;
    }
    bends += Math.max(0, p.length / 2 - 2);
  }
  let crossings = 0;
  for (const h of level)
    for (const v of upright)
      if (h.line !== v.line && v.x0 > h.x0 && v.x0 < h.x1 && h.y0 > v.y0 && h.y0 < v.y1)
        crossings++;
  return {
    overlaps: overlappingPairs(rects).length,
    routed: Object.keys(arranged.routes).length,
    keys,
    crossings,
    throughTables,
    length: Math.round(length),
    bends,
    width: Math.round(box?.width ?? 0),
    height: Math.round(box?.height ?? 0),
  };
}

function runsInside(s: Segment, r: Rect): boolean {
  return s.x1 > r.x && s.x0 < r.x + r.width && s.y1 > r.y && s.y0 < r.y + r.height;
}
