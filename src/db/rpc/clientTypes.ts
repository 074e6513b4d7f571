/**
 * The public types of the generic RPC client (`client.ts`).
 */
import type { RpcApi, RpcArgs, RpcCall, RpcMethod, RpcOutcome, RpcResult } from './protocol';

/** What the client needs of a Worker; tests pass a fake. */
export interface RpcWorkerLike<A> {
  postMessage(message: RpcCall<A>): void;
  terminate(): void;
  onmessage: ((event: MessageEvent) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  onmessageerror?: ((event: MessageEvent) => void) | null;
}

/** Where the worker is: booting, usable, being replaced, or unable to start. */
export type RpcStatus = 'starting' | 'ready' | 'restarting' | 'failed';

/** Why a worker was terminated and replaced. */
export type RpcRestartCause = 'timeout' | 'crashed' | 'cancelled' | 'manual';

/** A worker was terminated; `method` is the call that was running, if one was. */
export interface RpcStopEvent<A> {
  cause: RpcRestartCause;
  method?: RpcMethod<A>;
}

/** How a worker booted (its `ready` message); `readyMs` counts from `new Worker` on the page. */
export type RpcBootInfo<B> = B & { readyMs: number };

/** A replacement worker is ready (clients that keep a worker alive). */
export interface RpcRestartEvent<A, B> extends RpcStopEvent<A> {
  boot: RpcBootInfo<B>;
}

export interface RpcClientOptions<A> {
  createWorker(): RpcWorkerLike<A>;
  /**
   * `serial` (default): calls queue and reach the worker one at a time, so each watchdog times
   * exactly its own call. `latest`: a new call stops the one running (terminating its worker),
   * which resolves `superseded`.
   */
  mode?: 'serial' | 'latest';
  /**
   * The worker announces itself with a `ready` (or `failed`) message before calls are sent; past
   * `timeoutMs` without one, the client gives up ('failed'). Without it a worker serves at once.
   */
  boot?: { timeoutMs: number };
  /**
   * Start a worker at once (unless `deferStart`), replace a stopped one at once, and stay
   * 'failed' after a failed boot until `restart()`. Otherwise a worker starts on the next call.
   */
  keepAlive?: boolean;
  /** With `keepAlive`: start on the first call rather than at once. */
  deferStart?: boolean;
  /** Calls still waiting when a worker is stopped wait for the next one (else they stop too). */
  keepQueueOnStop?: boolean;
}

export interface RpcCallOptions<R, P> {
  /** Watchdog, in ms, from when the call reaches the worker; `Infinity` (default) for none. */
  timeoutMs?: number;
  /**
   * The worker reports progress. When this returns a time, the watchdog starts again with it (the
   * call is alive and moving); otherwise it keeps running, counting the call's whole time.
   */
  onProgress?(progress: P): number | void;
  /**
   * Only the newest call of this method matters: calls of it still waiting resolve `superseded`,
   * and so does this one if its answer arrives while a newer one waits.
   */
  replacesWaiting?: boolean;
  /**
   * An answer that shows the worker is broken (returns why): the call resolves `crashed` and the
   * worker is replaced before the next call reaches it.
   */
  breaksWorker?(result: R): string | undefined;
}

export interface RpcClient<A extends RpcApi<A>, P = never, B = object> {
  /** Call a method of the worker's API; arguments and answer are typed by the API. */
  call<M extends RpcMethod<A>>(
    method: M,
    args: RpcArgs<A, M>,
    options?: RpcCallOptions<RpcResult<A, M>, P>,
  ): Promise<RpcOutcome<RpcResult<A, M>>>;
  /**
   * Stop waiting and running calls whose method `matches` (all by default): they resolve
   * `cancelled`, and a running one takes its worker down with it.
   */
  cancel(matches?: (method: RpcMethod<A>) => boolean): void;
  /** Terminate the worker (also after 'failed'); a running call resolves `cancelled`. */
  restart(cause?: 'manual' | 'cancelled'): void;
  getStatus(): RpcStatus;
  /** Called on every status change; returns the unsubscribe function. */
  subscribe(listener: (status: RpcStatus) => void): () => void;
  /** How the current worker booted; null until it is ready (and for workers without a boot). */
  getBootInfo(): RpcBootInfo<B> | null;
  /** Why the status is 'failed', for a person; null otherwise. */
  getFailure(): string | null;
  /** Called when a worker is terminated by the watchdog, a crash, `cancel` or `restart`. */
  onStop(listener: (event: RpcStopEvent<A>) => void): () => void;
  /** Called once a replacement worker is ready (with `keepAlive`). */
  onRestart(listener: (event: RpcRestartEvent<A, B>) => void): () => void;
  /** Terminate the worker; every call resolves `disposed`, now and later. */
  dispose(): void;
}
