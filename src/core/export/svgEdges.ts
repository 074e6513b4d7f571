import { findColumn, isUniqueSet, type ForeignKey, type Table } from '../model';
import { typesMatchForReference } from '../model/typeNames';
import { escapeXml, num } from './svgText';
import { HEADER_CENTER_Y, NODE_WIDTH, rowCenterY } from '../geometry/tableGeometry';
import type { NodeBox } from './svgTable';
import type { SvgPalette } from './svgTheme';

/** How far an edge runs straight out of a table before it turns, and its corner radius (the canvas's smooth-step numbers). */
const OFFSET = 24;
const RADIUS = 8;

interface Point {
  x: number;
  y: number;
}
/** An edge end: where it touches the table and which way is outward (+1 right, -1 left). */
interface End extends Point {
  dir: 1 | -1;
}

/** Crow's-foot ends, as toFlow derives them (see `RelationshipData` in src/ui/canvas/toFlow.ts). */
type ParentEnd = 'one' | 'zeroOrOne';
type ChildEnd = 'zeroOrMany' | 'zeroOrOne';

/**
 * Draws one foreign key from the child's first FK column row to the parent's first referenced
 * column row, on the sides that face each other. A column hidden by a collapsed table anchors at
 * the header instead: an export should not silently lose a relationship.
 */
export function renderEdge(
  out: string[],
  k: ForeignKey,
  child: Table,
  parent: Table,
  childBox: NodeBox,
  parentBox: NodeBox,
  palette: SvgPalette,
): { x: number; y: number; width: number; height: number } {
  // Same rule as toFlow: tables stacked above each other (and self-references) use one side.
  const dx = parentBox.x + parentBox.width / 2 - (childBox.x + childBox.width / 2);
  const self = child.id === parent.id;
  const stacked = self || Math.abs(dx) < NODE_WIDTH * 0.75;
  const childDir: 1 | -1 = stacked ? (self ? 1 : -1) : dx > 0 ? 1 : -1;
  const parentDir: 1 | -1 = stacked ? childDir : dx > 0 ? -1 : 1;
  const from = anchor(childBox, k.columnIds[0], childDir);
  const to = anchor(parentBox, k.refColumnIds[0], parentDir);

  const notNull = k.columnIds.every((id) => findColumn(child, id)?.nullable === false);
  const parentEnd: ParentEnd = notNull ? 'one' : 'zeroOrOne';
  const childEnd: ChildEnd = isUniqueSet(child, k.columnIds) ? 'zeroOrOne' : 'zeroOrMany';
  const mismatch = k.columnIds.some((id, i) => {
    const a = findColumn(child, id)?.type;
    const b = findColumn(parent, k.refColumnIds[i] ?? '')?.type;
    return !!a && !!b && !typesMatchForReference(a, b);
  });
  const color = mismatch ? palette.warn : palette.edge;
  const label = `${columnNames(child, k.columnIds)} \u2192 ${columnNames(parent, k.refColumnIds)}`;

  const points = route(from, to);
  out.push(`<g class="tw-relationship">`);
  out.push(`<title>${escapeXml(k.name ? `${k.name}: ${label}` : label)}</title>`);
  const dash = mismatch ? ' stroke-dasharray="5 3"' : '';
  out.push(
    `<path class="tw-edge" d="${roundedPath(points, RADIUS)}" fill="none" stroke="${color}" stroke-width="1.5"${dash}/>`,
  );
  const marks = [marker(from, childEnd), marker(to, parentEnd)];
  out.push(
    `<path d="${marks.map((m) => m.d).join('')}" fill="none" stroke="${color}" stroke-width="1.5"/>`,
  );
  for (const m of marks) {
    if (m.circle) {
      out.push(
        `<circle cx="${num(m.circle.x)}" cy="${num(m.circle.y)}" r="4" fill="${palette.background}" stroke="${color}" stroke-width="1.5"/>`,
      );
    }
  }
  out.push('</g>');
  return extent(points);
}

/** The box around an edge's route and its end markers (which reach 8px either side of it). */
function extent(points: readonly Point[]) {
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const x = Math.min(...xs);
  const y = Math.min(...ys) - 8;
  return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) + 8 - y };
}

function columnNames(table: Table, ids: readonly string[]): string {
  return `${table.name}.${ids.map((id) => findColumn(table, id)?.name ?? '?').join(', ')}`;
}

