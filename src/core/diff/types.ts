/**
 * What the diff engine produces: the changes between two versions of a design (matched by stable
 * id, so a rename is a rename), and the migration that turns one database into the other.
 */

/** The kind of entity a change is about. */
export type ChangeEntity =
  'schema' | 'enum' | 'table' | 'column' | 'constraint' | 'index' | 'extra';

/** What happened to it. `moved`: to another schema. */
export type ChangeAction = 'added' | 'removed' | 'renamed' | 'moved' | 'changed';

/** One difference between design A and design B. */
export interface DesignChange {
  entity: ChangeEntity;
  action: ChangeAction;
  /** The entity's stable id (the same in A and B). */
  id: string;
  /** For columns, constraints and indexes: the table they belong to. */
  tableId?: string;
  /**
   * For `changed`: which property, e.g. `type`, `nullable`, `default`, `identity`, `generated`,
   * `collation`, `comment`, `definition`, `values` (enum labels), `options` (table options).
   */
  field?: string;
  /** The value before and after, as text, where it has one (names for renames). */
  from?: string;
  to?: string;
  /** One line for a person, e.g. `column orders.total: type numeric(10,2) -> numeric(12,2)`. */
  description: string;
}

/** A per-entity status for coloring a canvas: what the version did to each table and column. */
export type ChangeStatus = 'added' | 'removed' | 'changed';

export interface ChangeSummary {
  tables: Record<string, ChangeStatus>;
  columns: Record<string, ChangeStatus>;
}

/**
 * The strongest table lock a statement takes (PostgreSQL's lock modes), or `none` for statements
 * that lock no existing table (CREATE TABLE, CREATE TYPE, COMMENT ON SCHEMA ...).
 */
export type LockLevel =
  | 'ACCESS EXCLUSIVE'
  | 'EXCLUSIVE'
  | 'SHARE ROW EXCLUSIVE'
  | 'SHARE'
  | 'SHARE UPDATE EXCLUSIVE'
  | 'none';

/**
 * `safe`: zero-downtime practice (indexes built concurrently, constraints added NOT VALID and
 * validated apart, NOT NULL through a validated check), each step committing on its own.
 * `simple`: plain statements, all in one transaction.
 */
export type MigrationMode = 'safe' | 'simple';

/** One statement of a migration, with what it costs and risks. */
export interface MigrationStep {
  /** One SQL statement, ending with `;`. */
  sql: string;
  description: string;
  lock: LockLevel;
  /** False for statements PostgreSQL refuses inside a transaction block (CREATE INDEX CONCURRENTLY ...). */
  transactional: boolean;
  /** The statement rewrites the whole table (and its indexes) under its lock. */
  rewritesTable?: boolean;
  /** The statement throws data away (or may fail on existing data): what is lost. */
  destructive?: { loses: string };
  /** The table (or schema, enum, raw object) first, then the column, constraint or index ids. */
  entityIds: string[];
}

/** Up turns A into B; down turns B back into A. */
export interface Migration {
  up: MigrationStep[];
  down: MigrationStep[];
}

export interface PlanOptions {
  mode: MigrationMode;
}
