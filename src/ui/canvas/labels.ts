import type { Design, Layout } from '../../core/model';
import { NODE_WIDTH, tableSizes } from '../../core/geometry/tableGeometry';

/** A far-out table name's size on screen (px): what legible means; FarMap draws it at this size. */
export const LABEL_FONT_PX = 12;
const LABEL_HEIGHT_PX = 18;
/** Padding around a name (px on screen); a character is about 0.62 of the font size (600 weight). */
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

/** A placed far-out name: its text lines, its centre in flow coordinates, its size on screen. */
export interface PlacedLabel {
  lines: readonly string[];
  cx: number;
  cy: number;
  fontPx: number;
  box: Box;
}

/** The smallest name size tried (px on screen): below it a name stops being read at a glance. */
export const MIN_LABEL_FONT_PX = 10;
const FONT_STEPS = [LABEL_FONT_PX, 11, MIN_LABEL_FONT_PX];
const MIN_LINE_CHARS = 4;

/**
 * A name in two lines, split at the `_` or `.` nearest its middle; null when it has none or a line
 * would be too short to read as a word ("table_" over "30" reads worse than a smaller name).
 */
export function splitName(name: string): [string, string] | null {
  let best = -1;
  for (let i = 1; i < name.length - 1; i++)
    if (
      (name[i] === '_' || name[i] === '.') &&
      Math.abs(i - name.length / 2) < Math.abs(best - name.length / 2)
    )
      best = i;
  if (best < MIN_LINE_CHARS - 1 || name.length - best - 1 < MIN_LINE_CHARS) return null;
  // The separator ends the first line, as a word ends with its hyphen.
  return [name.slice(0, best + 1), name.slice(best + 1)];
}

/**
 * The text of a table's far-out name: schema-qualified outside `public`, when the tables are in
 * more than one schema. A design whose tables all live in one schema (musicbrainz) would repeat
 * `musicbrainz.` on every name, a third of the map's ink saying nothing.
 */
export function labelText(design: Design, id: string, qualify = true): string | null {
  const table = design.tables[id];
  if (!table) return null;
  const schema = design.schemas[table.schemaId]?.name;
  return qualify && schema && schema !== 'public' ? `${schema}.${table.name}` : table.name;
}

/** More than one schema among the tables: far-out names need theirs. */
function manySchemas(design: Design): boolean {
  const first = Object.values(design.tables)[0]?.schemaId;
  return Object.values(design.tables).some((t) => t.schemaId !== first);
}

/**
 * The tables' extent, grown by a share of its size: a name placed beyond it would be cut by the
 * canvas's edge at fit view (which frames the tables with a small margin).
 */
function mapBounds(
  layout: Layout,
  sizes: ReturnType<typeof tableSizes>,
  shown: ReadonlySet<string>,
): Box {
  let b: Box = { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity };
  for (const id of shown) {
    const l = layout.tables[id];
    if (!l) continue;
    const size = sizes.get(id) ?? { width: NODE_WIDTH, height: 0 };
    b = {
      x0: Math.min(b.x0, l.x),
      y0: Math.min(b.y0, l.y),
      x1: Math.max(b.x1, l.x + size.width),
      y1: Math.max(b.y1, l.y + size.height),
    };
  }
  const mx = (b.x1 - b.x0) * BOUNDS_MARGIN;
  const my = (b.y1 - b.y0) * BOUNDS_MARGIN;
  return { x0: b.x0 - mx, y0: b.y0 - my, x1: b.x1 + mx, y1: b.y1 + my };
}

/** How far past the tables' extent a name may reach, as a share of the extent (see mapBounds). */
const BOUNDS_MARGIN = 0.03;
const inside = (b: Box, outer: Box) =>
  b.x0 >= outer.x0 && b.y0 >= outer.y0 && b.x1 <= outer.x1 && b.y1 <= outer.y1;

/** The box of `lines` at `fontPx` on screen centred on (cx, cy), in flow coordinates. */
function textBox(
  lines: readonly string[],
  fontPx: number,
  cx: number,
  cy: number,
  zoom: number,
): Box {
  const chars = Math.max(...lines.map((l) => l.length));
  const halfW = (chars * 0.62 * fontPx + PAD_PX) / zoom / 2;
  const halfH = (lines.length * fontPx * 1.25 + LABEL_HEIGHT_PX - fontPx * 1.25) / zoom / 2;
  return { x0: cx - halfW, y0: cy - halfH, x1: cx + halfW, y1: cy + halfH };
}

