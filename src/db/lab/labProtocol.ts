import type { IndexAdvice, PlanNode } from '../../core/explain';
import type { Design } from '../../core/model';
import type { IndexTrial } from '../explainLab';
import type { SampleDataResult } from '../sampleData';
import type { RowOrder, RowResult, SyncOutcome, TableRows } from './labEngine';

/** What `sync` and `rebuild` answer: the outcome, and whether the rows outlive the page. */
export type SyncReply = SyncOutcome & { kept: boolean };

/** How far `generate` is: tables done of all, and the one being filled. */
export type LabProgress = { done: number; total: number; table: string };

/**
 * The lab worker's API: the client's calls and the worker's messages are derived from it (see
 * `rpc/protocol.ts`). Calls run one at a time, in order.
 */
export interface LabApi {
  /** Bring the playground's tables in step with the design, keeping rows where it can. */
  sync(design: Design): Promise<SyncReply>;
  /** Drop every row: the design's tables, empty. */
  rebuild(design: Design): Promise<SyncReply>;
  /** Fill every table with sample rows; reports {@link LabProgress} per table. */
  generate(design: Design, rowsPerTable: number): Promise<SampleDataResult>;
  rows(tableId: string, limit: number, order?: RowOrder): Promise<TableRows>;
  insertRow(tableId: string, values: Record<string, string | null>): Promise<RowResult>;
  updateCell(
    tableId: string,
    ctid: string,
    column: string,
    value: string | null,
  ): Promise<RowResult>;
  deleteRow(tableId: string, ctid: string): Promise<RowResult>;
  /** Any SQL against the playground's database. */
  query(
    design: Design,
    sql: string,
  ): Promise<{ rows: Record<string, unknown>[]; fields: { name: string; dataTypeID: number }[] }>;
  /** EXPLAIN ANALYZE on the sample data (rolled back). */
  explain(design: Design, sql: string): Promise<PlanNode>;
  /** The plan before and after an index, which is dropped again. */
  tryIndex(
    design: Design,
    sql: string,
    advice: Pick<IndexAdvice, 'createSql' | 'table'>,
  ): Promise<IndexTrial>;
}
