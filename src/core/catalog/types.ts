import type { SchemaFilter } from './serverVersion';

/**
 * Anything that runs a query and returns rows: PGlite, a worker client, node-postgres. The core
 * does not import a database; callers pass one in.
 */
export interface QueryExecutor {
  query<T>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
}

/** Options for reading a catalog into a design. */
export interface CatalogOptions {
  /** The new design's id; `d_catalog` by default, so the result is deterministic. */
  designId?: string;
  /** The new design's name; `Imported design` by default. */
  designName?: string;
  /** Read only these schemas, or all but those (a live database the user cannot wholly read). */
  schemas?: SchemaFilter;
}

/**
 * Something in the database the model cannot represent, and what became of it (left out, or
 * simplified). Import shows these so nothing is dropped without a word.
 */
export interface CatalogNote {
  message: string;
  /** The design entity (table, enum, schema) the note is about, when it made it into the design. */
  entityId?: string;
}
