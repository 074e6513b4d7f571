/**
 * The constraint playground's own worker and database: sample data, row edits and EXPLAIN run
 * here, never in the worker that checks the design, so the canvas never waits on them and a
 * runaway query only costs this worker (the client terminates and replaces it).
 */
import type { Design } from '../../core/model';
import { generateDdl } from '../../core/sql';
import { freshDatabases } from '../freshDatabase';
import { LabEngine, type LabDb } from './labEngine';
import type { LabReply, LabRequest } from './labProtocol';

interface WorkerScope {
  location: { href: string };
  postMessage(message: LabReply): void;
  onmessage: ((event: MessageEvent<LabRequest>) => void) | null;
}
const scope = self as unknown as WorkerScope;
const fresh = freshDatabases(scope.location.href);
const engine = new LabEngine(async (design: Design) => (await fresh([generateDdl(design).text])) as unknown as LabDb);

async function answer(request: LabRequest): Promise<unknown> {
  switch (request.method) {
    case 'sync':
      return engine.sync(request.design);
    case 'rebuild':
      return engine.rebuild(request.design);
    case 'generate':
      return engine.generate(request.design, request.rowsPerTable, (done, total, table) => scope.postMessage({ id: request.id, progress: { done, total, table } }));
    case 'rows':
      return engine.rows(request.tableId, request.limit);
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
      const { rows, fields } = await engine.query<Record<string, unknown>>(request.design, request.sql);
      return { rows, fields };
    }
  }
}

// One request at a time, in order: the engine's database is not meant for interleaved work.
let queue = Promise.resolve();
scope.onmessage = (event) => {
  const request = event.data;
  queue = queue.then(() =>
    answer(request).then(
      (result) => scope.postMessage({ id: request.id, ok: true, result }),
      (thrown: unknown) => scope.postMessage({ id: request.id, ok: false, message: thrown instanceof Error ? thrown.message : String(thrown) }),
    ),
  );
};
