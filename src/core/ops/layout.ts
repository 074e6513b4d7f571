import type { Layout, TableColor } from '../model';

/**
 * Layout ops: (layout, payload) => layout, dispatched through the store's `setLayout`. Layout sits
 * beside the design (positions, colors, collapsed state), so these never touch a table.
 */

/** A node moved to a canvas position. */
export interface TableMove {
  id: string;
  x: number;
  y: number;
}

/** Moves nodes, at whole pixels (a drag reports fractions); a table with no layout yet gets one. */
export function moveTables(layout: Layout, moves: readonly TableMove[]): Layout {
  let tables: Layout['tables'] | undefined;
  for (const m of moves) {
    const x = Math.round(m.x);
    const y = Math.round(m.y);
    const prev = (tables ?? layout.tables)[m.id];
    if (prev && prev.x === x && prev.y === y) continue;
    tables ??= { ...layout.tables };
    tables[m.id] = { ...(prev ?? {}), x, y };
  }
  return tables ? { ...layout, tables } : layout;
}

/** Collapses a table to its key columns, or shows all of them again. */
export function setTableCollapsed(layout: Layout, tableId: string, collapsed: boolean): Layout {
  const prev = layout.tables[tableId];
  if (!!prev?.collapsed === collapsed) return layout;
  return {
    ...layout,
    tables: { ...layout.tables, [tableId]: { x: 0, y: 0, ...prev, collapsed } },
  };
}

/** Colors tables (or clears their color); tables with no layout are left alone. */
export function setTablesColor(
  layout: Layout,
  tableIds: readonly string[],
  color: TableColor | undefined,
): Layout {
  let tables: Layout['tables'] | undefined;
  for (const id of tableIds) {
    const entry = layout.tables[id];
    if (!entry || entry.color === color) continue;
    const { color: _old, ...rest } = entry;
    tables ??= { ...layout.tables };
    tables[id] = color ? { ...rest, color } : rest;
  }
  return tables ? { ...layout, tables } : layout;
}

/**
 * Places tables where auto-layout put them: each given table takes the new position (and size,
 * when given), keeping its colour and collapsed state; tables not given stay where they are.
 */
export function placeTables(layout: Layout, placed: Readonly<Layout['tables']>): Layout {
  const tables = { ...layout.tables };
  for (const [id, p] of Object.entries(placed)) tables[id] = { ...tables[id], ...p };
  return { ...layout, tables };
}

/**
 * Keeps the lines auto-layout routed. `replace` (a whole-design arrangement) drops every route
 * it did not make; otherwise the new routes join the old, whose lines the arrangement did not
 * move. A route left behind by a moved table no longer fits its rows and is not drawn.
 */
export function placeRoutes(
  layout: Layout,
  routes: Readonly<NonNullable<Layout['routes']>>,
  replace: boolean,
): Layout {
  const merged = replace ? { ...routes } : { ...layout.routes, ...routes };
  if (Object.keys(merged).length === 0) {
    const { routes: _dropped, ...rest } = layout;
    return rest;
  }
  return { ...layout, routes: merged };
}
