/**
 * What each kind of call does with the worker's answers, its progress and its interruption: the
 * jobs the client queues (see client.ts, which owns the worker, the queue and the watchdogs).
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
import type {
  CallMessage,
  CheckProgress,
  DbMethod,
  ImportProgress,
  WorkerMessage,
} from './protocol';

/** An import resumes after at most this many statements that hung or crashed the worker. */
const MAX_IMPORT_RESUMES = 20;

const seconds = (ms: number): string =>
  ms < 1000 ? `${Math.round(ms)} ms` : `${Math.round(ms / 1000)} s`;

/** Progress is passed on to the UI at most this often (the worker reports every statement). */
const PROGRESS_INTERVAL_MS = 100;

export type Call = {
  [M in DbMethod]: Omit<Extract<CallMessage, { method: M }>, 'id' | 'type'>;
}[DbMethod];
type ResultMessage = Extract<WorkerMessage, { type: 'result' }>;

export interface Job {
  call: Call;
  timeoutMs: number;
  /** The worker answered. */
  settle(message: ResultMessage): void;
  interrupt(reason: InterruptReason, detail?: { timeoutMs?: number; cause?: string }): void;
  /** A newer call replaced this one before it ran (checks only). */
  supersede?(): void;
  /**
   * The worker reports progress; each report also restarts the watchdog, with the timeout this
   * returns (default: `timeoutMs`).
   */
  progress?(progress: ImportProgress | CheckProgress): number | undefined;
}

/**
 * A schema check as a job. `newerCheckWaiting` tells whether a newer check is queued: then this
 * answer's offsets refer to DDL text that is gone.
 */
export function checkJob(
  statements: DdlStatement[],
  resolve: (result: CheckSchemaResult) => void,
  timeouts: { checkMs: number; statementMs: number },
  newerCheckWaiting: () => boolean,
): Job {
  const checkTimeoutMs = timeouts.checkMs;
  const checkStatementTimeoutMs = timeouts.statementMs;
  // The verbatim statement running now, when the worker announced one.
  let running: number | undefined;
  return {
    call: { method: 'checkSchema', args: [statements] },
    timeoutMs: checkTimeoutMs,
    settle(message) {
      // A newer check is waiting: this answer's offsets refer to DDL text that is gone.
      // (resetError never gets here: handleMessage restarts instead; the test narrows the type.)
      const superseded = newerCheckWaiting();
      if (superseded || message.method !== 'checkSchema' || message.result.resetError) {
        return resolve({ stale: true });
      }
      resolve({ ...message.result, stale: false, cancelled: false });
    },
    interrupt: (reason, detail) => {
      const result = interruptedCheck(reason, detail);
      if (
        running !== undefined &&
        result.stale === false &&
        (reason === 'timeout' || reason === 'crashed')
      ) {
        resolve({ ...result, statementIndex: running });
      } else resolve(result);
    },
    supersede: () => resolve({ stale: true }),
    progress(p) {
      if (p.phase !== 'check') return undefined;
      running = p.statementIndex;
      return running === undefined
        ? checkTimeoutMs
        : Math.min(checkStatementTimeoutMs, checkTimeoutMs);
    },
  };
}

/**
 * An import, as jobs: one attempt, and when a statement hangs or crashes the worker, the worker is
 * replaced and the import starts again with that statement reported and skipped (the scratch
 * database died with the worker, and the statements before it are fast: DDL on empty tables).
 */
export function startImport(
  sql: string,
  importOptions: ImportSqlCallOptions,
  timeouts: { silenceMs: number; statementMs: number },
  enqueue: (job: Job) => void,
  resolve: (result: ImportSqlResult) => void,
): void {
  const { timeoutMs: _timeoutMs, onProgress, ...options } = importOptions;
  const { silenceMs, statementMs } = timeouts;
  const attempt = (hung: { index: number; reason: string }[]): void => {
    let current: number | undefined;
    let forwarded = 0;
    let lastPhase: ImportProgress['phase'] | undefined;
    enqueue({
      call: { method: 'importSql', args: [sql, hung.length ? { ...options, hung } : options] },
      timeoutMs: silenceMs,
      settle(message) {
        if (message.method === 'importSql') resolve(message.result);
        else resolve(interrupted('import', 'internal', { cause: 'mismatched answer' }));
      },
      interrupt(reason, detail) {
        if (
          (reason === 'timeout' || reason === 'crashed') &&
          current !== undefined &&
          hung.length < MAX_IMPORT_RESUMES
        ) {
          const why =
            reason === 'timeout'
              ? `Stopped: no answer after ${seconds(detail?.timeoutMs ?? statementMs)} (it may never end), so the database was restarted and the import went on without it.`
              : `It made the database stop working${detail?.cause ? ` (${detail.cause})` : ''}; the database was restarted and the import went on without it.`;
          const next = [...hung, { index: current, reason: why }];
          // After this returns the client replaces the worker; the retry queues for the new one.
          queueMicrotask(() => attempt(next));
          return;
        }
        resolve(interrupted('import', reason, detail));
      },
      progress(p) {
        if (p.phase === 'check') return undefined;
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
    });
  };
  attempt([]);
}
