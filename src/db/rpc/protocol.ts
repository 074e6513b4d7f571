/**
 * The one typed RPC between the page and a worker. A worker's API is an object type whose methods
 * take plain data and answer a promise of plain data; every message, and every client call, is
 * derived from that type (as PGlite's own `src/worker/index.ts` derives its calls from its `api`
 * object): adding a method to the API type is the only step to expose it.
 *
 * Everything here crosses `postMessage`, so it is plain data (structured-clone safe).
 */
import type { ImportPgError } from '../../core/import/report';

/** What makes an object type a worker API: every member is an async method. */
export type RpcApi<A> = { [M in keyof A]: (...args: never[]) => Promise<unknown> };

/** A method name of API `A`. */
export type RpcMethod<A> = keyof A & string;

/** The arguments of method `M` of API `A`, as they are sent. */
export type RpcArgs<A, M extends keyof A> = A[M] extends (...args: infer P) => unknown ? P : never;

/** The resolved result of method `M` of API `A`. */
export type RpcResult<A, M extends keyof A> = A[M] extends (...args: never[]) => Promise<infer R>
  ? R
  : never;

/** Page -> worker: call a method. `id` pairs the call with its reply. */
export type RpcCall<A> = {
  [M in RpcMethod<A>]: { type: 'call'; id: number; method: M; args: RpcArgs<A, M> };
}[RpcMethod<A>];

/**
 * A failure the worker's method threw, with the Postgres fields when it was a database error
 * (`code`, `position`, `detail`, `hint`, `table`, `constraint`, `where`...).
 */
export type RpcError = ImportPgError;

/** Worker -> page, about one call. `P` is what the worker reports while a call runs. */
export type RpcReply<A, P = never> =
  | {
      [M in RpcMethod<A>]: { type: 'result'; id: number; method: M; result: RpcResult<A, M> };
    }[RpcMethod<A>]
  /** The method threw instead of answering with a value. */
  | { type: 'error'; id: number; message: string; error?: RpcError }
  /** A long call is still going: also restarts the client's watchdog for it. */
  | { type: 'progress'; id: number; progress: P };

/**
 * Worker -> page, for workers that boot before they can serve (the database worker): `ready` with
 * how the boot went (`B`), or `failed` with why it could not.
 */
export type RpcBootMessage<B> = ({ type: 'ready' } & B) | { type: 'failed'; message: string };

/**
 * Why a call got no answer from the worker's method:
 * - `timeout`: the watchdog stopped it (and the worker).
 * - `crashed`: the worker died while it ran (or the caller judged the answer fatal).
 * - `cancelled`: `cancel()` or `restart()` stopped it.
 * - `superseded`: a newer call replaced it.
 * - `unavailable`: no worker could be started or booted.
 * - `disposed`: the client was closed.
 * - `failed`: the method threw (`error` has the Postgres fields), or the call could not be sent.
 */
export type RpcStopReason =
  'timeout' | 'crashed' | 'cancelled' | 'superseded' | 'unavailable' | 'disposed' | 'failed';

/** A call that did not end with the method's answer. */
export interface RpcStopped {
  ok: false;
  reason: RpcStopReason;
  /** What happened, in the worker's or the browser's words (crash message, thrown message...). */
  cause?: string;
  /** For `timeout`: the watchdog's time that ran out, in ms. */
  timeoutMs?: number;
  /** For `failed` from a method that threw: the error with its Postgres fields. */
  error?: RpcError;
  /** For `failed`: the call never reached the worker (e.g. an argument that cannot be cloned). */
  unsent?: true;
}

/** What a call resolves to: the method's answer, or why there is none. Never rejects. */
export type RpcOutcome<R> = { ok: true; value: R } | RpcStopped;
