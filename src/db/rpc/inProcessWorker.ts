/**
 * For tests: a worker that runs a real API implementation in this thread through the real
 * {@link serveRpc}, answering asynchronously and cloning every message as `postMessage` does (a
 * real Worker is not available in Vitest's Node environment).
 */
import type { RpcWorkerLike } from './client';
import type { RpcApi, RpcCall } from './protocol';
import { serveRpc, type RpcImplementation, type ServeOptions } from './serve';

export class InProcessWorker<A extends RpcApi<A>, P = never> implements RpcWorkerLike<A> {
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  onmessageerror: ((event: MessageEvent) => void) | null = null;
  terminated = false;
  /** Every call received, as the worker saw it. */
  readonly received: RpcCall<A>[] = [];
  private readonly serve: (data: unknown) => void;

  /**
   * With `answer: false` the worker receives calls and never answers (a runaway one). With
   * `ready`, it announces itself with that boot information on the next tick, as the database
   * worker does.
   */
  constructor(
    implementation: RpcImplementation<A, P>,
    private readonly options: { answer?: boolean; serve?: ServeOptions<A>; ready?: object } = {},
  ) {
    const { ready } = options;
    if (ready) setTimeout(() => this.deliver({ type: 'ready', ...ready }), 0);
    this.serve = serveRpc<A, P>(implementation, (reply) => this.deliver(reply), options.serve);
  }

  private deliver(message: unknown): void {
    // Messages of a terminated worker never arrive, like a real one's.
    if (!this.terminated) this.onmessage?.({ data: structuredClone(message) } as MessageEvent);
  }

  postMessage(message: RpcCall<A>): void {
    if (this.terminated) throw new Error('postMessage after terminate');
    // Structured clone, as postMessage does: the worker never shares objects with the page.
    const call = structuredClone(message);
    this.received.push(call);
    if (this.options.answer === false) return;
    setTimeout(() => this.serve(call), 0);
  }

  terminate(): void {
    this.terminated = true;
  }

  /** The worker dies as a real one does: an error event on the page's side. */
  crash(message: string): void {
    this.onerror?.({ message, preventDefault: () => {} } as ErrorEvent);
  }
}
