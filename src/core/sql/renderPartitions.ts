import type { Index, Table } from '../model/schema';
import type { RenderContext } from './context';
import { givenName } from './omissions';
import { indexName } from './renderIndex';

/**
 * Partitions are created as tables of their own and then attached, as pg_dump does: their
 * columns, defaults and constraints are their own, and ATTACH PARTITION ties their primary key
 * and unique indexes to the parent's.
 */
export function renderAttachPartition(ctx: RenderContext, parent: Table, partition: Table): string {
  const bound = partition.partitionOf?.bound ?? 'DEFAULT';
  return (
    'ALTER TABLE ' +
    ctx.tableName(parent) +
    ' ATTACH PARTITION ' +
    ctx.tableName(partition) +
    ' ' +
    bound +
    ';'
  );
}

/** `ALTER INDEX parent_idx ATTACH PARTITION child_idx;` */
export function renderAttachIndex(
  ctx: RenderContext,
  parentTable: Table,
  parentIndex: Index,
  childTable: Table,
  childIndex: Index,
): string {
  return (
    'ALTER INDEX ' +
    indexName(ctx, parentTable, parentIndex) +
    ' ATTACH PARTITION ' +
    indexName(ctx, childTable, childIndex) +
    ';'
  );
}

/** An attachment of a partition's index to its parent's index that can be written out. */
export interface IndexAttachment {
  parentTable: Table;
  parentIndex: Index;
  childTable: Table;
  childIndex: Index;
}

/**
 * Every index attached to a parent index where both exist, are named and are emitted. Parents
 * listed here are created ON ONLY their table; the others recurse into the partitions as usual.
 */
export function findIndexAttachments(
  ctx: RenderContext,
  tables: readonly Table[],
): IndexAttachment[] {
  const byId = new Map<string, { table: Table; index: Index }>();
  for (const table of tables) {
    for (const index of table.indexes) byId.set(index.id, { table, index });
  }
  const out: IndexAttachment[] = [];
  for (const childTable of tables) {
    const parentId = childTable.partitionOf?.tableId;
    if (parentId === undefined) continue;
    for (const childIndex of childTable.indexes) {
      if (childIndex.attachedTo === undefined || ctx.omitted.has(childIndex.id)) continue;
      const parent = byId.get(childIndex.attachedTo);
      if (!parent || parent.table.id !== parentId || ctx.omitted.has(parent.index.id)) continue;
      if (givenName(parent.index) === undefined || givenName(childIndex) === undefined) continue;
      out.push({ parentTable: parent.table, parentIndex: parent.index, childTable, childIndex });
    }
  }
  return out;
}
