import type { MigrationMode } from '../core/diff';
import type { Design } from '../core/model';
import type { VerifyResult } from './verifyMigration';
import type { VerifyReply, VerifyRequest } from './verify.worker';

/** Verification in its own worker, started on first use; a newer request cancels an older one. */
export interface MigrationVerifier {
  verify(
    a: Design,
    b: Design,
    mode: MigrationMode,
  ): Promise<{ ok: true; result: VerifyResult } | { ok: false; message: string }>;
  dispose(): void;
}

/** Verifying a large design takes a while; past this, the worker is stopped and the person told. */
const TIMEOUT_MS = 120_000;

export function createMigrationVerifier(
  createWorker = () =>
    new Worker(new URL('./verify.worker.ts', import.meta.url), { type: 'module' }),
): MigrationVerifier {
  let worker: Worker | undefined;
  let next = 1;
  let pending:
    | {
        id: number;
        resolve(r: { ok: true; result: VerifyResult } | { ok: false; message: string }): void;
        timer: ReturnType<typeof setTimeout>;
      }
    | undefined;
  const stop = (message: string) => {
    worker?.terminate();
    worker = undefined;
    if (pending) {
      clearTimeout(pending.timer);
      pending.resolve({ ok: false, message });
      pending = undefined;
    }
  };
  const start = () => {
    const w = createWorker();
    w.onmessage = (event: MessageEvent<VerifyReply>) => {
      if (!pending || event.data.id !== pending.id) return;
      clearTimeout(pending.timer);
      const done = pending;
      pending = undefined;
      done.resolve(
        event.data.ok
          ? { ok: true, result: event.data.result }
          : { ok: false, message: event.data.message },
      );
    };
    w.onerror = (e) => {
      e.preventDefault();
      stop(`The verification worker failed: ${e.message || 'unknown error'}.`);
    };
    return w;
  };
  return {
    verify(a, b, mode) {
      // A newer comparison makes the older verification moot: stop it rather than queue behind it.
      if (pending) stop('Replaced by a newer comparison.');
      worker ??= start();
      const id = next++;
      return new Promise((resolve) => {
        const timer = setTimeout(
          () => stop(`Verification took longer than ${TIMEOUT_MS / 1000} s and was stopped.`),
          TIMEOUT_MS,
        );
        pending = { id, resolve, timer };
        const request: VerifyRequest = { id, a, b, mode };
        worker!.postMessage(request);
      });
    },
    dispose: () => stop('Closed.'),
  };
}
