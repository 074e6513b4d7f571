/**
 * The database worker: owns one PGlite and serves {@link DbApi} calls from `client.ts`.
 * Boot starts on the first line, before any message arrives, so Postgres is warming up while
 * the page renders.
 */
import { bootPglite, loadSnapshot } from './boot';
import { createEngine } from './engine';
import type { CallMessage, DbApi, WorkerMessage } from './protocol';

/**
 * The few members of the worker global used here. The DOM and WebWorker libs cannot both be in
 * the project's tsconfig, so the scope is typed by hand.
 */
interface WorkerScope {
  location: { href: string };
  postMessage(message: WorkerMessage): void;
  onmessage: ((event: MessageEvent<CallMessage>) => void) | null;
  addEventListener(
    type: 'unhandledrejection',
    listener: (event: PromiseRejectionEvent) => void,
  ): void;
}

const scope = self as unknown as WorkerScope;
const startedAt = performance.now();

// A corrupt snapshot makes PGlite's gunzip reject a promise nobody awaits; the boot already
// falls back to a cold start, so the stray rejection is noise.
scope.addEventListener('unhandledrejection', (event) => {
  console.warn('[pg.worker] unhandled rejection:', event.reason);
  event.preventDefault();
});

function snapshotUrl(): URL {
  return new URL(`${import.meta.env.BASE_URL}pgdata/snapshot.tgz`, scope.location.href);
}

async function boot(): Promise<DbApi> {
  const snapshot = await loadSnapshot(snapshotUrl());
  const snapshotMs = Math.round(performance.now() - startedAt);
  const { pg, info } = await bootPglite(snapshot, { startedAt });
  if (info.snapshotProblem !== undefined) {
    console.info(`[pg.worker] cold boot: ${info.snapshotProblem}`);
  }
  scope.postMessage({ type: 'ready', ...info, snapshotMs });
  return createEngine(pg);
}

const engine = boot();
engine.catch((thrown: unknown) => {
  const reason = thrown instanceof Error ? thrown.message : String(thrown);
  scope.postMessage({ type: 'failed', message: `PostgreSQL (PGlite) could not start: ${reason}` });
});

/** Dispatch one call; the switch keeps argument and result types tied to the method. */
async function answer(api: DbApi, call: CallMessage): Promise<WorkerMessage> {
  switch (call.method) {
    case 'checkSchema':
      return {
        type: 'result',
        id: call.id,
        method: call.method,
        result: await api.checkSchema(...call.args),
      };
    case 'runSql':
      return {
        type: 'result',
        id: call.id,
        method: call.method,
        result: await api.runSql(...call.args),
      };
  }
}

scope.onmessage = (event) => {
  const call = event.data;
  if (call?.type !== 'call') return;
  engine
    .then((api) => answer(api, call))
    .then(
      (reply) => scope.postMessage(reply),
      (thrown: unknown) =>
        scope.postMessage({
          type: 'error',
          id: call.id,
          message: thrown instanceof Error ? thrown.message : String(thrown),
        }),
    );
};
