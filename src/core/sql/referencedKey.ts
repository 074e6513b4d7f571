import type { ForeignKey, Index, Table } from '../model/schema';

/**
 * What PostgreSQL accepts as the key a foreign key references (transformFkeyCheckAttrs in
 * tablecmds.c): a unique index on exactly the referenced columns, in any order, that is not
 * partial, has no expression among its keys and is not deferrable. A primary key or unique
 * constraint is such an index; so is a plain `CREATE UNIQUE INDEX`, which Rails' structure.sql
 * uses for most of its foreign keys. INCLUDE columns are not keys and do not count.
 */

/** True when both lists hold the same column ids, in any order. */
export function sameColumnSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id) => b.includes(id));
}

/**
 * The key columns of a unique index a foreign key may reference, or undefined for one it cannot:
 * not unique, partial (WHERE), or with an expression key.
 */
export function referenceableIndexColumns(index: Index): string[] | undefined {
  if (!index.unique || index.where) return undefined;
  const columns: string[] = [];
  for (const element of index.elements) {
    if (element.kind !== 'column') return undefined;
    columns.push(element.columnId);
  }
  return columns;
}

/**
 * The unique index (not a constraint) a foreign key relies on: the first referenceable one on the
 * referenced columns, when no primary key or unique constraint that is not deferrable provides
 * them. Such a foreign key can only be added once that index exists, so the DDL and the migration
 * planner add it after the indexes. Undefined when a constraint provides the key, or nothing does.
 */
export function uniqueIndexBehind(
  fk: ForeignKey,
  referenced: Table,
  omitted: ReadonlySet<string> = new Set(),
): Index | undefined {
  for (const k of referenced.constraints) {
    if (omitted.has(k.id)) continue;
    if (k.kind !== 'primaryKey' && k.kind !== 'unique') continue;
    const immediate = (k.deferrable ?? 'notDeferrable') === 'notDeferrable';
    if (immediate && sameColumnSet(k.columnIds, fk.refColumnIds)) return undefined;
  }
  return referenced.indexes.find((index) => {
    if (omitted.has(index.id)) return false;
    const columns = referenceableIndexColumns(index);
    return columns !== undefined && sameColumnSet(columns, fk.refColumnIds);
  });
}
