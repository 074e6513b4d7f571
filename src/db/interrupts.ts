/**
 * Results of calls that got no answer from Postgres, and the words shown for them. Separate from
 * the client so the messages can be read (and reworded) in one place.
 */
import type { ImportSqlOutcome, PgError, SchemaCheckReport, SqlRunOutcome } from './protocol';

/**
 * Why a call got no answer from Postgres:
 * - `cancelled`: `cancel()` or `restart()` stopped it (the worker was restarted).
 * - `timeout`: the watchdog stopped it (the worker was restarted).
 * - `crashed`: the worker died or its database could not be reset (it was restarted).
 * - `unavailable`: the database could not start; see the client's `getFailure()`.
 * - `disposed`: the client was disposed.
 * - `internal`: the worker threw instead of answering; a bug in Tablewright.
 */
export type InterruptReason =
  'cancelled' | 'timeout' | 'crashed' | 'unavailable' | 'disposed' | 'internal';

/** A call that did not run to its end. `error` has only a `message`, written for a person. */
export interface Interrupted {
  ok: false;
  cancelled: true;
  reason: InterruptReason;
  error: PgError;
}

/**
 * Result of `client.runSql`: the engine's answer (`cancelled: false`, `ok` true or false with the
 * Postgres error), or {@link Interrupted}.
 */
export type RunSqlResult = SqlRunOutcome | Interrupted;

/**
 * Result of `client.checkSchema`:
 * - `stale: true`: a newer check was requested before this one's answer was used; ignore it.
 * - a report (`cancelled: false`): `ok`, and `errors` with statement, entity and DDL offset.
 * - {@link Interrupted} (`cancelled: true`), with `errors: []`; `statementIndex` names the
 *   verbatim statement that was running when the watchdog stopped (or a crash ended) the check.
 */
export type CheckSchemaResult =
  | { stale: true }
  | (SchemaCheckReport & { stale: false; cancelled: false })
  | (Interrupted & { stale: false; errors: []; statementIndex?: number });

const duration = (ms: number): string =>
  ms < 1000 ? `${Math.round(ms)} ms` : `${Math.round(ms / 100) / 10} s`;

/**
 * Result of `client.importSql`: the engine's answer (`cancelled: false`: a design and its report,
 * or why nothing could be imported), or {@link Interrupted}.
 */
export type ImportSqlResult = ImportSqlOutcome | Interrupted;

/** What a call was, for the wording. */
export type CallKind = 'query' | 'check' | 'import';

/**
 * The sentence for an interruption. A restart throws the database away, so the person is told
 * that whatever their queries changed is gone (the design's tables come back with the next check).
 */
export function interruptMessage(
  reason: InterruptReason,
  kind: CallKind,
  detail: { timeoutMs?: number; cause?: string } = {},
): string {
  const what = kind === 'query' ? 'Query' : kind === 'import' ? 'Import' : 'Schema check';
  const lost =
    kind === 'query'
      ? ' Rows added or changed by earlier queries are gone; the design’s tables are re-created.'
      : '';
  const cause = detail.cause ? ` (${detail.cause})` : '';
  switch (reason) {
    case 'cancelled':
      return `${what} cancelled: the database was restarted to stop it.${lost}`;
    case 'timeout':
      return `${what} stopped: no answer after ${duration(detail.timeoutMs ?? 0)}, so the database was restarted.${lost}`;
    case 'crashed':
      return `${what} failed: the database stopped working${cause} and was restarted.${lost}`;
    case 'unavailable':
      return `${what} not run: the database is not available${cause}.`;
    case 'disposed':
      return `${what} not run: the database was closed.`;
    case 'internal':
      return `${what} failed because of an internal error in Tablewright${cause}.`;
  }
}

/** An {@link Interrupted} value for a query or an import (an import never touches the design database). */
export function interrupted(
  kind: 'query' | 'import',
  reason: InterruptReason,
  detail?: { timeoutMs?: number; cause?: string },
): Interrupted {
  return {
    ok: false,
    cancelled: true,
    reason,
    error: { message: interruptMessage(reason, kind, detail) },
  };
}

/** An interrupted check result. */
export function interruptedCheck(
  reason: InterruptReason,
  detail?: { timeoutMs?: number; cause?: string },
): Extract<CheckSchemaResult, { cancelled: true }> {
  return {
    ok: false,
    cancelled: true,
    stale: false,
    errors: [],
    reason,
    error: { message: interruptMessage(reason, 'check', detail) },
  };
}
