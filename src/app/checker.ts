import type { Danger } from '../core/safety';
import { dangerSummary } from '../core/safety';
import type { DdlStatement } from '../core/sql/types';
import type { PgClient } from '../db';
import type { CheckError, CheckStore } from '../state/checkStore';
import { ddlFor } from '../state/ddl';
import type { StudioStore } from '../state/store';
import { describeVerdict, planCheck, type Baseline, type CheckPlan } from './checkStrategy';

/** Quiet time after an edit before Postgres checks the design: typing a name is one check. */
export const CHECK_DEBOUNCE_MS = 350;

/** Finds the statements that must not run (programs, server files, roles...), by index. */
export type DangerScan = (statements: readonly DdlStatement[]) => Promise<Map<number, Danger[]>>;

/** Options of {@link startChecker}; tests pass a scanner with the parser loaded in Node. */
export interface CheckerOptions {
  scanDangers?: DangerScan;
}

/** PostgreSQL's parser on the UI thread, loaded on first use (Node tests never import its `?url`). */
const browserScan: DangerScan = async (statements) => {
  const [{ loadBrowserParser }, { scanStatements }] = await Promise.all([
    import('../db/browserParser'),
    import('../db/safetyScan'),
  ]);
  return scanStatements(await loadBrowserParser(), statements);
};

/**
 * The scan, remembered by statement text from one check to the next: after an edit only the
 * statements whose text changed are parsed (at 1,000 tables, a handful instead of 7,000 on the
 * UI thread). A failed scan remembers nothing.
 */
export function memoizedScan(scan: DangerScan): DangerScan {
  let known = new Map<string, Danger[]>();
  return async (statements) => {
    const fresh = statements.filter((s) => !known.has(s.sql));
    const found = fresh.length ? await scan(fresh) : new Map<number, Danger[]>();
    const next = new Map<string, Danger[]>();
    fresh.forEach((s, i) => next.set(s.sql, found.get(i) ?? []));
    const out = new Map<number, Danger[]>();
    statements.forEach((s, index) => {
      const dangers = next.get(s.sql) ?? known.get(s.sql) ?? [];
      next.set(s.sql, dangers);
      if (dangers.length) out.set(index, dangers);
    });
    known = next;
    return out;
  };
}

/** Error code of a statement the checker stopped (Postgres's own `query_canceled`). */
export const HUNG_CODE = '57014';

const excerpt = (sql: string): string => (sql.length > 400 ? `${sql.slice(0, 399)}…` : sql);

/**
 * Keeps Postgres's verdict current: after each design change (debounced) the DDL is executed in
 * the worker; stale runs are dropped by the client; a restarted worker gets the design again.
 *
 * Two kinds of statement are reported without being run. Dangerous ones (COPY … PROGRAM, server
 * files, DROP … CASCADE, roles: see `core/safety`) are never run. A verbatim statement that did
 * not finish (an endless DO loop from a share link) is remembered by its text: later checks skip
 * it, so the rest is still checked and the worker is not restarted in a loop; changing the
 * statement's text makes it run again.
 * Returns `recheck` (run now) and `stop`.
 */
