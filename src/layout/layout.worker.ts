/**
 * The layout worker: runs auto-layout off the UI thread, one request at a time. The client
 * terminates it to cancel (ELK cannot be interrupted), which ends its ELK workers too, and starts
 * a fresh one for the next request.
 *
 * ELK itself runs in nested workers, one per core (at most four): the clusters of a design are
 * independent, so two cores lay out a 1,000-table design in about half the time. Where a worker
 * cannot start workers of its own, ELK runs here, in-thread (`elk.bundled.js`'s "FakeWorker").
 */
import ELK from 'elkjs/lib/elk-api.js';
import { serveRpc } from '../db/rpc/serve';
import type { LayoutEngine, LayoutProgress } from './autoLayout';
import type { LayoutApi } from './protocol';
import { layoutImplementation } from './serve';

/** The worker global, typed by hand: the DOM and WebWorker libs cannot share one tsconfig. */
interface WorkerScope {
  postMessage(message: unknown): void;
  onmessage: ((event: MessageEvent) => void) | null;
}

const scope = self as unknown as WorkerScope;

/** Most ELK workers: past four, starting and warming each one costs more than it saves. */
const MAX_ENGINES = 4;

/**
 * An ELK engine in its own worker. A worker that fails to load fails the layouts it was given
 * (instead of leaving them waiting for the client's timeout).
 */
function workerEngine(index: number): LayoutEngine {
  let fail: (error: Error) => void = () => {};
  const failed = new Promise<never>((_, reject) => (fail = reject));
  failed.catch(() => undefined);
  const elk = new ELK({
    // Only the algorithm auto-layout uses: less to set up in each new worker.
    algorithms: ['layered'],
    workerFactory: () => {
      const worker = new Worker(new URL('./elk.worker.ts', import.meta.url), {
        type: 'module',
        name: `tablewright-elk-${index + 1}`,
      });
      worker.addEventListener('error', (event) =>
        fail(new Error(`an ELK worker stopped (${event.message || 'it could not load'})`)),
      );
      return worker;
    },
  });
  return { layout: (graph, options) => Promise.race([elk.layout(graph, options), failed]) };
}

async function startEngines(): Promise<LayoutEngine[]> {
  if (typeof Worker !== 'undefined') {
    try {
      const cores = Math.max(1, Math.min(MAX_ENGINES, navigator.hardwareConcurrency || 1));
      return Array.from({ length: cores }, (_, i) => workerEngine(i));
    } catch {
      // No nested workers here: fall through to ELK in this thread.
    }
  }
  const { default: Bundled } = await import('elkjs/lib/elk.bundled.js');
  const elk = new Bundled();
  // Its GWT code, loaded in a worker, installs `self.onmessage` for ELK's own protocol: ours back.
  scope.onmessage = onMessage;
  return [elk];
}

const serve = serveRpc<LayoutApi, LayoutProgress>(
  startEngines().then(layoutImplementation),
  (reply) => scope.postMessage(reply),
);
function onMessage(event: MessageEvent) {
  serve(event.data);
}
scope.onmessage = onMessage;
