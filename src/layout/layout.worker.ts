/**
 * The layout worker: runs ELK off the UI thread, one request at a time. The client terminates it
 * to cancel (ELK cannot be interrupted) and starts a fresh one for the next request.
 */
import ELK from 'elkjs/lib/elk.bundled.js';
import { serveRpc } from '../db/rpc/serve';
import type { LayoutProgress } from './autoLayout';
import type { LayoutApi } from './protocol';
import { layoutImplementation } from './serve';

/** The worker global, typed by hand: the DOM and WebWorker libs cannot share one tsconfig. */
interface WorkerScope {
  postMessage(message: unknown): void;
  onmessage: ((event: MessageEvent) => void) | null;
}

const scope = self as unknown as WorkerScope;
// `elk.bundled.js` runs ELK in-thread (its "FakeWorker"). Loaded inside a worker it also installs
// `self.onmessage` for its own worker protocol; assigning ours below, after the import, replaces it.
const elk = new ELK();
const serve = serveRpc<LayoutApi, LayoutProgress>(layoutImplementation(elk), (reply) =>
  scope.postMessage(reply),
);

scope.onmessage = (event) => serve(event.data);