function anchor(box: NodeBox, columnId: string | undefined, dir: 1 | -1): End {
  const row = columnId === undefined ? undefined : box.rows.get(columnId);
  const y = row === undefined ? HEADER_CENTER_Y : rowCenterY(row);
  return { x: dir > 0 ? box.x + box.width : box.x, y: box.y + y, dir };
}

/** An orthogonal route: straight out of both tables, then across. */
function route(a: End, b: End): Point[] {
  if (a.dir === b.dir) {
    // Same side: out past the outer of the two, down (or up), and back in.
    const x = a.dir > 0 ? Math.max(a.x, b.x) + OFFSET : Math.min(a.x, b.x) - OFFSET;
    return [a, { x, y: a.y }, { x, y: b.y }, b];
  }
  if ((b.x - a.x) * a.dir >= 2 * OFFSET) {
    // Facing sides with room between: one vertical run in the middle.
    const mid = (a.x + b.x) / 2;
    return [a, { x: mid, y: a.y }, { x: mid, y: b.y }, b];
  }
  // Facing away, or overlapping horizontally: step out of each, cross halfway between the rows.
  const x1 = a.x + a.dir * OFFSET;
  const x2 = b.x + b.dir * OFFSET;
  const midY = (a.y + b.y) / 2;
  return [a, { x: x1, y: a.y }, { x: x1, y: midY }, { x: x2, y: midY }, { x: x2, y: b.y }, b];
}

/** Path data through `points` with each corner rounded by a quadratic curve of up to `radius`. */
function roundedPath(input: readonly Point[], radius: number): string {
  // Repeated points and straight-through points would make zero-length corners.
  const pts = input.filter((p, i) => i === 0 || p.x !== input[i - 1]?.x || p.y !== input[i - 1]?.y);
  const kept = pts.filter((p, i) => {
    const prev = pts[i - 1];
    const next = pts[i + 1];
    return (
      !prev || !next || !((prev.x === p.x && p.x === next.x) || (prev.y === p.y && p.y === next.y))
    );
  });
  const first = kept[0];
  if (!first) return '';
  const parts = [`M${num(first.x)} ${num(first.y)}`];
  for (let i = 1; i < kept.length; i++) {
    const p = kept[i] as Point;
    const prev = kept[i - 1] as Point;
    const next = kept[i + 1];
    if (!next) {
      parts.push(`L${num(p.x)} ${num(p.y)}`);
      continue;
    }
    const r = Math.min(radius, dist(prev, p) / 2, dist(p, next) / 2);
    const before = toward(p, prev, r);
    const after = toward(p, next, r);
    parts.push(
      `L${num(before.x)} ${num(before.y)}Q${num(p.x)} ${num(p.y)} ${num(after.x)} ${num(after.y)}`,
    );
  }
  return parts.join('');
}

const dist = (a: Point, b: Point) => Math.hypot(b.x - a.x, b.y - a.y);

function toward(from: Point, to: Point, length: number): Point {
  const d = dist(from, to) || 1;
  return { x: from.x + ((to.x - from.x) / d) * length, y: from.y + ((to.y - from.y) / d) * length };
}

/**
 * A crow's-foot end drawn in place (no <marker> ids to clash when several exports share a page).
 * Shapes are those of `RelationshipMarkers` on the canvas, where `out` is the distance from the
 * table along the edge: bars across it, a crow's foot opening onto the table, a hollow circle.
 */
function marker(end: End, kind: ParentEnd | ChildEnd): { d: string; circle?: Point } {
  const x = (out: number) => num(end.x + end.dir * out);
  const y = (dy: number) => num(end.y + dy);
  const line = `M${x(0)} ${y(0)}H${x(22)}`;
  const bar = (out: number) => `M${x(out)} ${y(-7)}V${y(7)}`;
  const circleAt = (out: number): Point => ({ x: end.x + end.dir * out, y: end.y });
  switch (kind) {
    case 'one':
      return { d: line + bar(8) + bar(14) };
    case 'zeroOrOne':
      return { d: line + bar(6), circle: circleAt(15) };
    case 'zeroOrMany':
      return {
        d: `${line}M${x(0)} ${y(-8)}L${x(10)} ${y(0)}L${x(0)} ${y(8)}`,
        circle: circleAt(16),
      };
  }
}
