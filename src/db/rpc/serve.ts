/**
 * The worker's side of the RPC: answers {@link RpcCall}s with an implementation of the API, and
 * turns whatever a method throws into an `error` reply that keeps the Postgres error fields.
 * Free of any worker global, so tests run it in-process.
 */
import { toPgError } from '../pgError';
import type { RpcApi, RpcCall, RpcMethod, RpcReply } from './protocol';

/** What a method gets besides its arguments: a way to report how far the call is. */
export interface RpcCallContext<P> {
  progress(progress: P): void;
}

/**
 * The worker's implementation of API `A`: given the call's context, the API object. Built per
 * call so that a method can report progress without a progress parameter in the API type.
 */
export type RpcImplementation<A, P = never> = (call: RpcCallContext<P>) => A;

export interface ServeOptions<A> {
  /**
   * One call at a time, in arrival order (default true): a database must never interleave work.
   */
  serial?: boolean;
  /**
   * Runs after a method answered, before the reply is posted (a failure here is the call's
   * failure): e.g. a write to storage the page must be able to count on.
   */
  beforeReply?(method: RpcMethod<A>, result: unknown): Promise<void>;
  /**
   * Runs after a call's reply was posted, before the next call starts (with `serial`): e.g. a
   * write to storage the page need not wait for. Its failure is ignored.
   */
  afterReply?(method: RpcMethod<A>, result: unknown): Promise<void>;
}

function messageOf(thrown: unknown): string {
  return thrown instanceof Error ? thrown.message : String(thrown);
}

/**
 * Returns the handler for the worker's incoming messages; replies go to `post`. `implementation`
 * may be a promise (a worker that boots first): calls wait for it, and fail with its error.
 */
export function serveRpc<A extends RpcApi<A>, P = never>(
  implementation: RpcImplementation<A, P> | Promise<RpcImplementation<A, P>>,
  post: (reply: RpcReply<A, P>) => void,
  options: ServeOptions<A> = {},
): (data: unknown) => void {
  const serial = options.serial ?? true;
  // A worker that fails to boot says so itself; each call answers with the error when it comes.
  if (implementation instanceof Promise) implementation.catch(() => undefined);
  let tail: Promise<unknown> = Promise.resolve();

  async function answer(call: RpcCall<A>): Promise<void> {
    const { id, method } = call;
    let result: unknown;
    try {
      const api = (await implementation)({
        progress: (progress) => post({ type: 'progress', id, progress }),
      });
      const fn = api[method] as unknown as (...args: unknown[]) => Promise<unknown>;
      if (!Object.hasOwn(api, method) || typeof fn !== 'function') {
        throw new Error(`The worker has no method "${method}".`);
      }
      result = await fn.apply(api, call.args as unknown[]);
      await options.beforeReply?.(method, result);
    } catch (thrown) {
      const error = toPgError(thrown);
      post({ type: 'error', id, message: messageOf(thrown), error });
      return;
    }
    try {
      post({ type: 'result', id, method, result } as RpcReply<A, P>);
    } catch (thrown) {
      // An answer that cannot be cloned: the call fails, the worker goes on.
      post({ type: 'error', id, message: `The answer could not be sent (${messageOf(thrown)}).` });
      return;
    }
    await options.afterReply?.(method, result).catch(() => undefined);
  }

  return (data) => {
    const call = data as RpcCall<A> | undefined;
    if (call?.type !== 'call') return;
    if (!serial) return void answer(call);
    tail = tail.then(() => answer(call));
  };
}
