/**
 * The constraint playground's own worker and database: sample data, row edits and EXPLAIN run
 * here, never in the worker that checks the design, so the canvas never waits on them and a
 * runaway query only costs this worker (the client terminates and replaces it).
 */
import { labDatabases } from './labDatabase';
import { LabEngine } from './labEngine';
import type { LabReply, LabRequest } from './labProtocol';

interface WorkerScope {
  location: { href: string };
  postMessage(message: LabReply): void;
  onmessage: ((event: MessageEvent<LabRequest>) => void) | null;
}
const scope = self as unknown as WorkerScope;
const engine = new LabEngine(labDatabases(scope.location.href));

async function answer(request: LabRequest): Promise<unknown> {
  switch (request.method) {
    case 'sync':
      return { ...(await engine.sync(request.design)), kept: engine.kept };
    case 'rebuild':
      return { ...(await engine.rebuild(request.design)), kept: engine.kept };
    case 'generate':
      return engine.generate(request.design, request.rowsPerTable, (done, total, table) =>
        scope.postMessage({ id: request.id, progress: { done, total, table } }),
      );
    case 'rows':
      return engine.rows(request.tableId, request.limit, request.order);
    case 'insertRow':
      return engine.insertRow(request.tableId, request.values);
    case 'updateCell':
      return engine.updateCell(request.tableId, request.ctid, request.column, request.value);
    case 'deleteRow':
      return engine.deleteRow(request.tableId, request.ctid);
    case 'explain':
      return engine.explain(request.design, request.sql);
    case 'tryIndex':
      return engine.tryIndex(request.design, request.sql, request.advice);
    case 'query': {
      const { rows, fields } = await engine.query<Record<string, unknown>>(
        request.design,
        request.sql,
      );
      return { rows, fields };
    }
  }
}

/** Requests that may change rows: the rows are in durable storage before the page hears back. */
const CHANGES_ROWS: ReadonlySet<LabRequest['method']> = new Set([
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
function flushWhen(request: LabRequest, result: unknown): 'before' | 'after' | 'never' {
  if (request.method === 'sync') {
    const kind = (result as { kind?: string }).kind;
    return kind === 'migrated' ? 'before' : kind === 'built' ? 'after' : 'never';
  }
  return CHANGES_ROWS.has(request.method) ? 'before' : 'never';
}

// One request at a time, in order: the engine's database is not meant for interleaved work.
let queue = Promise.resolve();
scope.onmessage = (event) => {
  const request = event.data;
  queue = queue.then(async () => {
    // The client's watchdog counts from here: time spent waiting behind other requests is not this one's.
    scope.postMessage({ id: request.id, started: true });
    try {
      const result = await answer(request);
      const when = flushWhen(request, result);
      if (when === 'before') await engine.flush();
      scope.postMessage({ id: request.id, ok: true, result });
      // The next request waits for this write: one thing at a time in the database.
      if (when === 'after') await engine.flush().catch(() => undefined);
    } catch (thrown) {
      scope.postMessage({
        id: request.id,
        ok: false,
        message: thrown instanceof Error ? thrown.message : String(thrown),
      });
    }
  });
};
