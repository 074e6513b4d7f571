/**
 * The public types of the database client (`client.ts`), for the UI to program against.
 */
import type { DdlStatement } from '../core/sql/types';
import type { CheckSchemaResult, ImportSqlResult, RunSqlResult } from './interrupts';
import type { BootInfo, ChangeOutcome, DbApi, ImportProgress, ImportSqlOptions } from './protocol';
import type { RpcStatus, RpcWorkerLike } from './rpc/client';

/** Where the database is: booting, usable, being replaced after a restart, or unable to start. */
export type DbStatus = RpcStatus;

/** What the client needs of a Worker; tests pass a fake. */
export type WorkerLike = RpcWorkerLike<DbApi>;

/** How the current worker started; `readyMs` counts from `new Worker` on the UI thread. */
export interface ClientBootInfo extends BootInfo {
  readyMs: number;
}

/**
 * Why the worker was replaced: the watchdog (`timeout` for a query; `checkTimeout` and
 * `importTimeout` for a schema check or an import, which report the statement themselves),
 * `cancel()`, a crash, or `restart()`.
 */
export type RestartReason =
  'timeout' | 'checkTimeout' | 'importTimeout' | 'cancelled' | 'crashed' | 'manual';

/** Sent once the replacement worker is ready: re-run the schema check on its empty database. */
export interface RestartEvent {
  reason: RestartReason;
  boot: ClientBootInfo;
}

/** Options of `createPgClient`. */
export interface PgClientOptions {
  /** Makes the worker; defaults to Vite's `new Worker(new URL('./pg.worker.ts', ...))`. */
  createWorker?: () => WorkerLike;
  /** Default watchdog for `runSql`, in ms. Default 10,000. */
  sqlTimeoutMs?: number;
  /** Watchdog for `checkSchema`, in ms. Default 60,000. */
  checkTimeoutMs?: number;
  /**
   * Watchdog for one verbatim statement of a check (a function, a DO block...), in ms. Default
   * 15,000: on an empty database such a statement takes milliseconds unless it never ends.
   */
  checkStatementTimeoutMs?: number;
  /** How long a worker may take to boot before the client gives up ('failed'). Default 60,000. */
  bootTimeoutMs?: number;
  /** Watchdog for `importSql`: the longest silence between progress reports, in ms. Default 120,000. */
  importTimeoutMs?: number;
  /** Watchdog for one statement of an import, in ms. Default 30,000. */
  importStatementTimeoutMs?: number;
  /** Boot Postgres on the first request rather than at once (an embedded diagram may never ask). */
  deferStart?: boolean;
}

/** Options of `PgClient.importSql`. */
export interface ImportSqlCallOptions extends ImportSqlOptions {
  /**
   * The longest time without a progress report before the worker is restarted (the import is
   * then `Interrupted` with reason `timeout`). Default: the client's `importTimeoutMs`.
   */
  timeoutMs?: number;
  /** Called as the import goes: phase, statements done, statements in all. */
  onProgress?: (progress: ImportProgress) => void;
}

/** The database client. Every method that can fail resolves with a value; none rejects. */
export interface PgClient {
  getStatus(): DbStatus;
  /** Called on every status change; returns the unsubscribe function. */
  subscribe(listener: (status: DbStatus) => void): () => void;
  /** How the current worker booted; null until it is ready. */
  getBootInfo(): ClientBootInfo | null;
  /** Why the status is 'failed', for a person; null otherwise. */
  getFailure(): string | null;
  /** Called after a replacement worker is ready; returns the unsubscribe function. */
  onRestart(listener: (event: RestartEvent) => void): () => void;
  /**
   * Validate DDL (reset, then execute). Waits for the worker. A newer call makes waiting checks,
   * and a running one whose answer arrives after it, resolve `{ stale: true }`.
   */
  checkSchema(statements: DdlStatement[]): Promise<CheckSchemaResult>;
  /**
   * Apply a change to the database a clean check left (see `DbApi.applyChange`). When the call
   * cannot finish (the worker was replaced meanwhile), the answer is `stale`: check it all.
   */
  applyChange(steps: string[], baseline: number): Promise<ChangeOutcome>;
  /**
   * Run user SQL; after `timeoutMs` (default: the client's; `Infinity` for none) without an
   * answer the worker is restarted. Queued behind any running call; its watchdog starts when it
   * reaches the worker.
   */
  runSql(sql: string, options?: { timeoutMs?: number }): Promise<RunSqlResult>;
  /**
   * Import a SQL script as a design: it runs in a scratch database of its own (the design's
   * database is untouched), and comes back with the design read from the catalog and a report of
   * every statement that was skipped or failed. Resolves, never rejects.
   */
  importSql(sql: string, options?: ImportSqlCallOptions): Promise<ImportSqlResult>;
  /**
   * Stop every running or waiting `runSql` and `importSql` (restarting the worker if one is
   * running).
   */
  cancel(): void;
  /** Replace the worker (also after 'failed'); a running call resolves as cancelled. */
  restart(): void;
  /** Terminate the worker; pending calls resolve as `disposed`. */
  dispose(): void;
}
