/**
 * What runs inside the database worker, written against a PGlite instance so that tests can run
 * it in Node with real PGlite and no Worker.
 */
import { PGlite, type Results } from '@electric-sql/pglite';
import type { DdlStatement } from '../core/sql/types';
import { consoleRefusal } from './consoleGuard';
import { positionToIndex, toPgError, toPgNotice } from './pgError';
import { DesignDatabase, type ReopenWith } from './designExtensions';
import { createDdlReader } from './import/ddlSession';
import { importSql, type ImportDeps } from './import/importSql';
import type { ParserOptions } from './import/pgParser';
import type {
  ChangeOutcome,
  CheckProgress,
  DbApi,
  ImportProgress,
  ImportSqlOptions,
  ImportSqlOutcome,
  PgNotice,
  SchemaCheckOutcome,
  SchemaCheckReport,
  SqlRunOutcome,
  SqlStatementResult,
  StatementError,
} from './protocol';
import { ignoreNotice, resetDatabase, type PgConnection } from './reset';
import { TEXT_PARSERS, toPlainRows } from './values';

/** Options of {@link createEngine}. */
export interface EngineOptions {
  /** Rows kept per result set of user SQL; the rest is counted, not sent. Default 1,000. */
  maxRows?: number;
  /**
   * How imports make their scratch database (default: a cold `PGlite.create`); the worker boots
   * it from the data-directory snapshot instead.
   */
  createScratch?: ImportDeps['createScratch'];
  /** Where the parser's .wasm is (the worker passes its bundled URL). */
  parser?: ParserOptions;
  /**
   * Starts a new design database with contrib extensions, for DDL that creates one the current
   * database lacks (see `DesignDatabase`). Without it, such DDL fails with PostgreSQL's message.
   */
  reopenWith?: ReopenWith;
  /**
   * The connection given and those `reopenWith` makes are fresh databases (the worker boots them
   * from the initdb snapshot): the first check on each skips the reset. Tests that hand in a
   * database with things in it leave this unset.
   */
  bootedFresh?: boolean;
}

/** The engine: {@link DbApi}, with progress reports for imports. */
export interface DbEngine extends DbApi {
  checkSchema(
    statements: DdlStatement[],
    onProgress?: (progress: CheckProgress) => void,
  ): Promise<SchemaCheckOutcome>;
  importSql(
    sql: string,
    options?: ImportSqlOptions,
    onProgress?: (progress: ImportProgress) => void,
  ): Promise<ImportSqlOutcome>;
}

const coldScratch: ImportDeps['createScratch'] = (extensions) => PGlite.create({ extensions });

/** Default cap on rows per result set sent to the UI. */
export const DEFAULT_MAX_ROWS = 1000;

const DML_COMMANDS = new Set(['INSERT', 'UPDATE', 'DELETE', 'MERGE', 'COPY']);

/**
 * Separator for the batch: the newline ends a trailing `--` comment, the semicolon ends a
 * statement written without one (an extra empty statement is harmless).
 */
const BATCH_SEPARATOR = '\n;\n';

/**
 * Statements per call of a batch. One call is one transaction, and every table it creates holds
 * its locks to the end: the DDL of 2,000 tables in one call fails with `53200 out of shared
 * memory`. Calls of this size stay far below the lock table and cost the same in all.
 */
const BATCH_STATEMENTS = 250;

const now = (): number => performance.now();
const elapsed = (since: number): number => Math.round((now() - since) * 10) / 10;

/** Run tasks one at a time: a check must never interleave with user SQL (a BEGIN would wrap it). */
function createSerialQueue(): <T>(task: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  };
}

function statementError(statement: DdlStatement, index: number, thrown: unknown): StatementError {
  const error = toPgError(thrown);
  const found: StatementError = { statementIndex: index, entityId: statement.entityId, error };
  if (error.position !== undefined) {
    found.offset = statement.from + positionToIndex(statement.sql, error.position);
  }
  return found;
}

type Progress = (progress: CheckProgress) => void;

/**
 * Verbatim statements (functions, DO blocks, whatever a link or a file brought) can run forever;
 * generated DDL cannot. Each verbatim one is announced before it runs, so that when the watchdog
 * stops the worker the client knows which statement it was.
 */
const isVerbatim = (statement: DdlStatement): boolean => statement.kind === 'extra';