/**
 * The ways a name may be drawn, best first: whole on its table at the full size, then in two
 * lines, then just above, below, right or left of its table, then the same a size smaller, down
 * to the smallest legible size.
 */
export function* labelCandidates(
  text: string,
  at: { x: number; y: number; width: number; height: number },
  zoom: number,
): Generator<PlacedLabel> {
  const split = splitName(text);
  const forms: (readonly string[])[] = split ? [[text], split] : [[text]];
  const gap = 2 / zoom;
  for (const fontPx of FONT_STEPS)
    for (const where of ['on', 'above', 'below', 'right', 'left'] as const)
      for (const lines of forms) {
        const size = textBox(lines, fontPx, 0, 0, zoom);
        const w = size.x1 * 2;
        const h = size.y1 * 2;
        const cx =
          where === 'right'
            ? at.x + at.width + gap + w / 2
            : where === 'left'
              ? at.x - gap - w / 2
              : at.x + at.width / 2;
        const cy =
          where === 'above'
            ? at.y - gap - h / 2
            : where === 'below'
              ? at.y + at.height + gap + h / 2
              : at.y + at.height / 2;
        yield { lines, cx, cy, fontPx, box: textBox(lines, fontPx, cx, cy, zoom) };
      }
}

/**
 * Where each of `shown` tables gets its name drawn far out at `zoom`: names are drawn at a legible
 * size on screen, so at fit view of a large design a name is wider than its table. Placed
 * greedily, most connected table first; each name takes the first of its candidate placements
 * (on its table, in two lines, above, below or beside it, then smaller) that overlaps no name already
 * placed, and is left out when none is free (zooming in makes room), as a map drops the labels of
 * smaller towns. Pure.
 */
export function placeMapLabels(
  design: Design,
  layout: Layout,
  shown: ReadonlySet<string>,
  zoom: number,
): Map<string, PlacedLabel> {
  const sizes = tableSizes(design, layout);
  const qualify = manySchemas(design);
  const bounds = mapBounds(layout, sizes, shown);
  const cell = 256 / zoom;
  const grid = new Map<string, Box[]>();
  const cellsOf = (b: Box) => {
    const keys: string[] = [];
    for (let cx = Math.floor(b.x0 / cell); cx <= Math.floor(b.x1 / cell); cx++)
      for (let cy = Math.floor(b.y0 / cell); cy <= Math.floor(b.y1 / cell); cy++)
        keys.push(`${cx},${cy}`);
    return keys;
  };
  const placed = new Map<string, PlacedLabel>();
  for (const id of byPriority(design)) {
    if (!shown.has(id)) continue;
    const l = layout.tables[id];
    const text = labelText(design, id, qualify);
    if (!l || text === null) continue;
    const size = sizes.get(id) ?? { width: NODE_WIDTH, height: 0 };
    // Within the map first; beyond it only when nothing else is free (a tall, narrow map, whose
    // fit view leaves room at its sides).
    let chosen: PlacedLabel | undefined;
    let beyond: PlacedLabel | undefined;
    for (const c of labelCandidates(text, { x: l.x, y: l.y, ...size }, zoom)) {
      if (cellsOf(c.box).some((k) => grid.get(k)?.some((b) => overlaps(b, c.box)))) continue;
      if (inside(c.box, bounds)) {
        chosen = c;
        break;
      }
      beyond ??= c;
    }
    chosen ??= beyond;
    if (!chosen) continue;
    for (const k of cellsOf(chosen.box)) grid.set(k, [...(grid.get(k) ?? []), chosen.box]);
    placed.set(id, chosen);
  }
  return placed;
}

/** Which of `shown` tables get their name drawn far out at `zoom` (see `placeMapLabels`). */
export function placeLabels(
  design: Design,
  layout: Layout,
  shown: ReadonlySet<string>,
  zoom: number,
): Set<string> {
  return new Set(placeMapLabels(design, layout, shown, zoom).keys());
}
