import type { Design, EnumType, Namespace, Table } from '../model/schema';
import { emptyDesign } from '../model/design';
import { quoteIdent } from '../sql/quote';
import type { DependencyRow } from './dependencyQueries';
import { commentOn, pending, type ExtraContext, type PendingExtra } from './extraContext';
import { CatalogIds } from './ids';
import { orderExtras } from './orderExtras';
import type { ColumnRow, ConstraintRow, EnumRow, IndexRow, SchemaRow, TableRow } from './queries';
import { toColumn } from './toColumn';
import { toConstraint } from './toConstraint';
import { toExtras, type ExtraRows } from './toExtras';
import { toIndex } from './toIndex';
import { linkTables, toTable, type TableEntry } from './toTable';
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
  /** Objects kept verbatim; absent when only the model's objects were read. */
  extras?: ExtraRows;
  dependencies?: DependencyRow[];
}

/** PostgreSQL's own comment on the public schema of a fresh database: not the user's. */
const DEFAULT_PUBLIC_COMMENT = 'standard public schema';

/**
 * Builds a design from catalog rows. Pure: no queries here. Entities keep the order Postgres
 * created them in (oid order), which for a freshly loaded file is the order of the file; raw
 * objects are put in dependency order.
 */
export function toDesign(
  rows: CatalogRows,
  options: CatalogOptions = {},
): { design: Design; notes: CatalogNote[] } {
  const notes: CatalogNote[] = [];
  const ids = new CatalogIds();
  ids.reserve('s_public');
  const known = new Map<string, string>();

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
    known.set(`pg_type:${key(row.oid)}`, type.id);
    if (row.array_type !== undefined) known.set(`pg_type:${key(row.array_type)}`, type.id);
  }

  const ctx: ExtraContext = {
    ids,
    schemas: schemaByOid,
    relations: new Map(),
    note: (message, entityId) =>
      notes.push(entityId === undefined ? { message } : { entityId, message }),
  };
  const entries = new Map<string, TableEntry>();
  for (const row of rows.tables) {
    const schema = schemaByOid.get(key(row.schema_oid));
    if (!schema) continue;
    const entry = toTable(row, ids.take('t', schema.name, row.name), schema);
    entries.set(key(row.oid), entry);
    known.set(`pg_class:${key(row.oid)}`, entry.id);
    if (row.row_type !== undefined) known.set(`pg_type:${key(row.row_type)}`, entry.id);
    if (row.row_array_type !== undefined) known.set(`pg_type:${key(row.row_array_type)}`, entry.id);
    ctx.relations.set(key(row.oid), {
      id: entry.id,
      name: row.name,
      sqlName: entry.sqlName,
      isTable: true,
      columns: entry.columnNames,
    });
  }

  for (const row of rows.columns) {
    const entry = entries.get(key(row.table_oid));
    if (!entry) continue;
    const column = toColumn(
      row,
      ids.take('c', entry.schemaName, entry.table.name, row.name),
      entry.table.name,
    );
    entry.table.columns.push(column);
    entry.columnIds.set(row.attnum, column.id);
    entry.columnNames.set(row.attnum, row.name);
  }

  const verbatim: PendingExtra[] = [];
  for (const row of rows.constraints) {
    const entry = entries.get(key(row.table_oid));
    if (!entry) continue;
    const referenced = row.kind === 'f' ? entries.get(key(row.ref_table_oid)) : undefined;
    const id = ids.take('k', entry.schemaName, entry.table.name, row.name);
    const result = toConstraint(row, id, entry, referenced);
    if ('constraint' in result) entry.table.constraints.push(result.constraint);
    else verbatim.push(constraintExtra(ctx, entry, row, result.unsupported));
  }

  const indexIdByOid = new Map<string, string>();
  const parentIndexOf = new Map<string, string>();
  for (const row of rows.indexes) {
    const entry = entries.get(key(row.table_oid));
    if (!entry) continue;
    const result = toIndex(row, ids.take('i', entry.schemaName, row.name), entry);
    if ('index' in result) {
      entry.table.indexes.push(result.index);
      indexIdByOid.set(key(row.oid), result.index.id);
      if (row.parent_index !== null && row.parent_index !== undefined) {
        parentIndexOf.set(result.index.id, key(row.parent_index));
      }
    } else verbatim.push(indexExtra(ctx, entry, row, result.unsupported));
  }
  for (const entry of entries.values()) {
    for (const index of entry.table.indexes) {
      const parentOid = parentIndexOf.get(index.id);
      const parentId = parentOid === undefined ? undefined : indexIdByOid.get(parentOid);
      if (parentId !== undefined) index.attachedTo = parentId;
    }
  }
  linkTables(entries);

  const tables: Record<string, Table> = {};
  for (const { table } of entries.values()) tables[table.id] = table;
  const design: Design = {
    ...emptyDesign(options.designName ?? 'Imported design', options.designId ?? 'd_catalog'),
    schemas,
    enums,
    tables,
  };
  const extras = rows.extras ? toExtras(ctx, rows.extras) : [];
  extras.push(...verbatim);
  if (extras.length > 0) design.extras = orderExtras(extras, rows.dependencies ?? [], known);
  return { design, notes };
}

/** A constraint the model cannot hold, kept as ALTER TABLE ... ADD CONSTRAINT. */
function constraintExtra(
  ctx: ExtraContext,
  entry: TableEntry,
  row: ConstraintRow,
  why: string,
): PendingExtra {
  const name = quoteIdent(row.name);
  ctx.note(`Constraint "${row.name}" on ${entry.label} is kept as SQL: ${why}.`, entry.id);
  const sql =
    `ALTER TABLE ${entry.sqlName}\n  ADD CONSTRAINT ${name} ${row.definition};` +
    commentOn(`CONSTRAINT ${name} ON ${entry.sqlName}`, row.comment);
  return pending(ctx, {
    kind: 'other',
    name: row.name,
    scope: entry.sqlName,
    sql,
    oid: row.oid,
    tableId: entry.id,
    dependsOn: [entry.id],
  });
}

/** An index the model cannot hold, kept as its CREATE INDEX. */
function indexExtra(
  ctx: ExtraContext,
  entry: TableEntry,
  row: IndexRow,
  why: string,
): PendingExtra {
  ctx.note(`Index "${row.name}" on ${entry.label} is kept as SQL: ${why}.`, entry.id);
  const sql =
    row.definition +
    ';' +
    commentOn(`INDEX ${quoteIdent(entry.schemaName)}.${quoteIdent(row.name)}`, row.comment);
  return pending(ctx, {
    kind: 'index',
    schemaOid: entry.row.schema_oid,
    name: row.name,
    sql,
    oid: row.oid,
    tableId: entry.id,
    dependsOn: [entry.id],
  });
}