/** Run each statement on its own, so one failure does not hide the next. */
async function runEachStatement(
  pg: PgConnection,
  statements: DdlStatement[],
  progress: Progress,
): Promise<StatementError[]> {
  const errors: StatementError[] = [];
  let announced = false;
  for (const [index, statement] of statements.entries()) {
    if (isVerbatim(statement)) {
      progress({ phase: 'check', statementIndex: index });
      announced = true;
    } else if (announced) {
      progress({ phase: 'check' });
      announced = false;
    }
    try {
      await pg.exec(statement.sql, { onNotice: ignoreNotice });
    } catch (thrown) {
      errors.push(statementError(statement, index, thrown));
    }
  }
  return errors;
}

/**
 * Runs of generated DDL in calls of up to {@link BATCH_STATEMENTS}; each verbatim statement alone,
 * announced. A failure leaves the calls before it done: the caller resets before going on.
 */
async function runBatch(
  pg: PgConnection,
  statements: DdlStatement[],
  progress: Progress,
): Promise<void> {
  let run: DdlStatement[] = [];
  const flush = async () => {
    if (run.length === 0) return;
    const sql = run.map((s) => s.sql).join(BATCH_SEPARATOR);
    run = [];
    await pg.exec(sql, { onNotice: ignoreNotice });
  };
  let announced = false;
  for (const [index, statement] of statements.entries()) {
    if (!isVerbatim(statement)) {
      if (announced) progress({ phase: 'check' });
      announced = false;
      run.push(statement);
      if (run.length >= BATCH_STATEMENTS) await flush();
      continue;
    }
    await flush();
    progress({ phase: 'check', statementIndex: index });
    announced = true;
    await pg.exec(statement.sql, { onNotice: ignoreNotice });
  }
  if (announced) progress({ phase: 'check' });
  await flush();
}

/**
 * Reset, then the batch (one call) when the last check passed, falling back to one call per
 * statement when it fails. Measured with 1,000 tables, per-statement costs about what the batch
 * costs (DDL dominates, not calls), so a failed batch nearly doubles a check: while a design has
 * errors (they tend to last several edits), checks go straight to per-statement.
 */
async function checkSchema(
  pg: PgConnection,
  statements: DdlStatement[],
  tryBatch: boolean,
  progress: Progress = () => {},
  pristine = false,
): Promise<SchemaCheckOutcome> {
  const started = now();
  const report = (
    errors: StatementError[],
    strategy: SchemaCheckReport['strategy'],
  ): SchemaCheckReport => ({
    ok: errors.length === 0,
    errors,
    strategy,
    durationMs: elapsed(started),
  });
  // A database nothing has run on is as fresh as a reset would make it: the first check after
  // boot skips the reset (its DO blocks and drops are a good part of the first verdict's time).
  if (!pristine) {
    try {
      await resetDatabase(pg);
    } catch (thrown) {
      return { ok: false, resetError: toPgError(thrown), durationMs: elapsed(started) };
    }
  }
  if (statements.length === 0) return report([], 'batch');
  if (tryBatch) {
    try {
      await runBatch(pg, statements, progress);
      return report([], 'batch');
    } catch {
      // The failed batch was rolled back as a whole, unless the DDL had its own COMMIT: reset
      // again, then run statement by statement to find every independent error.
    }
    try {
      await resetDatabase(pg);
    } catch (thrown) {
      return { ok: false, resetError: toPgError(thrown), durationMs: elapsed(started) };
    }
  }
  return report(await runEachStatement(pg, statements, progress), 'perStatement');
}

function toStatementResult(result: Results, maxRows: number): SqlStatementResult {
  const command = result.command ?? '';
  const rowCount = result.rowCount ?? result.rows.length;
  const out: SqlStatementResult = {
    command,
    fields: result.fields.map((f) => ({ name: f.name, dataTypeID: f.dataTypeID })),
    rows: toPlainRows(result.rows, maxRows),
    rowCount,
    truncated: result.rows.length > maxRows,
  };
  // PGlite's own `affectedRows` adds up over the whole call; the command tag is per statement.
  if (DML_COMMANDS.has(command)) out.affectedRows = rowCount;
  return out;
}

