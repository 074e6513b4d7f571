/** Options of {@link planSampleData}. */
export interface SampleOptions {
  /** Rows to insert into each table, 1 to 100,000. */
  rowsPerTable: number;
  /** Only these tables (by id); parents outside the list are read as they are in the database. */
  tables?: readonly string[];
}

/** One INSERT ... SELECT ... FROM generate_series statement that fills one table. */
export interface SampleStep {
  tableId: string;
  /** The table's qualified, quoted name, e.g. `public.film` or `"Sales"."Order"`. */
  table: string;
  sql: string;
  /** Rows asked for; fewer are inserted where a unique key runs out of parent rows or values. */
  rows: number;
  /**
   * Tables (ids) whose rows this step needs through NOT NULL foreign keys: when one of them
   * could not be filled, this step is skipped rather than run to fail.
   */
  requires: string[];
}

/** A table the plan leaves out, and why, for the person who asked. */
export interface SkippedTable {
  tableId: string;
  table: string;
  reason: string;
}

/** The result of {@link planSampleData}: steps in dependency order (parents first). */
export interface SamplePlan {
  steps: SampleStep[];
  skipped: SkippedTable[];
}
