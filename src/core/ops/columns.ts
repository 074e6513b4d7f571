import { uniqueName } from '../model/design';
import type { Column, Design, Table } from '../model/schema';
import { updateTable } from './tables';
import { dropOrphanedThreads } from './discussion';

export function addColumn(design: Design, tableId: string, column: Column, index?: number): Design {
  return updateTable(design, tableId, (t) => {
    if (t.columns.some((c) => c.id === column.id)) return t;
    const columns = [...t.columns];
    columns.splice(index ?? columns.length, 0, column);
    return { ...t, columns };
  });
}

/** A new column's name: `column`, `column_2`... unique within the table. */
export function nextColumnName(table: Table, base = 'new_column'): string {
  return uniqueName(
    base,
    table.columns.map((c) => c.name),
  );
}

export type ColumnPatch = Partial<Omit<Column, 'id'>>;

/**
 * Patch a column. `undefined` values in the patch remove optional fields (default, identity...).
 * Identity, generated expression and default are mutually exclusive in PostgreSQL, so setting one
 * clears the others rather than producing DDL Postgres would refuse.
 */
export function updateColumn(
  design: Design,
  tableId: string,
  columnId: string,
  patch: ColumnPatch,
): Design {
  return updateTable(design, tableId, (t) => {
    const i = t.columns.findIndex((c) => c.id === columnId);
    const old = t.columns[i];
    if (!old) return t;
    let next: Column = { ...old };
    for (const [key, value] of Object.entries(patch) as [keyof Column, unknown][]) {
      if (value === undefined || value === '') {
        if (key !== 'name' && key !== 'type' && key !== 'nullable') delete next[key];
      } else {
        next = { ...next, [key]: value };
      }
    }
    if (patch.identity) {
      delete next.default;
      delete next.generated;
      next.nullable = false;
    }
    if (patch.generated) {
      delete next.default;
      delete next.identity;
    }
    if (patch.default) {
      delete next.identity;
      delete next.generated;
    }
    if (
      next.nullable &&
      t.constraints.some((k) => k.kind === 'primaryKey' && k.columnIds.includes(columnId))
    ) {
      next.nullable = false; // a primary key column is always NOT NULL
    }
    const columns = [...t.columns];
    columns[i] = next;
    return { ...t, columns };
  });
}

export function moveColumn(
  design: Design,
  tableId: string,
  columnId: string,
  toIndex: number,
): Design {
  return updateTable(design, tableId, (t) => {
    const from = t.columns.findIndex((c) => c.id === columnId);
    if (from < 0) return t;
    const to = Math.max(0, Math.min(t.columns.length - 1, toIndex));
    if (from === to) return t;
    const columns = [...t.columns];
    const [moved] = columns.splice(from, 1);
    columns.splice(to, 0, moved as Column);
    return { ...t, columns };
  });
}

/**
 * Deletes a column and what cannot stand without it: constraints and indexes on it (a composite
 * key loses the whole constraint, as DROP COLUMN ... CASCADE would), and foreign keys elsewhere
 * that reference it.
 */
export function deleteColumn(design: Design, tableId: string, columnId: string): Design {
  const table = design.tables[tableId];
  if (!table || !table.columns.some((c) => c.id === columnId)) return design;
  const tables: Design['tables'] = {};
  for (const [id, t] of Object.entries(design.tables)) {
    const constraints = t.constraints.filter((k) => {
      if (id === tableId && 'columnIds' in k && k.columnIds.includes(columnId)) return false;
      if (k.kind === 'foreignKey' && k.refTableId === tableId && k.refColumnIds.includes(columnId))
        return false;
      return true;
    });
    if (id !== tableId) {
      tables[id] = constraints.length === t.constraints.length ? t : { ...t, constraints };
      continue;
    }
    const indexes = t.indexes.filter(
      (ix) =>
        !ix.include.includes(columnId) &&
        !ix.elements.some((e) => e.kind === 'column' && e.columnId === columnId),
    );
    tables[id] = {
      ...t,
      columns: t.columns.filter((c) => c.id !== columnId),
      constraints,
      indexes,
    };
  }
  return dropOrphanedThreads({ ...design, tables });
}