export function startChecker(
  store: StudioStore,
  pg: PgClient,
  check: CheckStore,
  options: CheckerOptions = {},
) {
  const scanDangers = memoizedScan(options.scanDangers ?? browserScan);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = 0;
  /** Statements (by exact text) that did not finish: why, as shown. */
  const hung = new Map<string, string>();
  /** DDL whose check timed out without naming a statement: not retried until it changes. */
  let stuckDdl: string | undefined;
  /** The design the database holds after the last clean verdict; edits are applied to it. */
  let baseline: Baseline | undefined;

  const run = async () => {
    const started = performance.now();
    const design = store.getState().design;
    const ddl = ddlFor(design);
    const generatorProblems = ddl.problems.map((p) => ({
      entityId: p.entityId,
      message: p.message,
    }));
    const status = pg.getStatus();
    check.setState({
      status: status === 'ready' ? 'checking' : status === 'failed' ? 'unavailable' : 'starting',
      generatorProblems,
    });
    if (status === 'failed') {
      check.setState({ message: pg.getFailure() ?? 'Postgres could not start.' });
      return;
    }
    const ticket = ++running;
    // Fail closed: when the parser cannot judge the statements, the verbatim ones (the only SQL the
    // design did not generate itself) are not run at all.
    let scanFailure: string | undefined;
    const dangers = await scanDangers(ddl.statements).catch((e: unknown) => {
      scanFailure = e instanceof Error ? e.message : String(e);
      return new Map<number, Danger[]>();
    });
    if (ticket !== running) return;
    const present = new Set(ddl.statements.map((s) => s.sql));
    for (const sql of hung.keys()) if (!present.has(sql)) hung.delete(sql);
    if (stuckDdl !== undefined && stuckDdl !== ddl.text) stuckDdl = undefined;
    if (stuckDdl === ddl.text) {
      check.setState({
        status: 'unavailable',
        message:
          'The check of this design did not finish; it is not repeated until the design changes.',
      });
      return;
    }

    const reported: CheckError[] = [];
    const indexes: number[] = [];
    ddl.statements.forEach((stmt, index) => {
      const found = dangers.get(index);
      const stopped = hung.get(stmt.sql);
      const at = {
        entityId: stmt.entityId,
        from: stmt.from,
        to: stmt.to,
        detail: excerpt(stmt.sql),
      };
      if (scanFailure !== undefined && stmt.kind === 'extra') {
        reported.push({
          ...at,
          message: `Not run: the safety check could not start (${scanFailure}), and this SQL came with the design.`,
          hint: 'Reload the page to try again.',
        });
      } else if (found) {
        reported.push({
          ...at,
          message: `Not run: dangerous on a real server. ${dangerSummary(found)}`,
          hint: 'It came with the design (a link or an import). Delete it unless you mean it; SQL exports carry a warning.',
        });
      } else if (stopped !== undefined) {
        reported.push({
          ...at,
          message: stopped,
          code: HUNG_CODE,
          hint: 'It is not run again until you change it; the rest of the design was checked without it.',
        });
      } else indexes.push(index);
    });
    let plan: CheckPlan = planCheck(baseline, design, reported.length > 0);
    if (plan.kind === 'change' && baseline) {
      const change = await pg.applyChange(
        plan.steps.map((s) => s.sql),
        baseline.token,
      );
      if (change.applied) {
        // The database holds this design now, whether or not a newer edit is waiting.
        baseline = {
          design,
          token: change.baseline,
          changesSinceFull: baseline.changesSinceFull + 1,
        };
        if (ticket !== running) return;
        check.setState({
          status: 'accepted',
          errors: [],
          ddlText: ddl.text,
          generatorProblems,
          message: undefined,
          verdict: describeVerdict(plan, performance.now() - started),
        });
        return;
      }
      if (ticket !== running) return;
      // Refused (the whole run finds every error at its exact place) or the database moved on.
      plan = { kind: 'full', why: change.reason === 'failed' ? 'changeFailed' : 'first' };
    }
    baseline = undefined;
    const toRun = indexes.map((i) => ddl.statements[i] as DdlStatement);
    const result = await pg.checkSchema(toRun);
    if (ticket !== running || result.stale) return;
    if (result.cancelled) {
      const culprit =
        result.statementIndex === undefined ? undefined : toRun[result.statementIndex];
      if (culprit) {
        hung.set(
          culprit.sql,
          result.reason === 'timeout'
            ? `This statement did not finish and was stopped (it may never end): ${result.error.message.replace(/^Schema check stopped: /, '')}`
            : `This statement made the database stop working: ${result.error.message.replace(/^Schema check failed: /, '')}`,
        );
        // The worker is being replaced; its restart handler checks again, without this statement.
        check.setState({
          status: 'starting',
          message: 'A statement of the design did not finish; checking the rest without it.',
        });
        return;
      }
      if (result.reason === 'timeout') {
        stuckDdl = ddl.text;
        check.setState({
          status: 'unavailable',
          errors: [],
          ddlText: ddl.text,
          message: `${result.error.message} The check is not repeated until the design changes.`,
        });
        return;
      }
      // The worker was replaced (a console query was stopped, or a crash): the restart handler rechecks.
      if (result.reason === 'unavailable')
        check.setState({ status: 'unavailable', message: result.error.message });
      return;
    }
    const original = result.errors.map((e) => ({
      ...e,
      statementIndex: indexes[e.statementIndex] ?? e.statementIndex,
    }));
    const errors = withoutConsequences(original, ddl.statements).map((e) => {
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
    const all = [...reported, ...errors].sort((a, b) => a.from - b.from);
    if (all.length === 0 && result.baseline !== undefined)
      baseline = { design, token: result.baseline, changesSinceFull: 0 };
    const notRun = reported.length
      ? `${reported.length} ${reported.length === 1 ? 'statement was' : 'statements were'} not run (dangerous or never-ending); the rest was checked.`
      : undefined;
    check.setState({
      status: all.length ? 'rejected' : 'accepted',
      errors: all,
      ddlText: ddl.text,
      generatorProblems,
      message: notRun,
      verdict: describeVerdict(plan, performance.now() - started),
    });
  };

  /** The check running now, if any. */
  let inFlight: Promise<void> | undefined;
  const start = () => {
    timer = undefined;
    const current: Promise<void> = run().finally(() => {
      if (inFlight === current) inFlight = undefined;
    });
    inFlight = current;
    return current;
  };
  const schedule = (delay = CHECK_DEBOUNCE_MS) => {
    clearTimeout(timer);
    timer = setTimeout(() => void start(), delay);
  };

  const unsubscribeStore = store.subscribe((s, prev) => {
    if (s.design !== prev.design) schedule();
  });
  const unsubscribeRestart = pg.onRestart(() => {
    baseline = undefined;
    schedule(0);
  });
  const unsubscribeStatus = pg.subscribe((status) => {
    if (status === 'failed') schedule(0);
    else if (status === 'restarting') check.setState({ status: 'starting' });
  });
  schedule(0);

  return {
    recheck: () => schedule(0),
    /**
     * Runs a waiting check now and resolves once none runs: the database then holds the design as
     * it is (the console asks, so a table made a moment ago is there to query).
     */
    settle: async () => {
      // Bounded: edits arriving meanwhile start new checks; the console does not wait for ever.
      for (let round = 0; round < 3; round++) {
        if (timer !== undefined) {
          clearTimeout(timer);
          void start();
        }
        if (!inFlight) return;
        await inFlight;
      }
    },
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
    if (code === '42P01' && (failedKinds.has('table') || failedKinds.has('schema')))
      return statements[e.statementIndex]?.kind === 'table' && !failedKinds.has('schema');
    if (code === '42704' && (failedKinds.has('enum') || failedKinds.has('schema')))
      return statements[e.statementIndex]?.kind === 'enum';
    if (code === '3F000' && failedKinds.has('schema')) return false;
    return true;
  });
}
