import type { Design } from '../model/schema';
import {
  COLUMNS_SQL,
  CONSTRAINTS_SQL,
  ENUMS_SQL,
  INDEXES_SQL,
  SCHEMAS_SQL,
  TABLES_SQL,
} from './queries';
import type { ColumnRow, ConstraintRow, EnumRow, IndexRow, SchemaRow, TableRow } from './queries';
import { toDesign } from './toDesign';
import type { CatalogNote, CatalogOptions, QueryExecutor } from './types';

/**
 * Reads the user's schemas, enum types, tables, columns, constraints, indexes and comments from a
 * live database into a design, with notes on whatever the model cannot represent. System schemas,
 * extension objects and partitions are not read.
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
  // One query at a time: a single connection (PGlite) serializes them anyway.
  const schemas = (await exec.query<SchemaRow>(SCHEMAS_SQL)).rows;
  const enums = (await exec.query<EnumRow>(ENUMS_SQL)).rows;
  const tables = (await exec.query<TableRow>(TABLES_SQL)).rows;
  const columns = (await exec.query<ColumnRow>(COLUMNS_SQL)).rows;
  const constraints = (await exec.query<ConstraintRow>(CONSTRAINTS_SQL)).rows;
  const indexes = (await exec.query<IndexRow>(INDEXES_SQL)).rows;
  return toDesign({ schemas, enums, tables, columns, constraints, indexes }, options);
}

/** Like `readCatalogWithNotes`, for callers that only want the design. */
export async function readCatalog(
  exec: QueryExecutor,
  options: CatalogOptions = {},
): Promise<Design> {
  return (await readCatalogWithNotes(exec, options)).design;
}
