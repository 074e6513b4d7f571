import type { Design, Layout } from '../../core/model';
import { NODE_WIDTH, tableSizes } from '../../core/geometry/tableGeometry';

/** A far-out table name's size on screen (px): what legible means; CSS draws it at this size. */
export const LABEL_FONT_PX = 12;
const LABEL_HEIGHT_PX = 18;
/** Rough width of one character of the label font (600 weight system sans) plus its padding. */
const CHAR_PX = 0.62 * LABEL_FONT_PX;
const PAD_PX = 10;

/**
 * Far-out zoom levels are bucketed (quarter powers of two) so that labels are placed again only
 * when the zoom changes by about a fifth, not on every wheel tick.
 */
export const labelZoomBucket = (zoom: number): number => 2 ** (Math.floor(Math.log2(zoom) * 4) / 4);

const priorityCache = new WeakMap<Design['tables'], string[]>();

/** Tables by how much of the diagram hangs on them: most relationships first, then by name. */
function byPriority(design: Design): string[] {
  const cached = priorityCache.get(design.tables);
  if (cached) return cached;
  const degree = new Map<string, number>();
  const bump = (id: string) => degree.set(id, (degree.get(id) ?? 0) + 1);
  for (const table of Object.values(design.tables))
    for (const k of table.constraints)
      if (k.kind === 'foreignKey') {
        bump(table.id);
        bump(k.refTableId);
      }
  const ids = Object.values(design.tables)
    .sort(
      (a, b) =>
        (degree.get(b.id) ?? 0) - (degree.get(a.id) ?? 0) ||
        a.name.localeCompare(b.name) ||
        a.id.localeCompare(b.id),
    )
    .map((t) => t.id);
  priorityCache.set(design.tables, ids);
  return ids;
}

/** A rectangle in flow coordinates. */
export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}
export const overlaps = (a: Box, b: Box) =>
  a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/** Where a table's far-out name is drawn at `zoom`, in flow coordinates: centred on its block. */
export function labelBox(
  design: Design,
  layout: Layout,
  sizes: ReadonlyMap<string, { width: number; height: number }>,
  id: string,
  zoom: number,
): Box | null {
  const table = design.tables[id];
  const l = layout.tables[id];
  if (!table || !l) return null;
  const size = sizes.get(id) ?? { width: NODE_WIDTH, height: 0 };
  const cx = l.x + size.width / 2;
  const cy = l.y + size.height / 2;
  const schema = design.schemas[table.schemaId]?.name;
  const chars = table.name.length + (schema && schema !== 'public' ? schema.length + 1 : 0);
  const halfW = (chars * CHAR_PX + PAD_PX) / zoom / 2;
  const halfH = LABEL_HEIGHT_PX / zoom / 2;
  return { x0: cx - halfW, y0: cy - halfH, x1: cx + halfW, y1: cy + halfH };
}

/**
 * Which of `shown` tables get their name drawn far out at `zoom`: a name is drawn at a legible
 * size on screen, so at fit view of a large design it is wider than its table; names are placed
 * greedily, most connected table first, and a name that would overlap one already placed is left
 * out (zooming in makes room for it), as a map drops the labels of smaller towns. Pure.
 */
export function placeLabels(
  design: Design,
  layout: Layout,
  shown: ReadonlySet<string>,
  zoom: number,
): Set<string> {
  const sizes = tableSizes(design, layout);
  const cell = 256 / zoom;
  const grid = new Map<string, Box[]>();
  const cellsOf = (b: Box) => {
    const keys: string[] = [];
    for (let cx = Math.floor(b.x0 / cell); cx <= Math.floor(b.x1 / cell); cx++)
      for (let cy = Math.floor(b.y0 / cell); cy <= Math.floor(b.y1 / cell); cy++)
        keys.push(`${cx},${cy}`);
    return keys;
  };
  const placed = new Set<string>();
  for (const id of byPriority(design)) {
    if (!shown.has(id)) continue;
    const box = labelBox(design, layout, sizes, id, zoom);
    if (!box) continue;
    const keys = cellsOf(box);
    if (keys.some((k) => grid.get(k)?.some((b) => overlaps(b, box)))) continue;
    for (const k of keys) grid.set(k, [...(grid.get(k) ?? []), box]);
    placed.add(id);
  }
  return placed;
}
