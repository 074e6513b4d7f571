import type { Design } from '../../core/model';
import type { RowOrder, SyncOutcome } from './labEngine';

/** Messages to the lab worker: one method each, answered in order. */
export type LabRequest = { id: number } & (
  | { method: 'sync' | 'rebuild'; design: Design }
  | { method: 'generate'; design: Design; rowsPerTable: number }
  | { method: 'rows'; tableId: string; limit: number; order?: RowOrder }
  | { method: 'insertRow'; tableId: string; values: Record<string, string | null> }
  | { method: 'updateCell'; tableId: string; ctid: string; column: string; value: string | null }
  | { method: 'deleteRow'; tableId: string; ctid: string }
  | { method: 'query'; design: Design; sql: string }
  | { method: 'explain'; design: Design; sql: string }
  | {
      method: 'tryIndex';
      design: Design;
      sql: string;
      advice: { createSql: string; table: string };
    }
);

export type LabReply =
  | { id: number; ok: true; result: unknown }
  | { id: number; ok: false; message: string }
  | { id: number; progress: { done: number; total: number; table: string } }
  /** The worker began the request (earlier ones are done): its time starts now. */
  | { id: number; started: true };

/** A request without its id, as the client's callers write it. */
export type LabCall = LabRequest extends infer R
  ? R extends { id: number }
    ? Omit<R, 'id'>
    : never
  : never;

/** What `sync` and `rebuild` answer: the outcome, and whether the rows outlive the page. */
export type SyncReply = SyncOutcome & { kept: boolean };