async function runSql(
  pg: PgConnection,
  sql: string,
  maxRows: number,
  parser?: ParserOptions,
): Promise<SqlRunOutcome> {
  const started = now();
  const notices: PgNotice[] = [];
  const refused = await consoleRefusal(sql, parser);
  if (refused)
    return { ok: false, cancelled: false, error: refused, notices, durationMs: elapsed(started) };
  try {
    const results = await pg.exec(sql, {
      rowMode: 'array',
      parsers: TEXT_PARSERS,
      onNotice: (notice) => notices.push(toPgNotice(notice)),
    });
    return {
      ok: true,
      cancelled: false,
      // Empty statements (`;;`, a lone comment) come back as results without a command.
      results: results
        .filter((r) => r.command !== undefined || r.fields.length > 0)
        .map((r) => toStatementResult(r, maxRows)),
      notices,
      durationMs: elapsed(started),
    };
  } catch (thrown) {
    const error = toPgError(thrown);
    const failure: SqlRunOutcome = {
      ok: false,
      cancelled: false,
      error,
      notices,
      durationMs: elapsed(started),
    };
    if (error.position !== undefined) failure.offset = positionToIndex(sql, error.position);
    return failure;
  }
}

/**
 * The database API over one PGlite instance. Calls run one after another in arrival order.
 * Nothing throws: failures are values.
 *
 * `checkSchema` resets the database (drops every user schema, including whatever user SQL left:
 * open transactions, session settings, temp tables), runs all statements as one batch, and when
 * that fails (or the previous check failed) runs them one by one to report each error with its
 * statement, entity and absolute offset in the DDL text. The database then holds the design
 * (what of it is valid) for `runSql`.
 */
export function createEngine(pg: PgConnection, options: EngineOptions = {}): DbEngine {
  const maxRows = Math.max(0, options.maxRows ?? DEFAULT_MAX_ROWS);
  const serial = createSerialQueue();
  const database = new DesignDatabase(pg, options.reopenWith);
  let lastCheckPassed = true;
  // The state a clean check (or an applied change) left, by name and connection: anything else
  // that runs (console SQL, a check with errors, a database reopened with extensions) forgets it.
  let baseline: { token: number; connection: PgConnection } | undefined;
  let tokens = 0;
  const importDeps: ImportDeps = {
    createScratch: options.createScratch ?? coldScratch,
    ...(options.parser ? { parser: options.parser } : {}),
  };
  const ddlReader = createDdlReader(importDeps);
  // Connections some SQL has run on; the others are as they booted (from the snapshot: initdb's).
  const used = new WeakSet<PgConnection>();
  const holds = (token: number) =>
    baseline?.token === token && baseline.connection === database.connection;
  const remember = () => {
    baseline = { token: ++tokens, connection: database.connection };
    return baseline.token;
  };
  return {
    checkSchema: (statements, onProgress) =>
      serial(async () => {
        baseline = undefined;
        await database.ensureExtensionsFor(statements.map((s) => s.sql));
        const connection = database.connection;
        const pristine = !used.has(connection);
        used.add(connection);
        const outcome = await checkSchema(
          connection,
          statements,
          lastCheckPassed,
          onProgress,
          pristine && options.bootedFresh === true,
        );
        lastCheckPassed = outcome.ok;
        return outcome.ok ? { ...outcome, baseline: remember() } : outcome;
      }),
    applyChange: (steps, token) =>
      serial(async (): Promise<ChangeOutcome> => {
        const started = now();
        if (!holds(token)) return { applied: false, reason: 'stale', durationMs: elapsed(started) };
        if (steps.length === 0) return { applied: true, baseline: token, durationMs: 0 };
        try {
          // One call: PostgreSQL runs a multi-statement query as one transaction, so a refused
          // step leaves nothing of the change behind and the baseline stands.
          await database.connection.exec(steps.join(BATCH_SEPARATOR), { onNotice: ignoreNotice });
        } catch (thrown) {
          return {
            applied: false,
            reason: 'failed',
            error: toPgError(thrown),
            durationMs: elapsed(started),
          };
        }
        lastCheckPassed = true;
        return { applied: true, baseline: remember(), durationMs: elapsed(started) };
      }),
    runSql: (sql) =>
      serial(() => {
        baseline = undefined;
        used.add(database.connection);
        return runSql(database.connection, sql, maxRows, options.parser);
      }),
    // The scratch database is separate, but imports still queue: one heavy job at a time.
    importSql: (sql, importOptions = {}, onProgress) =>
      serial(() =>
        importOptions.incremental
          ? ddlReader.read(sql, importOptions, onProgress)
          : importSql(sql, importOptions, importDeps, onProgress),
      ),
  };
}
