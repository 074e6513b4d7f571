import type { Design, Layout } from '../model';
import type { ChangeSummary } from './types';

/**
 * What a comparison draws: design B, plus what A had and B lost (tables where they stood in A,
 * columns appended to their table), so removed things can be shown in red rather than vanish.
 * Foreign keys of removed tables that point at tables B no longer has are left out.
 */
export function comparisonDesign(
  a: { design: Design; layout: Layout },
  b: { design: Design; layout: Layout },
  summary: ChangeSummary,
): { design: Design; layout: Layout } {
  const tables = { ...b.design.tables };
  const layoutTables = { ...b.layout.tables };
  for (const [id, table] of Object.entries(a.design.tables)) {
    if (tables[id]) continue;
    tables[id] = table;
    const at = a.layout.tables[id];
    if (at) layoutTables[id] = at;
  }
  for (const [id, table] of Object.entries(tables)) {
    const before = a.design.tables[id];
    if (!before || !b.design.tables[id]) continue;
    const removed = before.columns.filter(
      (c) => summary.columns[c.id] === 'removed' && !table.columns.some((x) => x.id === c.id),
    );
    if (removed.length) tables[id] = { ...table, columns: [...table.columns, ...removed] };
  }
  // References may only point at what is drawn; a removed table's FK to another removed table stays.
  for (const [id, table] of Object.entries(tables)) {
    const constraints = table.constraints.filter(
      (k) => k.kind !== 'foreignKey' || !!tables[k.refTableId],
    );
    if (constraints.length !== table.constraints.length) tables[id] = { ...table, constraints };
  }
  const schemas = { ...a.design.schemas, ...b.design.schemas };
  const enums = { ...a.design.enums, ...b.design.enums };
  return {
    design: { ...b.design, schemas, enums, tables },
    layout: { ...b.layout, tables: layoutTables },
  };
}
