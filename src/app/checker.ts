import type { PgClient } from '../db';
import type { CheckStore } from '../state/checkStore';
import { ddlFor } from '../state/ddl';
import type { StudioStore } from '../state/store';

/** Quiet time after an edit before Postgres checks the design: typing a name is one check. */
export const CHECK_DEBOUNCE_MS = 350;

/**
 * Keeps Postgres's verdict current: after each design change (debounced) the DDL is executed in
 * the worker; stale runs are dropped by the client; a restarted worker gets the design again.
 * Returns `recheck` (run now) and `stop`.
 */
export function startChecker(store: StudioStore, pg: PgClient, check: CheckStore) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = 0;

  const run = async () => {
    const design = store.getState().design;
    const ddl = ddlFor(design);
    const generatorProblems = ddl.problems.map((p) => ({ entityId: p.entityId, message: p.message }));
    const status = pg.getStatus();
    check.setState({ status: status === 'ready' ? 'checking' : status === 'failed' ? 'unavailable' : 'starting', generatorProblems });
    if (status === 'failed') {
      check.setState({ message: pg.getFailure() ?? 'Postgres could not start.' });
      return;
    }
    const ticket = ++running;
    const result = await pg.checkSchema(ddl.statements);
    if (ticket !== running || result.stale) return;
    if (result.cancelled) {
      // The worker was replaced (a console query was stopped, or a crash): the restart handler rechecks.
      if (result.reason === 'unavailable') check.setState({ status: 'unavailable', message: result.error.message });
      return;
    }
    const errors = withoutConsequences(result.errors, ddl.statements).map((e) => {
      const stmt = ddl.statements[e.statementIndex];
      return {
        message: e.error.message,
        code: e.error.code,
        detail: e.error.detail,
        hint: e.error.hint,
        where: e.error.where,
        entityId: e.entityId,
        offset: e.offset,
        from: stmt?.from ?? 0,
        to: stmt?.to ?? 0,
      };
    });
    check.setState({ status: errors.length ? 'rejected' : 'accepted', errors, ddlText: ddl.text, generatorProblems, message: undefined });
  };

  const schedule = (delay = CHECK_DEBOUNCE_MS) => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(), delay);
  };

  const unsubscribeStore = store.subscribe((s, prev) => {
    if (s.design !== prev.design) schedule();
  });
  const unsubscribeRestart = pg.onRestart(() => schedule(0));
  const unsubscribeStatus = pg.subscribe((status) => {
    if (status === 'failed') schedule(0);
    else if (status === 'restarting') check.setState({ status: 'starting' });
  });
  schedule(0);

  return {
    recheck: () => schedule(0),
    stop: () => {
      clearTimeout(timer);
      unsubscribeStore();
      unsubscribeRestart();
      unsubscribeStatus();
    },
  };
}

/**
 * When a CREATE TABLE (or CREATE TYPE) fails, every later statement that mentions it fails too
 * with "does not exist". Those are echoes of the first error, not problems of their own: showing
 * them would turn one typo into five errors.
 */
export function withoutConsequences<E extends { statementIndex: number; error: { code?: string } }>(
  errors: E[],
  statements: { kind: string }[],
): E[] {
  const failedKinds = new Set(errors.map((e) => statements[e.statementIndex]?.kind));
  return errors.filter((e) => {
    const code = e.error.code;
    if (code === '42P01' && (failedKinds.has('table') || failedKinds.has('schema'))) return statements[e.statementIndex]?.kind === 'table' && !failedKinds.has('schema');
    if (code === '42704' && (failedKinds.has('enum') || failedKinds.has('schema'))) return statements[e.statementIndex]?.kind === 'enum';
    if (code === '3F000' && failedKinds.has('schema')) return false;
    return true;
  });
}
