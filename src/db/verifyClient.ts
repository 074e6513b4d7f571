import type { MigrationMode } from '../core/diff';
import type { Design } from '../core/model';
import { createRpcClient, type RpcWorkerLike } from './rpc/client';
import type { RpcStopped } from './rpc/protocol';
import type { VerifyResult } from './verifyMigration';

/** The verification worker's API; its messages and the client's call are derived from it. */
export interface VerifyApi {
  verify(a: Design, b: Design, mode: MigrationMode): Promise<VerifyResult>;
}

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

function messageFor(stop: RpcStopped): string {
  switch (stop.reason) {
    case 'superseded':
      return 'Replaced by a newer comparison.';
    case 'timeout':
      return `Verification took longer than ${TIMEOUT_MS / 1000} s and was stopped.`;
    case 'disposed':
      return 'Closed.';
    case 'failed':
      return stop.cause ?? 'The verification failed.';
    default:
      return `The verification worker failed: ${stop.cause ?? 'unknown error'}.`;
  }
}

export function createMigrationVerifier(
  createWorker: () => RpcWorkerLike<VerifyApi> = () =>
    new Worker(new URL('./verify.worker.ts', import.meta.url), { type: 'module' }),
): MigrationVerifier {
  // A newer comparison makes the older verification moot: stop it rather than queue behind it.
  const rpc = createRpcClient<VerifyApi>({ createWorker, mode: 'latest' });
  return {
    async verify(a, b, mode) {
      const outcome = await rpc.call('verify', [a, b, mode], { timeoutMs: TIMEOUT_MS });
      return outcome.ok
        ? { ok: true, result: outcome.value }
        : { ok: false, message: messageFor(outcome) };
    },
    dispose: rpc.dispose,
  };
}
