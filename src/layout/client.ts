/**
 * The UI's handle on the layout worker (no React here). One layout at a time: a newer request
 * terminates the worker running the older one (ELK cannot be interrupted), and the older promise
 * resolves as superseded. An idle worker is kept, so ELK is loaded once, not per request.
 */
import type { Design, Layout } from '../core/model';
import { err, ok, type Result } from '../core/result';
import type { Arranged, AutoLayoutOptions, LayoutProgress } from './autoLayout';
import { createRpcClient, type RpcWorkerLike } from '../db/rpc/client';
import type { RpcStopped } from '../db/rpc/protocol';
import type { LayoutApi } from './protocol';

/** What the client needs of a Worker; tests pass a fake. */
export type LayoutWorkerLike = RpcWorkerLike<LayoutApi>;

/**
 * Why a layout produced no positions. `superseded`, `disposed` and `cancelled` (the person
 * stopped it) are expected: show nothing.
 */
export interface LayoutError {
  message: string;
  reason: 'superseded' | 'disposed' | 'cancelled' | 'timeout' | 'failed';
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
   * into `layout.tables`) and the lines routed among them, or with an error value; never rejects.
   */
  layout(
    design: Design,
    layout: Layout,
    options?: AutoLayoutOptions,
    onProgress?: (progress: LayoutProgress) => void,
  ): Promise<Result<Arranged, LayoutError>>;
  /** Stop the layout in flight (its worker is terminated; it resolves as `cancelled`). */
  cancel(): void;
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

function layoutError(stop: RpcStopped, timeoutMs: number): LayoutError {
  switch (stop.reason) {
    case 'superseded':
      return { reason: 'superseded', message: 'A newer auto-layout replaced this one.' };
    case 'disposed':
      return { reason: 'disposed', message: 'The layout client was disposed.' };
    case 'cancelled':
      return { reason: 'cancelled', message: 'Auto-layout was cancelled.' };
    case 'timeout':
      return {
        reason: 'timeout',
        message: `Auto-layout took longer than ${Math.round(timeoutMs / 1000)} s and was stopped.`,
      };
    case 'crashed':
      return {
        reason: 'failed',
        message: `Auto-layout stopped: ${stop.cause ?? 'the layout worker failed'}.`,
      };
    case 'unavailable':
      return {
        reason: 'failed',
        message: `Auto-layout could not start: ${stop.cause ?? 'no worker'}.`,
      };
    default:
      // The worker's own words (`Auto-layout failed: ...`), or a design that could not be cloned.
      return {
        reason: 'failed',
        message: stop.unsent
          ? `The design could not be sent to the layout worker (${stop.cause ?? 'unknown error'}).`
          : (stop.cause ?? 'Auto-layout failed.'),
      };
  }
}

export function createLayoutClient(options: LayoutClientOptions = {}): LayoutClient {
  const timeoutMs = options.timeoutMs ?? 120_000;
  // One layout at a time: a newer one terminates the worker of the older (ELK cannot be
  // interrupted); an idle worker is kept, so ELK loads once.
  const rpc = createRpcClient<LayoutApi, LayoutProgress>({
    createWorker: options.createWorker ?? createDefaultWorker,
    mode: 'latest',
  });
  return {
    async layout(design, layout, layoutOptions = {}, onProgress) {
      const outcome = await rpc.call('layout', [design, layout, { ...layoutOptions }], {
        timeoutMs,
        ...(onProgress ? { onProgress: (p: LayoutProgress) => void onProgress(p) } : {}),
      });
      return outcome.ok ? ok(outcome.value) : err(layoutError(outcome, timeoutMs));
    },
    cancel: () => rpc.cancel(),
    dispose: rpc.dispose,
  };
}
