/**
 * Renames between two designs read from files. Ids read from a catalog are derived from names
 * (core/catalog/ids.ts), so a renamed table or column arrives with a new id and the planner would
 * drop and re-create it. A rename here pairs an old id with a new one; `applyRenames` then gives
 * the new design's objects the old ids, and the planner plans ALTER ... RENAME.
 */
import { qualifiedName, quoteIdent } from '../sql/quote';

/** How a rename was decided: given on the command line, or inferred from the two designs. */
export type RenameSource = 'explicit' | 'inferred';

/** A table of the old design that is the new design's table under another name. */
export interface TableRename {
  /** The table's id in the old design and in the new one. */
  fromId: string;
  toId: string;
  schema: string;
  from: string;
  to: string;
  source: RenameSource;
  /** Why, for a person: e.g. `same columns and constraints`. */
  reason: string;
}

/** A column of the old design that is the new design's column under another name. */
export interface ColumnRename {
  /** The column's table in the old design (its id and name) and in the new one. */
  tableFromId: string;
  tableToId: string;
  schema: string;
  /** The table's name in the old design. */
  table: string;
  fromId: string;
  toId: string;
  from: string;
  to: string;
  source: RenameSource;
  reason: string;
}

/** The renames to apply. */
export interface Renames {
  tables: TableRename[];
  columns: ColumnRename[];
}

/**
 * Dropped and added objects that could be renames of each other in more than one way: never
 * decided here (a person says which with --rename).
 */
export interface AmbiguousRename {
  entity: 'table' | 'column';
  schema: string;
  /** For columns: the table's name in the old design. */
  table?: string;
  /** The old design's names that went away, and the new design's names that could be them. */
  dropped: string[];
  added: string[];
}

/** What the inference found: renames it is sure enough of, and the cases it cannot decide. */
export interface RenameInference extends Renames {
  ambiguous: AmbiguousRename[];
  /**
   * Tables of the same schema and name under other ids (one side made in the studio, the other
   * read from SQL): the same table, not a rename; applied whatever the mode.
   */
  pairedByName: TableRename[];
}

export const NO_RENAMES: Renames = { tables: [], columns: [] };

/** A rename as a person reads it: `table film -> movie`, `column film.title -> name`. */
export function describeRename(r: TableRename | ColumnRename): string {
  return 'table' in r
    ? `column ${qualifiedName(r.schema, r.table)}.${quoteIdent(r.from)} -> ${quoteIdent(r.to)}`
    : `table ${qualifiedName(r.schema, r.from)} -> ${quoteIdent(r.to)}`;
}

/**
 * The `--rename` value that decides this rename (see cli/renameArgs.ts): `film.title=name`,
 * `film=movie`, names quoted as SQL quotes them.
 */
export function renameFlag(r: TableRename | ColumnRename): string {
  return 'table' in r
    ? `${qualifiedName(r.schema, r.table)}.${quoteIdent(r.from)}=${quoteIdent(r.to)}`
    : `${qualifiedName(r.schema, r.from)}=${quoteIdent(r.to)}`;
}
