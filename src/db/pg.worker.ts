/**
 * The database worker: owns one PGlite and serves {@link DbApi} calls from `client.ts` through
 * the generic RPC (`rpc/serve.ts`).
 * Boot starts on the first line, before any message arrives, so Postgres is warming up while
 * the page renders.
 */
import { PGlite, type Extension, type PGliteOptions } from '@electric-sql/pglite';
// Vite copies the parser's .wasm into the build and gives its URL (libpg-query would otherwise
// look for it next to this worker's script).
import parserWasmUrl from 'libpg-query/wasm/libpg-query.wasm?url';
// The same files PGlite loads by itself (same content, same built names), fetched early: see
// `pgliteFiles`.
import pgliteWasmUrl from '@electric-sql/pglite/pglite.wasm?url';
import pgliteDataUrl from '@electric-sql/pglite/pglite.data?url';
import { bootPglite, loadSnapshot, type SnapshotLoad } from './boot';
import { createEngine, type DbEngine } from './engine';
import type { DbApi, DbProgress, WorkerMessage } from './protocol';
import { serveRpc } from './rpc/serve';

/**
 * The few members of the worker global used here. The DOM and WebWorker libs cannot both be in
 * the project's tsconfig, so the scope is typed by hand.
 */
interface WorkerScope {
  location: { href: string };
  postMessage(message: WorkerMessage): void;
  onmessage: ((event: MessageEvent) => void) | null;
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

/** PGlite's compiled WebAssembly and its file-system bundle, for every instance this worker makes. */
type PgliteFiles = Pick<PGliteOptions, 'pgliteWasmModule' | 'fsBundle'>;

/**
 * PGlite's own WebAssembly (9 MB, compiled while it streams in) and file-system bundle, fetched
 * side by side with the snapshot: left to itself, PGlite starts on them only once it is created,
 * and it cannot be created before the snapshot is downloaded. Any failure here leaves PGlite to
 * load them itself, as before.
 */
async function pgliteFiles(): Promise<PgliteFiles> {
  try {
    const [pgliteWasmModule, fsBundle] = await Promise.all([
      WebAssembly.compileStreaming(fetch(pgliteWasmUrl)),
      fetch(pgliteDataUrl).then((r) => {
        if (!r.ok) throw new Error(`${pgliteDataUrl} answered HTTP ${r.status}`);
        return r.blob();
      }),
    ]);
    return { pgliteWasmModule, fsBundle };
  } catch (thrown) {
    console.info('[pg.worker] PGlite loads its own files:', thrown);
    return {};
  }
}

async function boot(): Promise<DbEngine> {
  const files = pgliteFiles();
  const snapshot = await loadSnapshot(snapshotUrl());
  const snapshotMs = Math.round(performance.now() - startedAt);
  const loaded = await files;
  const { pg, info } = await bootPglite(snapshot, {
    startedAt,
    create: (options) => PGlite.create({ ...options, ...loaded }),
  });
  if (info.snapshotProblem !== undefined) {
    console.info(`[pg.worker] cold boot: ${info.snapshotProblem}`);
  }
  scope.postMessage({ type: 'ready', ...info, snapshotMs });
  const fresh = scratchFrom(snapshot, loaded);
  return createEngine(pg, {
    createScratch: fresh,
    reopenWith: fresh,
    parser: { wasmUrl: parserWasmUrl },
    bootedFresh: true,
  });
}

/**
 * Fresh databases (an import's scratch database, a design database with more extensions) boot
 * from the same snapshot as the first one: about a fourth of a cold boot.
 */
function scratchFrom(
  snapshot: SnapshotLoad,
  files: PgliteFiles,
): (extensions: Record<string, Extension>) => Promise<PGlite> {
  return async (extensions) => {
    if (snapshot.ok) {
      try {
        return await PGlite.create({
          loadDataDir: snapshot.value.slice(0, snapshot.value.size, snapshot.value.type),
          extensions,
          ...files,
        });
      } catch {
        // A snapshot the design database refused too: fall through to a cold boot.
      }
    }
    return PGlite.create({ extensions, ...files });
  };
}

const engine = boot();
engine.catch((thrown: unknown) => {
  const reason = thrown instanceof Error ? thrown.message : String(thrown);
  scope.postMessage({ type: 'failed', message: `PostgreSQL (PGlite) could not start: ${reason}` });
});

// The engine queues its own calls; the client sends one at a time anyway.
const serve = serveRpc<DbApi, DbProgress>(
  engine.then((api) => ({ progress }) => ({
    checkSchema: (statements) => api.checkSchema(statements, progress),
    applyChange: (steps, baseline) => api.applyChange(steps, baseline),
    runSql: (sql) => api.runSql(sql),
    importSql: (sql, options) => api.importSql(sql, options, progress),
  })),
  (reply) => scope.postMessage(reply),
  { serial: false },
);
scope.onmessage = (event) => serve(event.data);
