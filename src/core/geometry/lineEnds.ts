import type { Route, Table, TableLayout } from '../model';
import { HEADER_CENTER_Y, NODE_WIDTH, rowCenterY, visibleColumns } from './tableGeometry';

/** Which side of a table a line leaves from: left or right. */
export type LineSide = 'l' | 'r';

/**
 * The y (from the node's top) where a relationship line meets a table for `columnId`: the middle
 * of its row, or of the header when the table hides that column (collapsed, keys only).
 */
export function lineEndY(table: Table, collapsed: boolean, columnId: string): number {
  const index = visibleColumns(table, collapsed).findIndex((c) => c.id === columnId);
  return index < 0 ? HEADER_CENTER_Y : rowCenterY(index);
}

/** The canvas point on the box edge where a line for `columnId` leaves `side` of the table. */
export function lineEnd(
  table: Table,
  at: TableLayout,
  columnId: string,
  side: LineSide,
): { x: number; y: number } {
  return {
    x: side === 'l' ? at.x : at.x + (at.width ?? NODE_WIDTH),
    y: at.y + lineEndY(table, !!at.collapsed, columnId),
  };
}

/** One end of a relationship: the table, how it is drawn, the column the line ends at. */
export interface LineEndOf {
  table: Table;
  at: TableLayout;
  columnId: string;
}

/** Half a pixel: positions are whole pixels, so a route that still fits matches exactly. */
const TOLERANCE = 0.5;

function sideAt(end: LineEndOf, x: number, y: number): LineSide | null {
  for (const side of ['l', 'r'] as const) {
    const p = lineEnd(end.table, end.at, end.columnId, side);
    if (Math.abs(p.x - x) <= TOLERANCE && Math.abs(p.y - y) <= TOLERANCE) return side;
  }
  return null;
}

/**
 * Whether a stored route still joins the two column rows as they are drawn now, and from which
 * sides. A table that moved, was resized, collapsed, or had the rows above the column change
 * makes its routes stale (`null`): the canvas then draws its own line rather than a wrong one.
 */
export function routeFits(
  route: Route,
  child: LineEndOf,
  parent: LineEndOf,
): { childSide: LineSide; parentSide: LineSide } | null {
  const p = route.points;
  const n = p.length;
  const childSide = sideAt(child, p[0] as number, p[1] as number);
  if (!childSide) return null;
  const parentSide = sideAt(parent, p[n - 2] as number, p[n - 1] as number);
  return parentSide ? { childSide, parentSide } : null;
}
