/**
 * The page's side of the RPC (no React here): calls typed by the worker's API, a queue, and a
 * watchdog per call. SQL or ELK running inside a worker cannot be interrupted, so a call that
 * outlives its watchdog, is cancelled, or is replaced takes its worker down with it: the worker
 * is terminated and a fresh one started (at once, or on the next call). Calls resolve with a
 * value, never reject; callers word the {@link RpcStopped} reasons for their person.
 */
import type {
  RpcApi,
  RpcArgs,
  RpcBootMessage,
  RpcCall,
  RpcMethod,
  RpcOutcome,
  RpcReply,
  RpcResult,
  RpcStopped,
} from './protocol';
import type {
  RpcBootInfo,
  RpcCallOptions,
  RpcClient,
  RpcClientOptions,
  RpcRestartCause,
  RpcRestartEvent,
  RpcStatus,
  RpcStopEvent,
  RpcWorkerLike,
} from './clientTypes';

export type * from './clientTypes';

interface Pending<A, P> {
  id: number;
  method: RpcMethod<A>;
  args: unknown;
  options: RpcCallOptions<unknown, P>;
  resolve(outcome: RpcOutcome<unknown>): void;
  timer: ReturnType<typeof setTimeout> | undefined;
}

/** setTimeout fires at once for delays past 2^31 - 1 ms. */
const MAX_TIMER_MS = 2_147_483_647;

const messageOf = (thrown: unknown): string =>
  thrown instanceof Error ? thrown.message : String(thrown);

/** Report an error thrown by a listener without letting it break the client. */
function rethrowLater(thrown: unknown): void {
  queueMicrotask(() => {
    throw thrown;
  });
}

/** Call listeners without letting one that throws break the client; its error is still reported. */
function notify<T>(listeners: Set<(value: T) => void>, value: T): void {
  for (const listener of [...listeners]) {
    try {
      listener(value);
    } catch (thrown) {
      rethrowLater(thrown);
    }
  }
}

const stopped = (reason: RpcStopped['reason'], detail: Omit<RpcStopped, 'ok' | 'reason'> = {}) =>
  ({ ok: false, reason, ...detail }) as RpcStopped;

