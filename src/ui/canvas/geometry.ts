import type { Table } from '../../core/model';

/**
 * Known node sizes: every table's box is computed, not measured, so React Flow can cull
 * off-screen nodes and route edges to tables it never rendered. The CSS in canvas.css uses the
 * same numbers; change both together.
 */
export const NODE_WIDTH = 260;
export const HEADER_HEIGHT = 36;
export const ROW_HEIGHT = 24;
export const FOOTER_HEIGHT = 28;
const HANDLE = 8;

export function visibleColumns(table: Table, collapsed: boolean) {
  if (!collapsed) return table.columns;
  const keyIds = new Set(
    table.constraints.flatMap((k) =>
      k.kind === 'primaryKey' || k.kind === 'foreignKey' ? k.columnIds : [],
    ),
  );
  return table.columns.filter((c) => keyIds.has(c.id));
}

export function nodeHeight(table: Table, collapsed: boolean): number {
  return HEADER_HEIGHT + visibleColumns(table, collapsed).length * ROW_HEIGHT + FOOTER_HEIGHT;
}

/** A view's box: header, one row per column, footer (no handles: views take no foreign keys). */
export function viewHeight(columnCount: number): number {
  return HEADER_HEIGHT + columnCount * ROW_HEIGHT + FOOTER_HEIGHT;
}

export type Side = 'l' | 'r';

export const handleId = (columnId: string, side: Side) => `${columnId}:${side}`;

/**
 * The header's own anchor pair: a foreign key whose column a collapsed table hides ends there,
 * so every foreign key stays a line.
 */
export const HEADER_ANCHOR = '#header';

/** Handle bounds for React Flow, one pair (left, right) per visible column row. */
export function handlesFor(table: Table, collapsed: boolean, width = NODE_WIDTH) {
  const headerY = HEADER_HEIGHT / 2 - HANDLE / 2;
  const header = [
    {
      id: handleId(HEADER_ANCHOR, 'l'),
      type: 'source' as const,
      position: 'left' as const,
      x: -HANDLE / 2,
      y: headerY,
      width: HANDLE,
      height: HANDLE,
    },
    {
      id: handleId(HEADER_ANCHOR, 'r'),
      type: 'source' as const,
      position: 'right' as const,
      x: width - HANDLE / 2,
      y: headerY,
      width: HANDLE,
      height: HANDLE,
    },
  ];
  return header.concat(
    visibleColumns(table, collapsed).flatMap((c, i) => {
      const y = HEADER_HEIGHT + i * ROW_HEIGHT + ROW_HEIGHT / 2 - HANDLE / 2;
      return [
        {
          id: handleId(c.id, 'l'),
          type: 'source' as const,
          position: 'left' as const,
          x: -HANDLE / 2,
          y,
          width: HANDLE,
          height: HANDLE,
        },
        {
          id: handleId(c.id, 'r'),
          type: 'source' as const,
          position: 'right' as const,
          x: width - HANDLE / 2,
          y,
          width: HANDLE,
          height: HANDLE,
        },
      ];
    }),
  );
}
