import type { LabCall, LabReply } from './labProtocol';

export type LabProgress = { done: number; total: number; table: string };
export type LabAnswer<T> =
  { ok: true; value: T } | { ok: false; message: string; stopped?: boolean };

/**
 * The page's side of the lab worker: typed calls, progress, and a watchdog. A call that runs past
 * its time (a runaway query) or is cancelled terminates the worker; the next call starts a fresh
 * one, which reopens the design's kept database (rows as of the last finished call) or, when the
 * rows were not kept, an empty one (callers are told `stopped`).
 */
export interface LabClient {
  call<T>(
    request: LabCall,
    options?: { timeoutMs?: number; onProgress?(p: LabProgress): void },
  ): Promise<LabAnswer<T>>;
  /** Stops whatever runs now. */
  cancel(): void;
  /** Called after the worker was replaced (rows not kept in storage are gone). */
  onReset(listener: () => void): () => void;
}

const DEFAULT_TIMEOUT_MS = 30_000;

export function createLabClient(
  createWorker = () => new Worker(new URL('./lab.worker.ts', import.meta.url), { type: 'module' }),
): LabClient {
  let worker: Worker | undefined;
  let next = 1;
  const pending = new Map<
    number,
    {
      resolve(a: LabAnswer<unknown>): void;
      timer: ReturnType<typeof setTimeout> | undefined;
      timeoutMs: number;
      onProgress?: (p: LabProgress) => void;
    }
  >();
  const resetListeners = new Set<() => void>();
  const stop = (message: string) => {
    worker?.terminate();
    worker = undefined;
    for (const [id, p] of pending) {
      clearTimeout(p.timer);
      p.resolve({ ok: false, message, stopped: true });
      pending.delete(id);
    }
    for (const l of resetListeners) l();
  };
  const start = () => {
    const w = createWorker();
    w.onmessage = (event: MessageEvent<LabReply>) => {
      const reply = event.data;
      const p = pending.get(reply.id);
      if (!p) return;
      if ('progress' in reply) {
        p.onProgress?.(reply.progress);
        return;
      }
      if ('started' in reply) {
        p.timer = setTimeout(
          () =>
            stop(`Stopped after ${Math.round(p.timeoutMs / 1000)} s; the playground restarted.`),
          p.timeoutMs,
        );
        return;
      }
      clearTimeout(p.timer);
      pending.delete(reply.id);
      p.resolve(
        reply.ok ? { ok: true, value: reply.result } : { ok: false, message: reply.message },
      );
    };
    w.onerror = (e) => {
      e.preventDefault();
      stop(`The playground's database stopped: ${e.message || 'unknown error'}.`);
    };
    return w;
  };
  return {
    call<T>(
      request: LabCall,
      options: { timeoutMs?: number; onProgress?(p: LabProgress): void } = {},
    ) {
      worker ??= start();
      const id = next++;
      const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
      return new Promise<LabAnswer<T>>((resolve) => {
        // The watchdog starts when the worker starts the call (see `started`), not while it waits
        // behind another one: a grid's reload queued behind a long generation must not stop it.
        pending.set(id, {
          resolve: resolve as (a: LabAnswer<unknown>) => void,
          timer: undefined,
          timeoutMs,
          ...(options.onProgress ? { onProgress: options.onProgress } : {}),
        });
        worker!.postMessage({ ...request, id });
      });
    },
    cancel: () => stop('Cancelled; the playground restarted.'),
    onReset(listener) {
      resetListeners.add(listener);
      return () => resetListeners.delete(listener);
    },
  };
}
