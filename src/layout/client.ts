/**
 * The UI's handle on the layout worker (no React here). One layout at a time: a newer request
 * terminates the worker running the older one (ELK cannot be interrupted), and the older promise
 * resolves as superseded. An idle worker is kept, so ELK is loaded once, not per request.
 */
import type { Design, Layout } from '../core/model';
import { err, ok, type Result } from '../core/result';
import type { AutoLayoutOptions, LayoutProgress, TablesPatch } from './autoLayout';
import type { LayoutReply, LayoutRequest } from './protocol';

/** What the client needs of a Worker; tests pass a fake. */
export interface LayoutWorkerLike {
  postMessage(message: LayoutRequest): void;
  terminate(): void;
  onmessage: ((event: MessageEvent) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

/** Why a layout produced no positions. `superseded` and `disposed` are expected: show nothing. */
export interface LayoutError {
  message: string;
  reason: 'superseded' | 'disposed' | 'timeout' | 'failed';
}

export interface LayoutClientOptions {
  /** Makes the worker; defaults to Vite's `new Worker(new URL('./layout.worker.ts', ...))`. */
  createWorker?: () => LayoutWorkerLike;
  /** Give up (and terminate the worker) after this long. Default 120,000 ms. */
  timeoutMs?: number;
}

export interface LayoutClient {
  /**
   * Auto-layout in the worker. Resolves with new positions for the tables that moved (merge them
   * into `layout.tables`), or with an error value; never rejects.
   */
  layout(
    design: Design,
    layout: Layout,
    options?: AutoLayoutOptions,
    onProgress?: (progress: LayoutProgress) => void,
  ): Promise<Result<TablesPatch, LayoutError>>;
  /** Stop the worker; a layout in flight resolves as `disposed`. */
  dispose(): void;
}

function createDefaultWorker(): LayoutWorkerLike {
  // Vite recognises exactly this shape and bundles the worker with ELK in its own chunk.
  return new Worker(new URL('./layout.worker.ts', import.meta.url), {
    type: 'module',
    name: 'tablewright-layout',
  });
}

interface InFlight {
  id: number;
  settle(result: Result<TablesPatch, LayoutError>): void;
  onProgress: ((progress: LayoutProgress) => void) | undefined;
  timer: ReturnType<typeof setTimeout>;
}

export function createLayoutClient(options: LayoutClientOptions = {}): LayoutClient {
  const createWorker = options.createWorker ?? createDefaultWorker;
  const timeoutMs = options.timeoutMs ?? 120_000;
  let worker: LayoutWorkerLike | null = null;
  let current: InFlight | null = null;
  let nextId = 1;
  let disposed = false;

  function stopWorker(): void {
    worker?.terminate();
    worker = null;
  }

  function finish(result: Result<TablesPatch, LayoutError>): void {
    const job = current;
    if (!job) return;
    current = null;
    clearTimeout(job.timer);
    job.settle(result);
  }

  /** End the job in flight and the worker running it: its answer can no longer be used. */
  function abort(reason: LayoutError['reason'], message: string): void {
    if (!current) return;
    stopWorker();
    finish(err({ reason, message }));
  }

  function handleReply(reply: LayoutReply): void {
    if (!current || reply.id !== current.id) return;
    if (reply.type === 'progress') {
      try {
        current.onProgress?.(reply.progress);
      } catch (thrown) {
        // A broken progress listener must not lose the layout; still report the bug.
        queueMicrotask(() => {
          throw thrown;
        });
      }
    } else if (reply.type === 'result') {
      finish(ok(reply.tables));
    } else {
      finish(err({ reason: 'failed', message: reply.message }));
    }
  }

  function ensureWorker(): LayoutWorkerLike | string {
    if (worker) return worker;
    let spawned: LayoutWorkerLike;
    try {
      spawned = createWorker();
    } catch (thrown) {
      return `The layout worker could not be started (${String(thrown)}).`;
    }
    // Messages from a terminated worker can still be queued: only the current one counts.
    spawned.onmessage = (event) => {
      if (worker === spawned) handleReply(event.data as LayoutReply);
    };
    spawned.onerror = (event) => {
      event.preventDefault?.();
      if (worker === spawned)
        abort('failed', `Auto-layout stopped: ${event.message || 'the layout worker failed'}.`);
    };
    worker = spawned;
    return spawned;
  }

  return {
    layout(design, layout, layoutOptions = {}, onProgress) {
      if (disposed)
        return Promise.resolve(
          err({ reason: 'disposed', message: 'The layout client was disposed.' }),
        );
      abort('superseded', 'A newer auto-layout replaced this one.');
      const target = ensureWorker();
      if (typeof target === 'string')
        return Promise.resolve(err({ reason: 'failed', message: target }));
      const id = nextId++;
      return new Promise((resolve) => {
        const timer = setTimeout(
          () =>
            abort(
              'timeout',
              `Auto-layout took longer than ${Math.round(timeoutMs / 1000)} s and was stopped.`,
            ),
          timeoutMs,
        );
        current = { id, settle: resolve, onProgress, timer };
        const request: LayoutRequest = {
          type: 'layout',
          id,
          design,
          layout,
          options: { ...layoutOptions },
        };
        try {
          target.postMessage(request);
        } catch (thrown) {
          // Something in the design could not be cloned: a bug, but one to report, not throw.
          abort('failed', `The design could not be sent to the layout worker (${String(thrown)}).`);
        }
      });
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      abort('disposed', 'The layout client was disposed.');
      stopWorker();
    },
  };
}
