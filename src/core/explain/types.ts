import type { Index } from '../model';

/** One node of a query plan, from `EXPLAIN (ANALYZE, BUFFERS, VERBOSE, FORMAT JSON)`. */
export interface PlanNode {
  /** e.g. `Seq Scan`, `Index Scan`, `Hash Join`, `Sort`. */
  nodeType: string;
  /** The scanned table as SQL (`public.rental` shows as `rental`), where the node scans one. */
  relation?: string;
  /** The table's schema and name as PostgreSQL reports them, unquoted. */
  schema?: string;
  relationName?: string;
  alias?: string;
  indexName?: string;
  startupCost: number;
  totalCost: number;
  /** The planner's estimate ('Plan Rows'). */
  planRows: number;
  /** Rows per loop, and loops: the node returned actualRows x actualLoops rows (ANALYZE only). */
  actualRows?: number;
  actualLoops?: number;
  /** Milliseconds per loop (ANALYZE only). */
  actualTotalTimeMs?: number;
  sharedHitBlocks?: number;
  sharedReadBlocks?: number;
  filter?: string;
  indexCond?: string;
  rowsRemovedByFilter?: number;
  sortKey?: string[];
  children: PlanNode[];
  /** On the root only. */
  planningTimeMs?: number;
  executionTimeMs?: number;
}

/** An index the plan suggests, ready for the design (see `addIndex` in core/ops/indexes.ts). */
export interface IndexAdvice {
  /** The table as SQL, e.g. `rental`. */
  table: string;
  tableId: string;
  /** Column names in index order. */
  columns: string[];
  /** Why, for the person reading the plan. */
  reason: string;
  createSql: string;
  index: Index;
}
