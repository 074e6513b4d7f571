import type { Table } from '../../core/model';
import {
  HANDLE_SIZE,
  HEADER_CENTER_Y,
  NODE_WIDTH,
  rowCenterY,
  visibleColumns,
} from '../../core/geometry/tableGeometry';

export type Side = 'l' | 'r';

export const handleId = (columnId: string, side: Side) => `${columnId}:${side}`;

/**
 * The header's own anchor pair: a foreign key whose column a collapsed table hides ends there,
 * so every foreign key stays a line.
 */
export const HEADER_ANCHOR = '#header';

/** The top of a handle or anchor whose middle is at `centerY`. */
export const handleTop = (centerY: number) => centerY - HANDLE_SIZE / 2;

/** Handle bounds for React Flow: the header pair, then one pair (left, right) per visible column row. */
export function handlesFor(table: Table, collapsed: boolean, width = NODE_WIDTH) {
  const pair = (id: string, centerY: number) =>
    (['l', 'r'] as const).map((side) => ({
      id: handleId(id, side),
      type: 'source' as const,
      position: side === 'l' ? ('left' as const) : ('right' as const),
      x: (side === 'l' ? 0 : width) - HANDLE_SIZE / 2,
      y: handleTop(centerY),
      width: HANDLE_SIZE,
      height: HANDLE_SIZE,
    }));
  return pair(HEADER_ANCHOR, HEADER_CENTER_Y).concat(
    visibleColumns(table, collapsed).flatMap((c, i) => pair(c.id, rowCenterY(i))),
  );
}
