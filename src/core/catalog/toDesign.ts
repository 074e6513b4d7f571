import type {
  Column,
  Constraint,
  Design,
  EnumType,
  Index,
  Namespace,
  Table,
} from '../model/schema';
import { CatalogIds } from './ids';
import type { ColumnRow, ConstraintRow, EnumRow, IndexRow, SchemaRow, TableRow } from './queries';
import { toColumn } from './toColumn';
import { toConstraint, type TableColumns } from './toConstraint';
import { toIndex } from './toIndex';
import type { CatalogNote, CatalogOptions } from './types';
import { jsonArray, key, optional } from './values';

/** The rows of every catalog query, in the order the queries return them. */
export interface CatalogRows {
  schemas: SchemaRow[];
  enums: EnumRow[];
  tables: TableRow[];
  columns: ColumnRow[];
  constraints: ConstraintRow[];
  indexes: IndexRow[];
}

/** PostgreSQL's own comment on the public schema of a fresh database: not the user's. */
const DEFAULT_PUBLIC_COMMENT = 'standard public schema';

interface TableEntry extends TableColumns {
  table: Table;
  schemaName: string;
  columnIds: Map<number, string>;
}

/**
 * Builds a design from catalog rows. Pure: no queries here. Entities keep the order Postgres
 * created them in (oid order), which for a freshly loaded file is the order of the file.
 */
export function toDesign(
  rows: CatalogRows,
  options: CatalogOptions = {},
): { design: Design; notes: CatalogNote[] } {
  const notes: CatalogNote[] = [];
  const ids = new CatalogIds();
  ids.reserve('s_public');

  const schemas: Record<string, Namespace> = {};
  const schemaByOid = new Map<string, Namespace>();
  for (const row of rows.schemas) {
    const schema: Namespace = {
      id: row.name === 'public' ? 's_public' : ids.take('s', row.name),
      name: row.name,
    };
    const comment = optional(row.comment);
    if (comment !== undefined && !(row.name === 'public' && comment === DEFAULT_PUBLIC_COMMENT)) {
      schema.comment = comment;
    }
    schemas[schema.id] = schema;
    schemaByOid.set(key(row.oid), schema);
  }

  const enums: Record<string, EnumType> = {};
  for (const row of rows.enums) {
    const schema = schemaByOid.get(key(row.schema_oid));
    if (!schema) continue;
    const type: EnumType = {
      id: ids.take('e', schema.name, row.name),
      schemaId: schema.id,
      name: row.name,
      values: jsonArray<string>(row.labels),
    };
    const comment = optional(row.comment);
    if (comment !== undefined) type.comment = comment;
    enums[type.id] = type;
  }

  const tableByOid = new Map<string, TableEntry>();
  for (const row of rows.tables) {
    const schema = schemaByOid.get(key(row.schema_oid));
    if (!schema) continue;
    const table: Table = {
      id: ids.take('t', schema.name, row.name),
      schemaId: schema.id,
      name: row.name,
      columns: [],
      constraints: [],
      indexes: [],
    };
    const comment = optional(row.comment);
    if (comment !== undefined) table.comment = comment;
    const label = `table "${schema.name === 'public' ? row.name : `${schema.name}.${row.name}`}"`;
    if (row.relkind === 'p') {
      notes.push({
        entityId: table.id,
        message: `The ${label} is partitioned; the design keeps it as a plain table, without its partitions.`,
      });
    }
    tableByOid.set(key(row.oid), {
      table,
      schemaName: schema.name,
      id: table.id,
      label,
      columnIds: new Map(),
    });
  }

  for (const row of rows.columns) {
    const entry = tableByOid.get(key(row.table_oid));
    if (!entry) continue;
    const note = (message: string) => notes.push({ entityId: entry.id, message });
    const column: Column = toColumn(
      row,
      ids.take('c', entry.schemaName, entry.table.name, row.name),
      note,
      entry.label,
    );
    entry.table.columns.push(column);
    entry.columnIds.set(row.attnum, column.id);
  }

  for (const row of rows.constraints) {
    const entry = tableByOid.get(key(row.table_oid));
    if (!entry) continue;
    const note = (message: string) => notes.push({ entityId: entry.id, message });
    const referenced = row.kind === 'f' ? tableByOid.get(key(row.ref_table_oid)) : undefined;
    const constraint: Constraint | undefined = toConstraint(
      row,
      ids.take('k', entry.schemaName, entry.table.name, row.name),
      entry,
      referenced,
      note,
    );
    if (constraint) entry.table.constraints.push(constraint);
  }

  for (const row of rows.indexes) {
    const entry = tableByOid.get(key(row.table_oid));
    if (!entry) continue;
    const note = (message: string) => notes.push({ entityId: entry.id, message });
    const index: Index | undefined = toIndex(
      row,
      ids.take('i', entry.schemaName, row.name),
      entry,
      note,
    );
    if (index) entry.table.indexes.push(index);
  }

  const tables: Record<string, Table> = {};
  for (const { table } of tableByOid.values()) tables[table.id] = table;
  const design: Design = {
    id: options.designId ?? 'd_catalog',
    name: options.designName ?? 'Imported design',
    schemas,
    enums,
    tables,
    notes: {},
  };
  return { design, notes };
}
