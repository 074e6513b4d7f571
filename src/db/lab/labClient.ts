import type { PgError } from '../protocol';
import { createRpcClient, type RpcWorkerLike } from '../rpc/client';
import type { RpcArgs, RpcMethod, RpcResult, RpcStopped } from '../rpc/protocol';
import type { LabApi, LabProgress } from './labProtocol';

export type { LabProgress } from './labProtocol';

/** A method of the lab worker's API. */
export type LabMethod = RpcMethod<LabApi>;

/**
 * What a call answers: the method's value, or a message for the person (`stopped` when the
 * worker was replaced; `error` with the Postgres fields when the database refused).
 */
export type LabAnswer<T> =
  { ok: true; value: T } | { ok: false; message: string; stopped?: boolean; error?: PgError };

/**
 * The page's side of the lab worker: calls typed by {@link LabApi}, progress, and a watchdog. A
 * call that runs past its time (a runaway query) or is cancelled terminates the worker; the next
 * call starts a fresh one, which reopens the design's kept database (rows as of the last finished
 * call) or, when the rows were not kept, an empty one (callers are told `stopped`).
 */
export interface LabClient {
  call<M extends LabMethod>(
    method: M,
    args: RpcArgs<LabApi, M>,
    options?: { timeoutMs?: number; onProgress?(p: LabProgress): void },
  ): Promise<LabAnswer<RpcResult<LabApi, M>>>;
  /** Stops whatever runs now. */
  cancel(): void;
  /** Called after the worker was replaced (rows not kept in storage are gone). */
  onReset(listener: () => void): () => void;
}

const DEFAULT_TIMEOUT_MS = 30_000;

function failure(stop: RpcStopped): LabAnswer<never> {
  switch (stop.reason) {
    case 'timeout':
      return {
        ok: false,
        stopped: true,
        message: `Stopped after ${Math.round((stop.timeoutMs ?? 0) / 1000)} s; the playground restarted.`,
      };
    case 'cancelled':
      return { ok: false, stopped: true, message: 'Cancelled; the playground restarted.' };
    case 'crashed':
      return {
        ok: false,
        stopped: true,
        message: `The playground's database stopped: ${stop.cause ?? 'unknown error'}.`,
      };
    case 'failed':
      return {
        ok: false,
        message: stop.cause ?? 'The playground failed.',
        ...(stop.error ? { error: stop.error } : {}),
      };
    default:
      return {
        ok: false,
        message: `The playground could not run this (${stop.cause ?? stop.reason}).`,
      };
  }
}

export function createLabClient(
  createWorker: () => RpcWorkerLike<LabApi> = () =>
    new Worker(new URL('./lab.worker.ts', import.meta.url), { type: 'module' }),
): LabClient {
  // One call at a time: its watchdog counts from when it reaches the worker, not while it waits
  // behind another one (a grid's reload queued behind a long generation must not stop it).
  const rpc = createRpcClient<LabApi, LabProgress>({ createWorker });
  return {
    async call(method, args, options = {}) {
      const { onProgress } = options;
      const outcome = await rpc.call(method, args, {
        timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
        ...(onProgress ? { onProgress: (p: LabProgress) => void onProgress(p) } : {}),
      });
      return outcome.ok ? outcome : failure(outcome);
    },
    // Stops the running call and everything waiting; the next call starts a fresh worker.
    cancel: () => rpc.restart('cancelled'),
    onReset: (listener) => rpc.onStop(() => listener()),
  };
}
