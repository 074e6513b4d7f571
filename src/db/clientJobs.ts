/**
 * What each kind of call does with the worker's answers, its progress and its interruption (the
 * generic RPC client in `rpc/client.ts` owns the worker, the queue and the watchdogs).
 */
import type { DdlStatement } from '../core/sql/types';
import type { ImportSqlCallOptions } from './clientTypes';
import {
  interruptedCheck,
  interrupted,
  type CheckSchemaResult,
  type ImportSqlResult,
  type InterruptReason,
} from './interrupts';
import type { BootInfo, DbApi, DbProgress, ImportProgress } from './protocol';
import type { RpcClient } from './rpc/client';
import type { RpcStopped } from './rpc/protocol';

/** The generic RPC client, typed by the database worker's API. */
export type DbRpc = RpcClient<DbApi, DbProgress, BootInfo>;

/** An import resumes after at most this many statements that hung or crashed the worker. */
const MAX_IMPORT_RESUMES = 20;

const seconds = (ms: number): string =>
  ms < 1000 ? `${Math.round(ms)} ms` : `${Math.round(ms / 1000)} s`;

/** Progress is passed on to the UI at most this often (the worker reports every statement). */
const PROGRESS_INTERVAL_MS = 100;

/** Why a call got no answer, in the client's terms, with what the message needs. */
export function interruptOf(stop: RpcStopped): {
  reason: InterruptReason;
  detail: { timeoutMs?: number; cause?: string };
} {
  const detail: { timeoutMs?: number; cause?: string } = {};
  if (stop.timeoutMs !== undefined) detail.timeoutMs = stop.timeoutMs;
  if (stop.cause !== undefined) detail.cause = stop.cause;
  switch (stop.reason) {
    case 'failed':
      return { reason: 'internal', detail };
    case 'superseded':
      return { reason: 'cancelled', detail };
    case 'crashed':
      return {
        reason: 'crashed',
        detail: { ...detail, cause: detail.cause ?? 'the worker script failed' },
      };
    default:
      return { reason: stop.reason, detail };
  }
}

/**
 * A schema check. Waiting checks are dropped for it, and its own answer is stale when a newer
 * check is waiting by then (its offsets refer to DDL text that is gone). A database that cannot
 * be reset any more (user SQL broke it) is replaced: only a fresh one helps.
 */
export async function runCheck(
  rpc: DbRpc,
  statements: DdlStatement[],
  timeouts: { checkMs: number; statementMs: number },
): Promise<CheckSchemaResult> {
  const { checkMs, statementMs } = timeouts;
  // The verbatim statement running now, when the worker announced one.
  let running: number | undefined;
  const outcome = await rpc.call('checkSchema', [statements], {
    timeoutMs: checkMs,
    replacesWaiting: true,
    breaksWorker: (result) => result.resetError?.message,
    onProgress(p) {
      if (p.phase !== 'check') return checkMs;
      running = p.statementIndex;
      return running === undefined ? checkMs : Math.min(statementMs, checkMs);
    },
  });
  if (outcome.ok) {
    // (resetError never gets here: breaksWorker replaces the worker; the test narrows the type.)
    if (outcome.value.resetError) return { stale: true };
    return { ...outcome.value, stale: false, cancelled: false };
  }
  if (outcome.reason === 'superseded') return { stale: true };
  const { reason, detail } = interruptOf(outcome);
  const result = interruptedCheck(reason, detail);
  if (
    running !== undefined &&
    result.stale === false &&
    (reason === 'timeout' || reason === 'crashed')
  ) {
    return { ...result, statementIndex: running };
  }
  return result;
}

/**
 * An import: one attempt, and when a statement hangs or crashes the worker (which the client then
 * replaces), the import starts again with that statement reported and skipped (the scratch
 * database died with the worker, and the statements before it are fast: DDL on empty tables).
 */
export async function runImport(
  rpc: DbRpc,
  sql: string,
  importOptions: ImportSqlCallOptions,
  timeouts: { silenceMs: number; statementMs: number },
): Promise<ImportSqlResult> {
  const { timeoutMs: _timeoutMs, onProgress, ...options } = importOptions;
  const { silenceMs, statementMs } = timeouts;
  let hung: { index: number; reason: string }[] = [];
  for (;;) {
    let current: number | undefined;
    let forwarded = 0;
    let lastPhase: ImportProgress['phase'] | undefined;
    const outcome = await rpc.call(
      'importSql',
      [sql, hung.length ? { ...options, hung } : options],
      {
        timeoutMs: silenceMs,
        onProgress(p) {
          if (p.phase === 'check') return silenceMs;
          current = p.phase === 'execute' ? p.current : undefined;
          const time = performance.now();
          // Per-statement announcements (with `current`) are many: the UI hears of them at most every 100 ms.
          const frequent = p.current !== undefined && p.phase === lastPhase && p.done !== p.total;
          if (onProgress && (!frequent || time - forwarded >= PROGRESS_INTERVAL_MS)) {
            forwarded = time;
            lastPhase = p.phase;
            onProgress(p);
          }
          return current === undefined ? silenceMs : statementMs;
        },
      },
    );
    if (outcome.ok) return outcome.value;
    const { reason, detail } = interruptOf(outcome);
    if (
      (reason === 'timeout' || reason === 'crashed') &&
      current !== undefined &&
      hung.length < MAX_IMPORT_RESUMES
    ) {
      const why =
        reason === 'timeout'
          ? `Stopped: no answer after ${seconds(detail.timeoutMs ?? statementMs)} (it may never end), so the database was restarted and the import went on without it.`
          : `It made the database stop working${detail.cause ? ` (${detail.cause})` : ''}; the database was restarted and the import went on without it.`;
      // The client has replaced the worker already; the retry queues for the new one.
      hung = [...hung, { index: current, reason: why }];
      continue;
    }
    return interrupted('import', reason, detail);
  }
}
