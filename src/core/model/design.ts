import { newId } from './ids';
import type { RawObject } from './extras';
import type { Column, Constraint, Design, Table } from './schema';

/** A blank design with the `public` schema, which every PostgreSQL database has. */
export function emptyDesign(name = 'Untitled design', id = newId('d')): Design {
  const publicId = 's_public';
  return {
    id,
    name,
    schemas: { [publicId]: { id: publicId, name: 'public' } },
    enums: {},
    tables: {},
    notes: {},
    extras: [],
    review: { disabledRules: [] },
    queries: [],
    areas: [],
    threads: [],
  };
}

export function tableList(design: Design): Table[] {
  return Object.values(design.tables);
}

export function findColumn(table: Table, columnId: string): Column | undefined {
  return table.columns.find((c) => c.id === columnId);
}

export function primaryKeyOf(
  table: Table,
): Extract<Constraint, { kind: 'primaryKey' }> | undefined {
  return table.constraints.find(
    (k): k is Extract<Constraint, { kind: 'primaryKey' }> => k.kind === 'primaryKey',
  );
}

export function isPrimaryKeyColumn(table: Table, columnId: string): boolean {
  return primaryKeyOf(table)?.columnIds.includes(columnId) ?? false;
}

/** True when exactly these columns (in any order) carry a PK or UNIQUE constraint or unique index. */
export function isUniqueSet(table: Table, columnIds: readonly string[]): boolean {
  const same = (ids: readonly string[]) =>
    ids.length === columnIds.length && ids.every((i) => columnIds.includes(i));
  for (const k of table.constraints) {
    if ((k.kind === 'primaryKey' || k.kind === 'unique') && same(k.columnIds)) return true;
  }
  return table.indexes.some(
    (ix) =>
      ix.unique &&
      !ix.where &&
      ix.elements.every((e) => e.kind === 'column') &&
      same(ix.elements.map((e) => (e.kind === 'column' ? e.columnId : ''))),
  );
}

export function isSingleColumnUnique(table: Table, columnId: string): boolean {
  return table.constraints.some(
    (k) => k.kind === 'unique' && k.columnIds.length === 1 && k.columnIds[0] === columnId,
  );
}

export function foreignKeysOf(table: Table) {
  return table.constraints.filter(
    (k): k is Extract<Constraint, { kind: 'foreignKey' }> => k.kind === 'foreignKey',
  );
}

/** `name`, or `name_2`, `name_3`... : the first not in `taken`. */
export function uniqueName(base: string, taken: Iterable<string>): string {
  const set = new Set(taken);
  if (!set.has(base)) return base;
  for (let n = 2; ; n++) if (!set.has(`${base}_${n}`)) return `${base}_${n}`;
}

/** `schema.table` for tables outside `public`, the bare name otherwise: for messages, not SQL. */
export function displayName(design: Design, table: Table): string {
  const schema = design.schemas[table.schemaId]?.name ?? 'public';
  return schema === 'public' ? table.name : `${schema}.${table.name}`;
}

/** The partitions of a partitioned table, in design order: what the canvas folds under it. */
export function partitionsOf(design: Design, tableId: string): Table[] {
  return Object.values(design.tables).filter((t) => t.partitionOf?.tableId === tableId);
}

/** The raw objects of one kind (e.g. `view`), in design order. */
export function extrasOfKind<K extends RawObject['kind']>(design: Design, kind: K): RawObject[] {
  return design.extras.filter((x) => x.kind === kind);
}

/** Views and materialized views: what the canvas draws as read-only nodes (with `columns`). */
export function viewsOf(design: Design): RawObject[] {
  return design.extras.filter((x) => x.kind === 'view' || x.kind === 'materializedView');
}