export function createRpcClient<A extends RpcApi<A>, P = never, B = object>(
  options: RpcClientOptions<A>,
): RpcClient<A, P, B> {
  const { boot, keepAlive = false, keepQueueOnStop = false } = options;
  const mode = options.mode ?? 'serial';
  type Message = RpcReply<A, P> | RpcBootMessage<B>;

  let status: RpcStatus = boot ? 'starting' : 'ready';
  let failure: string | null = null;
  let bootInfo: RpcBootInfo<B> | null = null;
  let worker: RpcWorkerLike<A> | null = null;
  let spawnedAt = 0;
  let bootTimer: ReturnType<typeof setTimeout> | undefined;
  let pendingRestart: RpcStopEvent<A> | null = null;
  let disposed = false;
  let nextId = 1;
  let inFlight: Pending<A, P> | null = null;
  const queue: Pending<A, P>[] = [];
  const statusListeners = new Set<(status: RpcStatus) => void>();
  const stopListeners = new Set<(event: RpcStopEvent<A>) => void>();
  const restartListeners = new Set<(event: RpcRestartEvent<A, B>) => void>();

  function setStatus(next: RpcStatus): void {
    if (status === next) return;
    status = next;
    notify(statusListeners, next);
  }

  /** Start a worker; false when none could be created (the client is then 'failed'). */
  function spawn(): boolean {
    let spawned: RpcWorkerLike<A>;
    try {
      spawned = options.createWorker();
    } catch (thrown) {
      // No module workers, or a content security policy that forbids them.
      fail(`the worker could not be created (${String(thrown)})`);
      return false;
    }
    worker = spawned;
    spawnedAt = performance.now();
    // Messages from a terminated worker can still be queued: only the current one counts.
    spawned.onmessage = (event) => {
      if (worker === spawned) handleMessage(event.data as Message);
    };
    spawned.onerror = (event) => {
      event.preventDefault?.();
      if (worker === spawned) handleCrash(event.message || undefined);
    };
    spawned.onmessageerror = () => {
      if (worker === spawned) handleCrash('a message could not be read');
    };
    if (boot) {
      bootTimer = setTimeout(() => {
        if (worker === spawned && status !== 'ready') {
          fail(`it did not start within ${Math.round(boot.timeoutMs / 1000)} s`);
        }
      }, boot.timeoutMs);
    } else {
      failure = null;
      setStatus('ready');
    }
    return true;
  }

  function stopWorker(): void {
    clearTimeout(bootTimer);
    worker?.terminate();
    worker = null;
  }

  function settleInFlight(outcome: RpcOutcome<unknown>): void {
    const current = inFlight;
    if (!current) return;
    inFlight = null;
    clearTimeout(current.timer);
    current.resolve(outcome);
  }

  function settleWaiting(outcome: RpcStopped, matches: (call: Pending<A, P>) => boolean): void {
    for (let i = queue.length - 1; i >= 0; i--) {
      if (matches(queue[i]!)) queue.splice(i, 1)[0]!.resolve(outcome);
    }
  }

  /** Terminate the worker, stop its call (and the waiting ones, unless they are kept), respawn. */
  function replace(cause: RpcRestartCause, outcome: RpcStopped): void {
    if (disposed) return;
    const method = inFlight?.method;
    stopWorker();
    settleInFlight(outcome);
    if (!keepQueueOnStop) settleWaiting(outcome, () => true);
    const event: RpcStopEvent<A> = method === undefined ? { cause } : { cause, method };
    notify(stopListeners, event);
    if (!keepAlive) return pump();
    pendingRestart = event;
    failure = null;
    setStatus('restarting');
    spawn();
  }

  function fail(message: string): void {
    stopWorker();
    failure = message;
    setStatus('failed');
    const outcome = stopped('unavailable', { cause: message });
    settleInFlight(outcome);
    settleWaiting(outcome, () => true);
  }

  function handleCrash(cause: string | undefined): void {
    // A worker that dies while booting would die again: stop instead of looping.
    if (boot && status !== 'ready') return fail(cause ?? 'the worker script failed');
    replace('crashed', stopped('crashed', cause === undefined ? {} : { cause }));
  }

  function handleMessage(message: Message): void {
    switch (message.type) {
      case 'ready': {
        if (!boot) return;
        clearTimeout(bootTimer);
        const { type: _type, ...info } = message;
        bootInfo = { ...(info as B), readyMs: Math.round(performance.now() - spawnedAt) };
        setStatus('ready');
        const restarted = pendingRestart;
        pendingRestart = null;
        if (restarted) notify(restartListeners, { ...restarted, boot: bootInfo });
        return pump();
      }
      case 'failed':
        if (boot) fail(message.message);
        return;
      case 'progress': {
        const current = inFlight;
        if (current?.id !== message.id) return;
        let next: number | void = undefined;
        try {
          next = current.options.onProgress?.(message.progress);
        } catch (thrown) {
          rethrowLater(thrown);
        }
        // The call is alive and moving: its watchdog waits for the next sign of life.
        if (typeof next === 'number') arm(current, next);
        return;
      }
      case 'error': {
        if (inFlight?.id !== message.id) return;
        const detail = message.error ? { error: message.error } : {};
        settleInFlight(stopped('failed', { cause: message.message, ...detail }));
        return pump();
      }
      case 'result': {
        const current = inFlight;
        if (current?.id !== message.id) return;
        const broken = current.options.breaksWorker?.(message.result);
        if (broken !== undefined) return replace('crashed', stopped('crashed', { cause: broken }));
        // A newer call of the same method is waiting: this answer is about something that is gone.
        const outdated =
          current.options.replacesWaiting && queue.some((w) => w.method === current.method);
        settleInFlight(outdated ? stopped('superseded') : { ok: true, value: message.result });
        return pump();
      }
    }
  }

  /** (Re)starts the watchdog of the call in flight. An infinite timeout means none. */
  function arm(call: Pending<A, P>, timeoutMs = Infinity): void {
    clearTimeout(call.timer);
    call.timer = Number.isFinite(timeoutMs)
      ? setTimeout(
          () => {
            if (inFlight === call) replace('timeout', stopped('timeout', { timeoutMs }));
          },
          Math.min(Math.max(timeoutMs, 0), MAX_TIMER_MS),
        )
      : undefined;
  }

  function pump(): void {
    if (inFlight || disposed || queue.length === 0) return;
    if (!worker) {
      if (status === 'failed' && keepAlive) return;
      if (!spawn()) return;
    }
    if (status !== 'ready' || !worker) return;
    const call = queue.shift()!;
    inFlight = call;
    arm(call, call.options.timeoutMs);
    try {
      worker.postMessage({
        type: 'call',
        id: call.id,
        method: call.method,
        args: call.args,
      } as RpcCall<A>);
    } catch (thrown) {
      // e.g. a value that cannot be cloned: this call fails, the worker is fine.
      settleInFlight(stopped('failed', { cause: messageOf(thrown), unsent: true }));
      pump();
    }
  }

  function call<M extends RpcMethod<A>>(
    method: M,
    args: RpcArgs<A, M>,
    callOptions: RpcCallOptions<RpcResult<A, M>, P> = {},
  ): Promise<RpcOutcome<RpcResult<A, M>>> {
    if (disposed) return Promise.resolve(stopped('disposed'));
    if (status === 'failed' && keepAlive) {
      return Promise.resolve(stopped('unavailable', failure === null ? {} : { cause: failure }));
    }
    const superseded = stopped('superseded');
    if (mode === 'latest') {
      settleWaiting(superseded, () => true);
      if (inFlight) {
        // Its answer can no longer be used, and nothing interrupts a worker but terminate.
        stopWorker();
        settleInFlight(superseded);
        if (keepAlive) spawn();
      }
    } else if (callOptions.replacesWaiting) {
      settleWaiting(superseded, (waiting) => waiting.method === method);
    }
    return new Promise((resolve) => {
      queue.push({
        id: nextId++,
        method,
        args,
        options: callOptions as RpcCallOptions<unknown, P>,
        resolve: resolve as (outcome: RpcOutcome<unknown>) => void,
        timer: undefined,
      });
      pump();
    });
  }

  if (keepAlive && !options.deferStart) spawn();

  return {
    call,
    cancel(matches = () => true) {
      settleWaiting(stopped('cancelled'), (waiting) => matches(waiting.method));
      if (inFlight && matches(inFlight.method)) replace('cancelled', stopped('cancelled'));
    },
    restart: (cause = 'manual') => replace(cause, stopped('cancelled')),
    getStatus: () => status,
    subscribe(listener) {
      statusListeners.add(listener);
      return () => statusListeners.delete(listener);
    },
    getBootInfo: () => bootInfo,
    getFailure: () => failure,
    onStop(listener) {
      stopListeners.add(listener);
      return () => stopListeners.delete(listener);
    },
    onRestart(listener) {
      restartListeners.add(listener);
      return () => restartListeners.delete(listener);
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      const outcome = stopped('disposed');
      settleInFlight(outcome);
      settleWaiting(outcome, () => true);
      stopWorker();
      statusListeners.clear();
      stopListeners.clear();
      restartListeners.clear();
    },
  };
}
