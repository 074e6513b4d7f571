/**
 * The constraint playground's own worker and database: sample data, row edits and EXPLAIN run
 * here, never in the worker that checks the design, so the canvas never waits on them and a
 * runaway query only costs this worker (the client terminates and replaces it).
 */
import { serveRpc } from '../rpc/serve';
import { labDatabases } from './labDatabase';
import { LabEngine } from './labEngine';
import type { LabApi, LabProgress } from './labProtocol';

interface WorkerScope {
  location: { href: string };
  postMessage(message: unknown): void;
  onmessage: ((event: MessageEvent) => void) | null;
}
const scope = self as unknown as WorkerScope;
const engine = new LabEngine(labDatabases(scope.location.href));

const implementation = ({ progress }: { progress(p: LabProgress): void }): LabApi => ({
  sync: async (design) => ({ ...(await engine.sync(design)), kept: engine.kept }),
  rebuild: async (design) => ({ ...(await engine.rebuild(design)), kept: engine.kept }),
  generate: (design, rowsPerTable) =>
    engine.generate(design, rowsPerTable, (done, total, table) => progress({ done, total, table })),
  rows: (tableId, limit, order) => engine.rows(tableId, limit, order),
  insertRow: (tableId, values) => engine.insertRow(tableId, values),
  updateCell: (tableId, ctid, column, value) => engine.updateCell(tableId, ctid, column, value),
  deleteRow: (tableId, ctid) => engine.deleteRow(tableId, ctid),
  query: async (design, sql) => {
    const { rows, fields } = await engine.query<Record<string, unknown>>(design, sql);
    return { rows, fields };
  },
  explain: (design, sql) => engine.explain(design, sql),
  tryIndex: (design, sql, advice) => engine.tryIndex(design, sql, advice),
});

/** Methods that may change rows: the rows are in durable storage before the page hears back. */
const CHANGES_ROWS: ReadonlySet<keyof LabApi> = new Set([
  'rebuild',
  'generate',
  'insertRow',
  'updateCell',
  'deleteRow',
  'tryIndex',
  'query',
]);

/**
 * When to flush a kept database: before the answer when rows changed (a reload right after keeps
 * them), after it when empty tables were built (nothing to lose; the grid need not wait for the
 * whole data directory's first write), never when nothing changed.
 */
function flushWhen(method: keyof LabApi, result: unknown): 'before' | 'after' | 'never' {
  if (method === 'sync') {
    const kind = (result as { kind?: string }).kind;
    return kind === 'migrated' ? 'before' : kind === 'built' ? 'after' : 'never';
  }
  return CHANGES_ROWS.has(method) ? 'before' : 'never';
}

// One request at a time, in order (serveRpc's default): the engine's database is not meant for
// interleaved work, and the next request waits for an 'after' write.
const serve = serveRpc<LabApi, LabProgress>(implementation, (reply) => scope.postMessage(reply), {
  beforeReply: async (method, result) => {
    if (flushWhen(method, result) === 'before') await engine.flush();
  },
  afterReply: async (method, result) => {
    if (flushWhen(method, result) === 'after') await engine.flush();
  },
});
scope.onmessage = (event) => serve(event.data);
