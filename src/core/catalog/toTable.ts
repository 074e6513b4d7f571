import type { Table } from '../model/schema';
import { qualifiedName } from '../sql/quote';
import type { TableRow } from './queries';
import type { TableColumns } from './toConstraint';
import { jsonArray, key, optional } from './values';

/** A table being read: the table, where it sits, and what later rows need to find in it. */
export interface TableEntry extends TableColumns {
  table: Table;
  row: TableRow;
  schemaName: string;
  sqlName: string;
  columnIds: Map<number, string>;
  columnNames: Map<number, string>;
}

/** The table's own fields from its row; columns, constraints and indexes come later. */
export function toTable(
  row: TableRow,
  id: string,
  schema: { id: string; name: string },
): TableEntry {
  const table: Table = {
    id,
    schemaId: schema.id,
    name: row.name,
    columns: [],
    constraints: [],
    indexes: [],
    inherits: [],
    storageParameters: [],
  };
  const comment = optional(row.comment);
  if (comment !== undefined) table.comment = comment;
  if (row.partition_key !== null && row.partition_key !== undefined)
    table.partitionBy = row.partition_key;
  if (row.persistence === 'u') table.unlogged = true;
  table.storageParameters = jsonArray<string>(row.options);
  if (row.row_security) table.rowSecurity = true;
  if (row.force_row_security) table.forceRowSecurity = true;
  const qualified = schema.name === 'public' ? row.name : `${schema.name}.${row.name}`;
  return {
    table,
    row,
    schemaName: schema.name,
    sqlName: qualifiedName(schema.name, row.name),
    id,
    label: `table "${qualified}"`,
    columnIds: new Map(),
    columnNames: new Map(),
  };
}

/**
 * What needs every table read first: partitions' parents, INHERITS parents, and the index or key
 * the table is clustered on (found by name among what was read).
 */
export function linkTables(entries: ReadonlyMap<string, TableEntry>): void {
  for (const entry of entries.values()) {
    const { row, table } = entry;
    if (row.partition_parent !== null && row.partition_parent !== undefined) {
      const parent = entries.get(key(row.partition_parent));
      if (parent)
        table.partitionOf = { tableId: parent.id, bound: row.partition_bound ?? 'DEFAULT' };
    }
    const parents = jsonArray<number | string>(row.inherits)
      .map((oid) => entries.get(key(oid))?.id)
      .filter((id): id is string => id !== undefined);
    if (parents.length > 0) table.inherits = parents;
    if (row.cluster_index) {
      const target =
        table.indexes.find((ix) => ix.name === row.cluster_index) ??
        table.constraints.find(
          (k) => k.name === row.cluster_index && k.kind !== 'check' && k.kind !== 'foreignKey',
        );
      if (target) table.clusterOn = target.id;
    }
  }
}
