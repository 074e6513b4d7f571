/**
 * The UI's handle on the database worker (no React here). One call is in the worker at a time,
 * so each watchdog times exactly its own call; schema checks coalesce to the newest; a call that
 * outlives its watchdog, or is cancelled, takes the worker down with it because SQL running
 * inside WASM cannot be interrupted: a fresh worker replaces it.
 */
import type { DdlStatement } from '../core/sql/types';
import type {
  ClientBootInfo,
  DbStatus,
  ImportSqlCallOptions,
  PgClient,
  PgClientOptions,
  RestartEvent,
  RestartReason,
  WorkerLike,
} from './clientTypes';
import {
  interrupted,
  type CheckSchemaResult,
  type ImportSqlResult,
  type InterruptReason,
  type RunSqlResult,
} from './interrupts';
import { checkJob, startImport, type Job } from './clientJobs';
import type { CallMessage, DbMethod, WorkerMessage } from './protocol';

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

interface InFlight {
  job: Job;
  id: number;
  timer: ReturnType<typeof setTimeout> | undefined;
}

/** setTimeout fires at once for delays past 2^31 - 1 ms. */
const MAX_TIMER_MS = 2_147_483_647;

/** Call listeners without letting one that throws break the client; its error is still reported. */
function notify<T>(listeners: Set<(value: T) => void>, value: T): void {
  for (const listener of [...listeners]) {
    try {
      listener(value);
    } catch (thrown) {
      queueMicrotask(() => {
        throw thrown;
      });
    }
  }
}

/**
 * Create the client and start the worker at once (PGlite needs about a second from the snapshot,
 * several seconds cold), so the database is warm by the time the first check is asked for.
 */
