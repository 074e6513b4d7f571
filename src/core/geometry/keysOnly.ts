import type { Layout } from '../model';

/**
 * The layout as the whole-diagram "Keys only" view draws it: every table collapsed to its key
 * columns, as one collapsed table is, so sizes, rows and line ends all come from the one geometry
 * (`tableSize`, `visibleColumns`). A view of the layout, never stored: the person's own collapsed
 * tables are as they were when the view is left.
 */
export function keysOnlyLayout(layout: Layout): Layout {
  const tables: Layout['tables'] = {};
  for (const [id, l] of Object.entries(layout.tables))
    tables[id] = l.collapsed ? l : { ...l, collapsed: true };
  return { ...layout, tables };
}
