import type { Design } from '../model/schema';
import { DEPENDENCIES_SQL, type DependencyRow } from './dependencyQueries';
import * as X from './extrasQueries';
import {
  COLUMNS_SQL,
  CONSTRAINTS_SQL,
  ENUMS_SQL,
  INDEXES_SQL,
  SCHEMAS_SQL,
  TABLES_SQL,
} from './queries';
import type { ColumnRow, ConstraintRow, EnumRow, IndexRow, SchemaRow, TableRow } from './queries';
import { catalogSqlFor, MIN_SERVER_VERSION, parseServerVersion } from './serverVersion';
import { toDesign, type CatalogRows } from './toDesign';
import type { ExtraRows } from './toExtras';
import type { CatalogNote, CatalogOptions, QueryExecutor } from './types';
import { UNSUPPORTED_SQL, type UnsupportedRow } from './unsupportedQueries';
import { jsonArray } from './values';

/**
 * Reads the user's schemas, enum types, tables (partitions included), columns, constraints,
 * indexes and comments from a live database into a design, and everything else of the user's
 * (extensions, domains, sequences, functions, views, triggers, policies, ...) as raw objects in
 * dependency order, with notes on whatever could not be kept. System schemas and extension
 * members are not read.
 *
 * Types and expressions come back as PostgreSQL prints them for the session's `search_path`: with
 * the default (`"$user", public`) names in `public` are unqualified. A pg_dump script empties
 * search_path for the rest of its session, so run `RESET search_path` after loading one, or every
 * name comes back as `public.…` (still valid SQL, just noisier).
 */
export async function readCatalogWithNotes(
  exec: QueryExecutor,
  options: CatalogOptions = {},
): Promise<{ design: Design; notes: CatalogNote[] }> {
  return designFromRows(await readCatalogRows(exec, options), options);
}

/** A row reader for this server: the queries are written for PostgreSQL 18; an older server gets its own spelling of them. */
async function catalogRowsFor(exec: QueryExecutor, schemas: CatalogOptions['schemas']) {
  const version = await serverVersionOf(exec);
  // One query at a time: a single connection (PGlite) serializes them anyway.
  return <T>(sql: string) =>
    exec.query<T>(catalogSqlFor(sql, version, schemas)).then((r) => r.rows);
}

/** Every catalog row a design is read from, and the rows of what the design cannot keep. */
export interface AllCatalogRows extends CatalogRows {
  extras: ExtraRows;
  dependencies: DependencyRow[];
  unsupported: UnsupportedRow[];
}

/** The queries of `readCatalogWithNotes`, without building the design (see `designFromRows`). */
export async function readCatalogRows(
  exec: QueryExecutor,
  options: Pick<CatalogOptions, 'schemas'> = {},
): Promise<AllCatalogRows> {
  const rows = await catalogRowsFor(exec, options.schemas);
  const rest = await readOtherRows(exec, options);
  const tables = await rows<TableRow>(TABLES_SQL);
  const columns = await rows<ColumnRow>(COLUMNS_SQL);
  const constraints = await rows<ConstraintRow>(CONSTRAINTS_SQL);
  const indexes = await rows<IndexRow>(INDEXES_SQL);
  return { ...rest, tables, columns, constraints, indexes };
}

/** The rows of everything but tables: schemas, enums, kept-verbatim objects, dependencies. */
export async function readOtherRows(
  exec: QueryExecutor,
  options: Pick<CatalogOptions, 'schemas'> = {},
): Promise<Pick<AllCatalogRows, 'schemas' | 'enums' | 'extras' | 'dependencies' | 'unsupported'>> {
  const rows = await catalogRowsFor(exec, options.schemas);
  const schemas = await rows<SchemaRow>(SCHEMAS_SQL);
  const enums = await rows<EnumRow>(ENUMS_SQL);
  const extras: ExtraRows = {
    extensions: await rows(X.EXTENSIONS_SQL),
    collations: await rows(X.COLLATIONS_SQL),
    types: await rows(X.TYPES_SQL),
    sequences: await rows(X.SEQUENCES_SQL),
    routines: await rows(X.ROUTINES_SQL),
    views: await rows(X.VIEWS_SQL),
    triggers: await rows(X.TRIGGERS_SQL),
    rules: await rows(X.RULES_SQL),
    policies: await rows(X.POLICIES_SQL),
    statistics: await rows(X.STATISTICS_SQL),
    eventTriggers: await rows(X.EVENT_TRIGGERS_SQL),
    publications: await rows(X.PUBLICATIONS_SQL),
  };
  const dependencies = await rows<DependencyRow>(DEPENDENCIES_SQL);
  const unsupported = await rows<UnsupportedRow>(UNSUPPORTED_SQL);
  return { schemas, enums, extras, dependencies, unsupported };
}

/**
 * The rows of some tables only (by oid), from PGlite (the DDL pane's scratch database: the
 * queries as written for PostgreSQL 18): their table, column, constraint and index rows, in the
 * order `readCatalogRows` gives them.
 */
export async function readTableRows(
  exec: QueryExecutor,
  tableOids: readonly string[],
): Promise<Pick<CatalogRows, 'tables' | 'columns' | 'constraints' | 'indexes'>> {
  if (tableOids.length === 0) return { tables: [], columns: [], constraints: [], indexes: [] };
  const only = (sql: string, column: string) =>
    exec
      .query<never>(`SELECT * FROM (${sql}) q WHERE q.${column} = ANY($1::oid[])`, [tableOids])
      .then((r) => r.rows);
  return {
    tables: await only(TABLES_SQL, 'oid'),
    columns: await only(COLUMNS_SQL, 'table_oid'),
    constraints: await only(CONSTRAINTS_SQL, 'table_oid'),
    indexes: await only(INDEXES_SQL, 'table_oid'),
  };
}

/** Builds the design (and notes) from rows read by `readCatalogRows`. Pure. */
export function designFromRows(
  all: AllCatalogRows,
  options: CatalogOptions = {},
): { design: Design; notes: CatalogNote[] } {
  const { unsupported, ...rows } = all;
  const read = toDesign(rows, options);
  for (const row of unsupported) {
    const names = jsonArray<string>(row.names);
    read.notes.push({
      message: `The design does not keep ${row.kind} yet, so these are left out: ${names.join(', ')}.`,
    });
  }
  return read;
}

/** The server's `server_version_num` (PGlite's and any real server's answer alike). */
export async function serverVersionOf(exec: QueryExecutor): Promise<number> {
  const { rows } = await exec.query<{ version: unknown }>(
    "SELECT pg_catalog.current_setting('server_version_num') AS version",
  );
  return parseServerVersion(rows[0]?.version) ?? MIN_SERVER_VERSION;
}

/** Like `readCatalogWithNotes`, for callers that only want the design. */
export async function readCatalog(
  exec: QueryExecutor,
  options: CatalogOptions = {},
): Promise<Design> {
  return (await readCatalogWithNotes(exec, options)).design;
}
