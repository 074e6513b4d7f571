import type { Design, Layout, Table, TableLayout } from '../core/model';
import type { Size } from './rect';

/**
 * The size each table node is drawn at, so layout can run where the canvas cannot (a worker,
 * Node). These are the numbers of `src/ui/canvas/geometry.ts` (and canvas.css): layout must not
 * import UI code, so they are restated here, and `sizes.test.ts` fails if the two drift apart.
 */
export const NODE_WIDTH = 260;
export const HEADER_HEIGHT = 36;
export const ROW_HEIGHT = 24;
export const FOOTER_HEIGHT = 28;

export type { Size };

/** Collapsed tables show only their key columns: those in the primary key or a foreign key. */
export function visibleColumnCount(table: Table, collapsed: boolean): number {
  if (!collapsed) return table.columns.length;
  const keyIds = new Set(
    table.constraints.flatMap((k) =>
      k.kind === 'primaryKey' || k.kind === 'foreignKey' ? k.columnIds : [],
    ),
  );
  return table.columns.filter((c) => keyIds.has(c.id)).length;
}

export function tableSize(table: Table, tableLayout: TableLayout | undefined): Size {
  const collapsed = !!tableLayout?.collapsed;
  return {
    width: tableLayout?.width ?? NODE_WIDTH,
    height: HEADER_HEIGHT + visibleColumnCount(table, collapsed) * ROW_HEIGHT + FOOTER_HEIGHT,
  };
}

/** A view's box: one row per column; its width is fixed (no resizing, unlike tables). */
export function viewSize(columnCount: number): Size {
  return { width: NODE_WIDTH, height: HEADER_HEIGHT + columnCount * ROW_HEIGHT + FOOTER_HEIGHT };
}

/** Sizes of every table of the design, by id (views: see `canvasNodes` in nodes.ts). */
export function tableSizes(design: Design, layout: Layout): Map<string, Size> {
  const sizes = new Map<string, Size>();
  for (const table of Object.values(design.tables))
    sizes.set(table.id, tableSize(table, layout.tables[table.id]));
  return sizes;
}
