/**
 * The database worker's API and its data. Every message type is derived from one interface,
 * {@link DbApi}, by the generic RPC (`rpc/protocol.ts`): adding a method there is the only step
 * to expose it.
 *
 * Everything here crosses `postMessage`, so it is plain data (structured-clone safe, and
 * JSON-friendly so the UI can copy or persist it).
 */
import type { ImportPgError, ImportReport } from '../core/import/report';
import type { Design } from '../core/model/schema';
import type { DdlStatement } from '../core/sql/types';
import type { RpcBootMessage, RpcCall, RpcMethod, RpcReply, RpcResult } from './rpc/protocol';

/**
 * A PostgreSQL error with the fields the server sends (PGliteWorker drops all but `message`,
 * which is why Tablewright has its own worker). Absent fields are left out, never `undefined`.
 * Defined in core, where the import report carries the same fields.
 */
export type PgError = ImportPgError;

/** A NOTICE or WARNING Postgres sent while running user SQL (e.g. `RAISE NOTICE`). */
export interface PgNotice {
  message: string;
  severity?: string;
  code?: string;
}

/** One failed statement of a schema check. */
export interface StatementError {
  /** Index into the `statements` array that was checked. */
  statementIndex: number;
  /** The owning entity (from {@link DdlStatement.entityId}), to badge it on the canvas. */
  entityId: string;
  error: PgError;
  /**
   * 0-based offset in the whole DDL text (UTF-16 code units, as Monaco counts) of the character
   * Postgres pointed at: `statement.from` + the error position. Absent when Postgres gave none.
   */
  offset?: number;
}

/** What a schema check found. `ok` is true exactly when `errors` is empty. */
export interface SchemaCheckReport {
  ok: boolean;
  errors: StatementError[];
  /**
   * `batch`: all statements ran as one call and succeeded. `perStatement`: the batch failed and
   * each statement ran on its own so that every independent error is found.
   */
  strategy: 'batch' | 'perStatement';
  durationMs: number;
  /**
   * When the database now holds exactly these statements (no errors): the name of that state,
   * for {@link DbApi.applyChange}. The engine forgets it when anything else touches the database.
   */
  baseline?: number;
}

/** The answer to {@link DbApi.applyChange}. */
export type ChangeOutcome =
  | { applied: true; baseline: number; durationMs: number }
  /**
   * `stale`: the database no longer holds that baseline (console SQL ran, or a whole check since).
   * `failed`: a step was refused; nothing of the change stayed, the baseline still holds.
   */
  | { applied: false; reason: 'stale' | 'failed'; error?: PgError; durationMs: number };

/**
 * The engine's answer to a check. `resetError` means the database could not even be cleared
 * (e.g. user SQL revoked the rights it needs); only a fresh database helps then.
 */
export type SchemaCheckOutcome =
  | (SchemaCheckReport & { resetError?: undefined })
  | { ok: false; resetError: PgError; durationMs: number };

/** A column of a result set: its name and the OID of its type (see `pg_type`). */
export interface ResultField {
  name: string;
  dataTypeID: number;
}

/**
 * The result of one statement of user SQL. Values are structured-clone safe and JSON-friendly:
 * dates, times, json, jsonb and bytea come as Postgres prints them (`\x...` for bytea),
 * int8 beyond 2^53 as a string, arrays as arrays.
 */
export interface SqlStatementResult {
  /** The command tag's verb: `SELECT`, `INSERT`, `CREATE`, `EXPLAIN`... */
  command: string;
  fields: ResultField[];
  rows: unknown[][];
  /** Rows the statement returned (before truncation) or, for DML, rows it changed. */
  rowCount: number;
  /** Rows changed, for INSERT, UPDATE, DELETE, MERGE and COPY. */
  affectedRows?: number;
  /** True when `rows` was cut to the row cap; `rowCount` still tells the real number. */
  truncated: boolean;
}

/** User SQL ran: one result per statement that produced one. */
export interface SqlRunSuccess {
  ok: true;
  cancelled: false;
  results: SqlStatementResult[];
  notices: PgNotice[];
  durationMs: number;
}

/**
 * User SQL failed in Postgres. A multi-statement run is one implicit transaction, so nothing of
 * it was kept (unless the SQL itself said BEGIN/COMMIT).
 */
