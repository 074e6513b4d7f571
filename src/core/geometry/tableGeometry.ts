import type { Design, Layout, Table, TableLayout } from '../model';

/**
 * The one geometry of a table (or view) node: the canvas draws it, layout packs it, the SVG export
 * redraws it. Every box is computed, never measured, so React Flow can cull off-screen nodes and
 * route lines to tables it never rendered, and layout can run where there is no DOM (a worker,
 * Node). The canvas CSS reads these numbers as custom properties set from here (see
 * `nodeGeometryStyle` in src/ui/canvas), so there is nothing to keep equal by hand.
 */

/** Width of a node whose layout sets none (views always: they cannot be resized). */
export const NODE_WIDTH = 260;
export const HEADER_HEIGHT = 36;
export const ROW_HEIGHT = 24;
export const FOOTER_HEIGHT = 28;
/** A connection handle or line anchor: a square centred on the node's edge. */
export const HANDLE_SIZE = 8;

/** Horizontal padding of the header (name on the left, tags on the right). */
export const HEADER_PAD_X = 10;
/** Horizontal padding of the footer (its text starts here). */
export const FOOTER_PAD_X = 8;

/**
 * One column row, left to right: padding, the key cell (PK/FK/UQ), the name (takes the rest),
 * the type (at most `typeMax` wide), the nullability cell (`?`), padding; `gap` between cells.
 */
export const ROW_CELLS = {
  padLeft: 6,
  padRight: 10,
  gap: 4,
  keyCell: 24,
  nullCell: 12,
  typeMax: 120,
} as const;

/** Below this zoom a table shows only its header band and blank rows: text would be unreadable and costs frames. */
export const DETAIL_ZOOM = 0.45;

/** Whether a node at this zoom draws its column rows (the box keeps its size either way). */
export const showsRowDetail = (zoom: number): boolean => zoom >= DETAIL_ZOOM;

/** A node's box size. */
export interface NodeSize {
  width: number;
  height: number;
}

/**
 * Collapsed tables ("Keys only") show only their key columns: those in the primary key, a foreign
 * key or a unique constraint (an alternate key: what other tables may reference, like an email).
 */
export function visibleColumns(table: Table, collapsed: boolean): Table['columns'] {
  if (!collapsed) return table.columns;
  const keyIds = new Set(
    table.constraints.flatMap((k) =>
      k.kind === 'primaryKey' || k.kind === 'foreignKey' || k.kind === 'unique' ? k.columnIds : [],
    ),
  );
  return table.columns.filter((c) => keyIds.has(c.id));
}

/** Height of the rows band: what a node far out leaves blank at the same size. */
export const rowsHeight = (rowCount: number): number => rowCount * ROW_HEIGHT;

/** Height of a node with `rowCount` rows: header, rows, footer. */
export const boxHeight = (rowCount: number): number =>
  HEADER_HEIGHT + rowsHeight(rowCount) + FOOTER_HEIGHT;

/** The y (from the node's top) of the middle of row `index`, where its line ends. */
export const rowCenterY = (index: number): number =>
  HEADER_HEIGHT + index * ROW_HEIGHT + ROW_HEIGHT / 2;

/** The y of the middle of the header, where a line to a hidden column ends. */
export const HEADER_CENTER_Y = HEADER_HEIGHT / 2;

/** A table's drawn box: its layout width (or the default) and one row per visible column. */
export function tableSize(table: Table, tableLayout: TableLayout | undefined): NodeSize {
  const collapsed = !!tableLayout?.collapsed;
  return {
    width: tableLayout?.width ?? NODE_WIDTH,
    height: boxHeight(visibleColumns(table, collapsed).length),
  };
}

/** A view's box: one row per column; its width is fixed (no resizing, unlike tables). */
export function viewSize(columnCount: number): NodeSize {
  return { width: NODE_WIDTH, height: boxHeight(columnCount) };
}

/** Sizes of every table of the design, by id (views: see `canvasNodes` in src/layout/nodes.ts). */
export function tableSizes(design: Design, layout: Layout): Map<string, NodeSize> {
  const sizes = new Map<string, NodeSize>();
  for (const table of Object.values(design.tables))
    sizes.set(table.id, tableSize(table, layout.tables[table.id]));
  return sizes;
}
