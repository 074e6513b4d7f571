/**
 * The UI's handle on the database worker (no React here), on the generic RPC client: one call is
 * in the worker at a time, so each watchdog times exactly its own call; schema checks coalesce
 * to the newest; a call that outlives its watchdog, or is cancelled, takes the worker down with
 * it because SQL running inside WASM cannot be interrupted: a fresh worker replaces it at once.
 */
import type { DdlStatement } from '../core/sql/types';
import type {
  ImportSqlCallOptions,
  PgClient,
  PgClientOptions,
  RestartReason,
  WorkerLike,
} from './clientTypes';
import { interrupted, type ImportSqlResult, type RunSqlResult } from './interrupts';
import { interruptOf, runCheck, runImport } from './clientJobs';
import type { BootInfo, DbApi, DbProgress } from './protocol';
import { createRpcClient, type RpcStopEvent } from './rpc/client';

// The public types are exported from ./index (with the client); only clientTypes is re-exported
// here, for the client's own tests.
export type * from './clientTypes';

/** Defaults of {@link PgClientOptions}. */
export const DEFAULT_TIMEOUTS = {
  sqlMs: 10_000,
  checkMs: 60_000,
  checkStatementMs: 15_000,
  bootMs: 60_000,
  importMs: 120_000,
  importStatementMs: 30_000,
} as const;

function createDefaultWorker(): WorkerLike {
  // Vite recognises exactly this shape and bundles the worker with its own dependencies.
  return new Worker(new URL('./pg.worker.ts', import.meta.url), {
    type: 'module',
    name: 'tablewright-db',
  });
}

/** A check or an import (which reports its own hung statement) is not "a query was stopped". */
function restartReason(event: RpcStopEvent<DbApi>): RestartReason {
  if (event.cause !== 'timeout') return event.cause;
  return event.method === 'checkSchema'
    ? 'checkTimeout'
    : event.method === 'importSql'
      ? 'importTimeout'
      : 'timeout';
}

/**
 * Create the client and start the worker at once (PGlite needs about a second from the snapshot,
 * several seconds cold), so the database is warm by the time the first check is asked for.
 */
export function createPgClient(options: PgClientOptions = {}): PgClient {
  const sqlTimeoutMs = options.sqlTimeoutMs ?? DEFAULT_TIMEOUTS.sqlMs;
  const checkTimeoutMs = options.checkTimeoutMs ?? DEFAULT_TIMEOUTS.checkMs;
  const importTimeoutMs = options.importTimeoutMs ?? DEFAULT_TIMEOUTS.importMs;
  const checkStatementTimeoutMs =
    options.checkStatementTimeoutMs ?? DEFAULT_TIMEOUTS.checkStatementMs;
  const importStatementTimeoutMs =
    options.importStatementTimeoutMs ?? DEFAULT_TIMEOUTS.importStatementMs;

  const rpc = createRpcClient<DbApi, DbProgress, BootInfo>({
    createWorker: options.createWorker ?? createDefaultWorker,
    boot: { timeoutMs: options.bootTimeoutMs ?? DEFAULT_TIMEOUTS.bootMs },
    keepAlive: true,
    deferStart: options.deferStart ?? false,
    // A check waiting behind a runaway query runs on the fresh worker.
    keepQueueOnStop: true,
  });

  async function runSql(
    sql: string,
    runOptions: { timeoutMs?: number } = {},
  ): Promise<RunSqlResult> {
    const outcome = await rpc.call('runSql', [sql], {
      timeoutMs: runOptions.timeoutMs ?? sqlTimeoutMs,
    });
    if (outcome.ok) return outcome.value;
    const { reason, detail } = interruptOf(outcome);
    return interrupted('query', reason, detail);
  }

  function importSql(
    sql: string,
    importOptions: ImportSqlCallOptions = {},
  ): Promise<ImportSqlResult> {
    const silenceMs = importOptions.timeoutMs ?? importTimeoutMs;
    return runImport(rpc, sql, importOptions, {
      silenceMs,
      statementMs: Math.min(silenceMs, importStatementTimeoutMs),
    });
  }

  return {
    getStatus: rpc.getStatus,
    subscribe: rpc.subscribe,
    getBootInfo: rpc.getBootInfo,
    getFailure: rpc.getFailure,
    onRestart: (listener) =>
      rpc.onRestart((event) => listener({ reason: restartReason(event), boot: event.boot })),
    checkSchema: (statements: DdlStatement[]) =>
      runCheck(rpc, statements, {
        checkMs: checkTimeoutMs,
        statementMs: checkStatementTimeoutMs,
      }),
    applyChange: async (steps, baseline) => {
      const outcome = await rpc.call('applyChange', [steps, baseline], {
        timeoutMs: checkTimeoutMs,
      });
      return outcome.ok ? outcome.value : { applied: false, reason: 'stale', durationMs: 0 };
    },
    runSql,
    importSql,
    cancel: () => rpc.cancel((method) => method === 'runSql' || method === 'importSql'),
    restart: () => rpc.restart('manual'),
    dispose: rpc.dispose,
  };
}