export interface SqlRunFailure {
  ok: false;
  cancelled: false;
  error: PgError;
  /** 0-based UTF-16 offset of `error.position` in the SQL that was sent, for the editor. */
  offset?: number;
  notices: PgNotice[];
  durationMs: number;
}

/** What the engine answers to `runSql`. */
export type SqlRunOutcome = SqlRunSuccess | SqlRunFailure;

/** Options of an import: the new design's id and name (deterministic defaults otherwise). */
export interface ImportSqlOptions {
  designId?: string;
  designName?: string;
  /**
   * Statements (by index among the script's statements) that hung or crashed the database in an
   * earlier attempt: they are not run again, and the report lists them as failed with `reason`.
   */
  hung?: { index: number; reason: string }[];
  /**
   * The DDL pane's reads: keep the scratch database at the last script read, and next time run
   * again only the statements that changed (a full read whenever that cannot be exact).
   */
  incremental?: boolean;
}

/**
 * What an import answers. `ok: false` only when nothing could be imported at all (the scratch
 * database did not start); statements that failed or were skipped are in the report.
 */
export type ImportSqlOutcome =
  | { ok: true; cancelled: false; design: Design; report: ImportReport }
  | { ok: false; cancelled: false; error: PgError };

/**
 * How far an import is: `parse` (meta-commands, statement boundaries), `boot` (the scratch
 * database with its extensions), `execute` (`done` of `total` statements), `catalog` (reading the
 * design back).
 */
export interface ImportProgress {
  phase: 'parse' | 'boot' | 'execute' | 'catalog';
  done: number;
  total: number;
  /**
   * In `execute`: the index of the statement about to run (sent before each one), so that the
   * client can name the statement that hung or crashed the worker.
   */
  current?: number;
}

/**
 * How far a schema check is. Statements kept verbatim (`extra`: functions, DO blocks…) run one by
 * one, each announced with its index, so the client knows which one hangs; `statementIndex` is
 * absent while generated DDL runs.
 */
export interface CheckProgress {
  phase: 'check';
  statementIndex?: number;
}

/**
 * The API the worker serves. The engine implements it, the worker dispatches to it, the client
 * calls it; message types below are derived from it.
 */
export interface DbApi {
  /** Reset the database and execute the design's DDL, reporting every error by statement. */
  checkSchema(statements: DdlStatement[]): Promise<SchemaCheckOutcome>;
  /**
   * Apply a change (migration steps, plain DDL) to the database that holds `baseline`, all in one
   * transaction: the verdict on an edit without rebuilding the whole design.
   */
  applyChange(steps: string[], baseline: number): Promise<ChangeOutcome>;
  /** Run user SQL (one or many statements) against the design's database. */
  runSql(sql: string): Promise<SqlRunOutcome>;
  /**
   * Turn a SQL script into a design: run it in a scratch database (created for the call, with
   * the contrib extensions the script needs, and thrown away after) and read the catalog back.
   * The worker sends {@link ImportProgress} messages while it runs.
   */
  importSql(sql: string, options?: ImportSqlOptions): Promise<ImportSqlOutcome>;
}

/** A method name of {@link DbApi}. */
export type DbMethod = RpcMethod<DbApi>;

/** The resolved result type of a {@link DbApi} method. */
export type DbResult<M extends DbMethod> = RpcResult<DbApi, M>;

/** What the worker reports while a call runs. */
export type DbProgress = ImportProgress | CheckProgress;

/** Client -> worker: call a method. `id` pairs the call with its reply. */
export type CallMessage = RpcCall<DbApi>;

/** How the worker's PGlite started. */
export interface BootInfo {
  /** From the worker's first line to a usable database, snapshot download included. */
  bootMs: number;
  /** True when the prebuilt data directory was loaded instead of running initdb. */
  fromSnapshot: boolean;
  /** Why the snapshot was not used (missing, unreadable, wrong version), for the console. */
  snapshotProblem?: string;
  /** Part of `bootMs` spent downloading and checking the snapshot. */
  snapshotMs?: number;
}

/**
 * Worker -> client messages: `ready` or `failed` once, then per call a result, an error (the
 * engine threw: a bug, reported as text) or progress (which also resets the call's watchdog).
 */
export type WorkerMessage = RpcBootMessage<BootInfo> | RpcReply<DbApi, DbProgress>;