export function createPgClient(options: PgClientOptions = {}): PgClient {
  const createWorker = options.createWorker ?? createDefaultWorker;
  const sqlTimeoutMs = options.sqlTimeoutMs ?? DEFAULT_TIMEOUTS.sqlMs;
  const checkTimeoutMs = options.checkTimeoutMs ?? DEFAULT_TIMEOUTS.checkMs;
  const bootTimeoutMs = options.bootTimeoutMs ?? DEFAULT_TIMEOUTS.bootMs;
  const importTimeoutMs = options.importTimeoutMs ?? DEFAULT_TIMEOUTS.importMs;
  const checkStatementTimeoutMs =
    options.checkStatementTimeoutMs ?? DEFAULT_TIMEOUTS.checkStatementMs;
  const importStatementTimeoutMs =
    options.importStatementTimeoutMs ?? DEFAULT_TIMEOUTS.importStatementMs;

  let status: DbStatus = 'starting';
  let failure: string | null = null;
  let bootInfo: ClientBootInfo | null = null;
  let worker: WorkerLike | null = null;
  let spawnedAt = 0;
  let bootTimer: ReturnType<typeof setTimeout> | undefined;
  let pendingRestart: RestartReason | null = null;
  let disposed = false;
  let nextId = 1;
  let inFlight: InFlight | null = null;
  const queue: Job[] = [];
  const statusListeners = new Set<(status: DbStatus) => void>();
  const restartListeners = new Set<(event: RestartEvent) => void>();

  function setStatus(next: DbStatus): void {
    if (status === next) return;
    status = next;
    notify(statusListeners, next);
  }

  let started = false;
  function spawn(): void {
    started = true;
    let spawned: WorkerLike;
    try {
      spawned = createWorker();
    } catch (thrown) {
      // No module workers, or a content security policy that forbids them.
      return fail(`the worker could not be created (${String(thrown)})`);
    }
    worker = spawned;
    spawnedAt = performance.now();
    // Messages from a terminated worker can still be queued: only the current one counts.
    spawned.onmessage = (event) => {
      if (worker === spawned) handleMessage(event.data as WorkerMessage);
    };
    spawned.onerror = (event) => {
      event.preventDefault?.();
      if (worker === spawned) handleCrash(event.message || 'the worker script failed');
    };
    spawned.onmessageerror = () => {
      if (worker === spawned) handleCrash('a message could not be read');
    };
    bootTimer = setTimeout(() => {
      if (worker === spawned && status !== 'ready') {
        fail(`it did not start within ${Math.round(bootTimeoutMs / 1000)} s`);
      }
    }, bootTimeoutMs);
  }

  function stopWorker(): void {
    clearTimeout(bootTimer);
    worker?.terminate();
    worker = null;
  }

  function restartWorker(reason: RestartReason): void {
    if (disposed) return;
    stopWorker();
    pendingRestart = reason;
    failure = null;
    setStatus('restarting');
    spawn();
  }

  function interruptInFlight(reason: InterruptReason, cause?: string, timeoutMs?: number): void {
    const current = inFlight;
    if (!current) return;
    inFlight = null;
    clearTimeout(current.timer);
    current.job.interrupt(reason, { timeoutMs: timeoutMs ?? current.job.timeoutMs, cause });
  }

  function fail(message: string): void {
    stopWorker();
    failure = message;
    setStatus('failed');
    interruptInFlight('unavailable', message);
    for (const job of queue.splice(0)) job.interrupt('unavailable', { cause: message });
  }

  function handleCrash(message: string): void {
    // A worker that dies while booting would die again: stop instead of looping.
    if (status !== 'ready') return fail(message);
    interruptInFlight('crashed', message);
    restartWorker('crashed');
  }

  function handleMessage(message: WorkerMessage): void {
    switch (message.type) {
      case 'ready': {
        clearTimeout(bootTimer);
        const { type: _type, ...info } = message;
        bootInfo = { ...info, readyMs: Math.round(performance.now() - spawnedAt) };
        setStatus('ready');
        const reason = pendingRestart;
        pendingRestart = null;
        if (reason !== null) {
          notify(restartListeners, { reason, boot: bootInfo });
        }
        return pump();
      }
      case 'failed':
        return fail(message.message);
      case 'progress': {
        const current = inFlight;
        if (!current || current.id !== message.id) return;
        // The call is alive and moving: its watchdog waits for the next sign of life.
        armWatchdog(current, current.job.progress?.(message.progress));
        return;
      }
      case 'error':
      case 'result': {
        const current = inFlight;
        if (!current || current.id !== message.id) return;
        inFlight = null;
        clearTimeout(current.timer);
        if (message.type === 'error') {
          current.job.interrupt('internal', { cause: message.message });
        } else if (message.method === 'checkSchema' && message.result.resetError) {
          // The database cannot be cleared any more (user SQL broke it): only a fresh one helps.
          current.job.interrupt('crashed', { cause: message.result.resetError.message });
          return restartWorker('crashed');
        } else {
          current.job.settle(message);
        }
        return pump();
      }
    }
  }

  /** (Re)starts the watchdog of the call in flight. An infinite timeout means none. */
  function armWatchdog(current: InFlight, timeoutMs = current.job.timeoutMs): void {
    clearTimeout(current.timer);
    const { id, job } = current;
    const onTimeout = (): void => {
      if (inFlight?.id !== id) return;
      interruptInFlight('timeout', undefined, timeoutMs);
      // A check or an import (which reports its own hung statement) is not "a query was stopped".
      const method = job.call.method;
      restartWorker(
        method === 'checkSchema'
          ? 'checkTimeout'
          : method === 'importSql'
            ? 'importTimeout'
            : 'timeout',
      );
    };
    current.timer = Number.isFinite(timeoutMs)
      ? setTimeout(onTimeout, Math.min(Math.max(timeoutMs, 0), MAX_TIMER_MS))
      : undefined;
  }

  function pump(): void {
    if (status !== 'ready' || inFlight || !worker) return;
    const job = queue.shift();
    if (!job) return;
    const id = nextId++;
    inFlight = { job, id, timer: undefined };
    armWatchdog(inFlight);
    try {
      worker.postMessage({ type: 'call', id, ...job.call } as CallMessage);
    } catch (thrown) {
      // e.g. a value that cannot be cloned: this call fails, the worker is fine.
      interruptInFlight('internal', thrown instanceof Error ? thrown.message : String(thrown));
      pump();
    }
  }

  /** Queue a job, or answer it at once when it cannot run. */
  function enqueue(job: Job): void {
    if (disposed) return job.interrupt('disposed');
    if (status === 'failed') return job.interrupt('unavailable', { cause: failure ?? undefined });
    if (!started) spawn();
    queue.push(job);
    pump();
  }

  function checkSchema(statements: DdlStatement[]): Promise<CheckSchemaResult> {
    return new Promise((resolve) => {
      // Only the newest check matters: drop the ones still waiting.
      for (let i = queue.length - 1; i >= 0; i--) {
        if (queue[i]?.call.method === 'checkSchema') queue.splice(i, 1)[0]?.supersede?.();
      }
      enqueue(
        checkJob(
          statements,
          resolve,
          { checkMs: checkTimeoutMs, statementMs: checkStatementTimeoutMs },
          () => queue.some((job) => job.call.method === 'checkSchema'),
        ),
      );
    });
  }

  function runSql(sql: string, runOptions: { timeoutMs?: number } = {}): Promise<RunSqlResult> {
    return new Promise((resolve) => {
      enqueue({
        call: { method: 'runSql', args: [sql] },
        timeoutMs: runOptions.timeoutMs ?? sqlTimeoutMs,
        settle(message) {
          if (message.method === 'runSql') resolve(message.result);
          else resolve(interrupted('query', 'internal', { cause: 'mismatched answer' }));
        },
        interrupt: (reason, detail) => resolve(interrupted('query', reason, detail)),
      });
    });
  }

  function importSql(
    sql: string,
    importOptions: ImportSqlCallOptions = {},
  ): Promise<ImportSqlResult> {
    const silenceMs = importOptions.timeoutMs ?? importTimeoutMs;
    return new Promise((resolve) =>
      startImport(
        sql,
        importOptions,
        { silenceMs, statementMs: Math.min(silenceMs, importStatementTimeoutMs) },
        enqueue,
        resolve,
      ),
    );
  }

  function cancel(): void {
    const stoppable = (method: DbMethod | undefined) =>
      method === 'runSql' || method === 'importSql';
    for (let i = queue.length - 1; i >= 0; i--) {
      if (stoppable(queue[i]?.call.method)) queue.splice(i, 1)[0]?.interrupt('cancelled');
    }
    if (stoppable(inFlight?.job.call.method)) {
      interruptInFlight('cancelled');
      restartWorker('cancelled');
    }
  }

  function restart(): void {
    interruptInFlight('cancelled');
    restartWorker('manual');
  }

  function dispose(): void {
    if (disposed) return;
    disposed = true;
    interruptInFlight('disposed');
    for (const job of queue.splice(0)) job.interrupt('disposed');
    stopWorker();
    statusListeners.clear();
    restartListeners.clear();
  }

  if (!options.deferStart) spawn();

  return {
    getStatus: () => status,
    subscribe(listener) {
      statusListeners.add(listener);
      return () => statusListeners.delete(listener);
    },
    getBootInfo: () => bootInfo,
    getFailure: () => failure,
    onRestart(listener) {
      restartListeners.add(listener);
      return () => restartListeners.delete(listener);
    },
    checkSchema,
    runSql,
    importSql,
    cancel,
    restart,
    dispose,
  };
}
