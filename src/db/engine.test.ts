import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DdlStatement, DdlStatementKind } from '../core/sql/types';
import { createEngine } from './engine';
import type { DbApi, SchemaCheckReport, SqlRunOutcome, SqlRunSuccess } from './protocol';

// One real PGlite for the file: a cold boot takes seconds here.
let db: PGlite;
let engine: DbApi;

beforeAll(async () => {
  db = await PGlite.create();
  engine = createEngine(db);
});

afterAll(async () => {
  await db.close();
});

/** DDL text and its statements, laid out the way the generator does (blank line between). */
function ddl(parts: Array<[entityId: string, sql: string, kind?: DdlStatementKind]>): {
  text: string;
  statements: DdlStatement[];
} {
  let text = '';
  const statements: DdlStatement[] = [];
  for (const [entityId, sql, kind = 'table'] of parts) {
    if (text !== '') text += '\n\n';
    statements.push({ kind, sql, from: text.length, to: text.length + sql.length, entityId });
    text += sql;
  }
  return { text, statements };
}

async function check(statements: DdlStatement[]): Promise<SchemaCheckReport> {
  const outcome = await engine.checkSchema(statements);
  if (outcome.resetError) throw new Error(`reset failed: ${outcome.resetError.message}`);
  return outcome;
}

function success(outcome: SqlRunOutcome): SqlRunSuccess {
  if (!outcome.ok) throw new Error(`expected success, got: ${outcome.error.message}`);
  return outcome;
}

const GOOD = ddl([
  ['s_sales', 'CREATE SCHEMA sales;', 'schema'],
  ['e_status', "CREATE TYPE sales.status AS ENUM ('new', 'paid');", 'enum'],
  [
    't_customer',
    'CREATE TABLE sales.customer (\n  id integer PRIMARY KEY,\n  name text NOT NULL\n);',
  ],
  [
    't_order',
    'CREATE TABLE sales."order" (\n  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n  customer_id integer NOT NULL,\n  status sales.status NOT NULL DEFAULT \'new\'\n);',
  ],
  [
    't_order',
    'ALTER TABLE sales."order" ADD CONSTRAINT order_customer_fk FOREIGN KEY (customer_id) REFERENCES sales.customer (id);',
    'foreignKey',
  ],
  ['t_order', 'CREATE INDEX order_customer_idx ON sales."order" (customer_id);', 'index'],
  ['t_order', 'COMMENT ON TABLE sales."order" IS \'Orders 📦\';', 'comment'],
]);

describe('checkSchema', () => {
  it('accepts a valid schema in one batch', async () => {
    const report = await check(GOOD.statements);
    expect(report).toMatchObject({ ok: true, errors: [], strategy: 'batch' });
    expect(report.durationMs).toBeGreaterThanOrEqual(0);
    const tables = await db.query<{ n: number }>(
      "select count(*)::int as n from pg_tables where schemaname = 'sales'",
    );
    expect(tables.rows[0]?.n).toBe(2);
  });

  it('accepts statements written without a trailing semicolon or ending in a comment', async () => {
    const { statements } = ddl([
      ['t_a', 'CREATE TABLE a (id integer) -- no semicolon'],
      ['t_b', 'CREATE TABLE b (id integer)'],
    ]);
    expect(await check(statements)).toMatchObject({ ok: true, strategy: 'batch' });
  });

  it('reports a bad default with its code, entity and absolute offset in the DDL text', async () => {
    const { text, statements } = ddl([
      ['t_ok', 'CREATE TABLE ok_table (id integer);'],
      ['t_bad', "CREATE TABLE bad_table (\n  id integer,\n  qty integer DEFAULT 'x'\n);"],
    ]);
    const report = await check(statements);
    expect(report.ok).toBe(false);
    expect(report.strategy).toBe('perStatement');
    expect(report.errors).toHaveLength(1);
    const [found] = report.errors;
    expect(found).toMatchObject({ statementIndex: 1, entityId: 't_bad' });
    expect(found?.error.code).toBe('22P02');
    expect(found?.error.message).toContain('invalid input syntax for type integer');
    expect(typeof found?.error.position).toBe('number');
    expect(text.slice(found?.offset)).toMatch(/^'x'/);
  });

  it('counts the offset in UTF-16 units after characters outside the BMP', async () => {
    const { text, statements } = ddl([
      ['t_emoji', 'CREATE TABLE "party🎉" (\n  "guest👤" text,\n  n integer DEFAULT \'x\'\n);'],
    ]);
    const [found] = (await check(statements)).errors;
    expect(found?.offset).toBeDefined();
    expect(text.slice(found?.offset)).toMatch(/^'x'/);
  });

  it('reports every independent error, not just the first', async () => {
    const { text, statements } = ddl([
      ['t_one', "CREATE TABLE one (a integer DEFAULT 'x');"],
      ['t_fine', 'CREATE TABLE fine (a integer);'],
      ['t_two', 'CREATE TABLE two (b no_such_type);'],
      ['t_three', 'CREATE TABLE three (c integer CHECK (c > ));'],
    ]);
    const report = await check(statements);
    expect(report.errors.map((e) => [e.entityId, e.error.code])).toEqual([
      ['t_one', '22P02'],
      ['t_two', '42704'],
      ['t_three', '42601'],
    ]);
    expect(text.slice(report.errors[1]?.offset)).toMatch(/^no_such_type/);
    // The valid table exists, so runSql can use what did work.
    expect(success(await engine.runSql('select * from fine')).results[0]?.command).toBe('SELECT');
  });

  it('reports statements that depend on a failed table too', async () => {
    const { statements } = ddl([
      ['t_parent', "CREATE TABLE parent (id integer PRIMARY KEY, n integer DEFAULT 'x');"],
      ['t_child', 'CREATE TABLE child (id integer PRIMARY KEY, parent_id integer);'],
      [
        't_child',
        'ALTER TABLE child ADD CONSTRAINT child_parent_fk FOREIGN KEY (parent_id) REFERENCES parent (id);',
        'foreignKey',
      ],
      ['t_parent', 'CREATE INDEX parent_n_idx ON parent (n);', 'index'],
    ]);
    const report = await check(statements);
    expect(report.errors.map((e) => [e.statementIndex, e.entityId, e.error.code])).toEqual([
      [0, 't_parent', '22P02'],
      [2, 't_child', '42P01'],
      [3, 't_parent', '42P01'],
    ]);
  });

  it('goes straight to per-statement while the design has errors', async () => {
    const bad = ddl([['t_bad', "CREATE TABLE bad (a integer DEFAULT 'x');"]]).statements;
    const good = ddl([['t_good', 'CREATE TABLE good (a integer DEFAULT 1);']]).statements;
    expect(await check(bad)).toMatchObject({ ok: false, strategy: 'perStatement' });
    expect(await check(bad)).toMatchObject({ ok: false, strategy: 'perStatement' });
    expect(await check(good)).toMatchObject({ ok: true, strategy: 'perStatement' });
    expect(await check(good)).toMatchObject({ ok: true, strategy: 'batch' });
  });

  it('starts every check from an empty database', async () => {
    await check(ddl([['t_x', 'CREATE TABLE leftover (id integer);']]).statements);
    expect((await check([])).ok).toBe(true);
    const outcome = await engine.runSql('select * from leftover');
    expect(outcome.ok).toBe(false);
    expect(outcome.ok ? '' : outcome.error.code).toBe('42P01');
  });
});

describe('runSql', () => {
  beforeAll(async () => {
    await check(
      ddl([['t_item', 'CREATE TABLE item (id integer PRIMARY KEY, name text NOT NULL);']])
        .statements,
    );
  });

  it('returns fields, array rows and counts, one result per statement', async () => {
    const outcome = success(
      await engine.runSql(
        "insert into item values (1, 'one'), (2, 'two');\nselect id, name from item order by id;",
      ),
    );
    expect(outcome.results).toHaveLength(2);
    const [insert, select] = outcome.results;
    expect(insert).toMatchObject({ command: 'INSERT', affectedRows: 2, fields: [], rows: [] });
    expect(select).toMatchObject({
      command: 'SELECT',
      fields: [
        { name: 'id', dataTypeID: 23 },
        { name: 'name', dataTypeID: 25 },
      ],
      rows: [
        [1, 'one'],
        [2, 'two'],
      ],
      rowCount: 2,
      truncated: false,
    });
    expect(select?.affectedRows).toBeUndefined();
  });

  it('returns EXPLAIN plan rows', async () => {
    const [plan] = success(await engine.runSql('explain select * from item where id = 1')).results;
    expect(plan?.command).toBe('EXPLAIN');
    expect(plan?.fields[0]?.name).toBe('QUERY PLAN');
    expect(String(plan?.rows[0]?.[0])).toMatch(/Scan/);
  });

  it('makes values plain: exact text for dates and json, hex bytea, big int8 as text', async () => {
    const [row] = success(
      await engine.runSql(`select
        9007199254740993::int8 as big, 42::int8 as small,
        timestamptz '2024-05-06 07:08:09.123456+00' as ts, date '2024-05-06' as d,
        '{"a": 1.10}'::jsonb as j, '\\x0aff'::bytea as b,
        array[1, 2] as arr, 'NaN'::float8 as nan, null::text as nothing,
        array[timestamptz '2024-05-06 07:08:09.5+00'] as stamps`),
    ).results[0]!.rows;
    expect(row).toEqual([
      '9007199254740993',
      42,
      '2024-05-06 07:08:09.123456+00',
      '2024-05-06',
      '{"a": 1.10}',
      '\\x0aff',
      [1, 2],
      'NaN',
      null,
      '{"2024-05-06 07:08:09.5+00"}',
    ]);
    expect(() => structuredClone(row)).not.toThrow();
    expect(JSON.parse(JSON.stringify(row))).toEqual(row);
  });

  it('caps rows per result and says so', async () => {
    const capped = createEngine(db, { maxRows: 5 });
    const [result] = success(await capped.runSql('select generate_series(1, 20)')).results;
    expect(result).toMatchObject({ rowCount: 20, truncated: true });
    expect(result?.rows).toHaveLength(5);
  });

  it('keeps Postgres error fields: detail, constraint, hint, position and its offset', async () => {
    const duplicate = await engine.runSql("insert into item values (1, 'again')");
    expect(duplicate).toMatchObject({
      ok: false,
      cancelled: false,
      error: {
        code: '23505',
        severity: 'ERROR',
        detail: 'Key (id)=(1) already exists.',
        constraint: 'item_pkey',
        table: 'item',
        schema: 'public',
      },
    });

    const sql = 'select 1;\nselect nope(1)';
    const missing = await engine.runSql(sql);
    if (missing.ok) throw new Error('expected an error');
    expect(missing.error.code).toBe('42883');
    expect(missing.error.hint).toMatch(/No function matches/);
    expect(missing.error.position).toBe(18);
    expect(sql.slice(missing.offset)).toMatch(/^nope/);
  });

  it('returns no results for empty input or lone comments', async () => {
    expect(success(await engine.runSql('  -- nothing to run\n;;')).results).toEqual([]);
  });

  it('passes notices through', async () => {
    const outcome = success(await engine.runSql("do $$ begin raise notice 'hello %', 42; end $$"));
    expect(outcome.notices).toEqual([
      expect.objectContaining({ message: 'hello 42', severity: 'NOTICE' }),
    ]);
  });

  it('does not let an open or aborted transaction break the next check', async () => {
    const [defaultPath] = success(await engine.runSql("select current_setting('search_path')"))
      .results[0]!.rows[0]!;
    success(await engine.runSql('SET search_path = nowhere'));
    success(await engine.runSql('BEGIN; CREATE TABLE public.half_done (id integer);'));
    expect(await check(GOOD.statements)).toMatchObject({ ok: true, strategy: 'batch' });
    const after = success(
      await engine.runSql("select current_setting('search_path'), count(*) from sales.customer"),
    );
    expect(after.results[0]?.rows[0]).toEqual([defaultPath, 0]);
    expect(
      success(await engine.runSql("select to_regclass('public.half_done')")).results[0]?.rows,
    ).toEqual([[null]]);

    const aborted = await engine.runSql('BEGIN; select 1/0;');
    expect(aborted.ok ? '' : aborted.error.code).toBe('22012');
    expect((await check(GOOD.statements)).ok).toBe(true);
  });

  it('resets a 1,000-table database (more locks than one DROP SCHEMA can take)', async () => {
    let sql = '';
    for (let i = 0; i < 1000; i++) {
      sql += `CREATE TABLE big_${i} (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        name text NOT NULL, parent_id bigint, created_at timestamptz NOT NULL DEFAULT now());
        CREATE INDEX big_${i}_name_idx ON big_${i} (name);\n`;
      if (i > 0)
        sql += `ALTER TABLE big_${i} ADD FOREIGN KEY (parent_id) REFERENCES big_${i - 1};\n`;
    }
    success(await engine.runSql(sql));
    // One DROP SCHEMA public CASCADE fails here with "out of shared memory".
    expect(await check(GOOD.statements)).toMatchObject({ ok: true });
    const left = await db.query<{ n: number }>(
      "select count(*)::int as n from pg_class where relname like 'big\\_%'",
    );
    expect(left.rows[0]?.n).toBe(0);
  });

  it('survives an event trigger that forbids DDL', async () => {
    success(
      await engine.runSql(`
        create function public.no_drops() returns event_trigger language plpgsql
          as $$ begin raise exception 'DDL is forbidden'; end $$;
        create event trigger no_drops on ddl_command_start execute function public.no_drops();`),
    );
    expect((await check(GOOD.statements)).ok).toBe(true);
    expect((await check(GOOD.statements)).ok).toBe(true);
  });
});

describe('applyChange: the verdict on an edit from the state a clean check left', () => {
  const base = () =>
    ddl([
      ['t_a', 'CREATE TABLE a (id integer PRIMARY KEY);'],
      ['t_b', 'CREATE TABLE b (id integer PRIMARY KEY, a_id integer REFERENCES a);'],
    ]).statements;
  const columnsOf = async (table: string) =>
    (
      await db.query<{ attname: string }>(
        `SELECT attname FROM pg_attribute WHERE attrelid = '${table}'::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attnum`,
      )
    ).rows.map((r) => r.attname);

  it('applies a change on top of a clean check, and again on top of that', async () => {
    const checked = await check(base());
    expect(checked.ok).toBe(true);
    const token = checked.baseline as number;
    expect(token).toBeTypeOf('number');
    const first = await engine.applyChange(['ALTER TABLE a ADD COLUMN name text;'], token);
    expect(first).toMatchObject({ applied: true });
    if (!first.applied) return;
    const second = await engine.applyChange(
      ['ALTER TABLE b ADD COLUMN note text;'],
      first.baseline,
    );
    expect(second).toMatchObject({ applied: true });
    expect(await columnsOf('a')).toEqual(['id', 'name']);
    expect(await columnsOf('b')).toEqual(['id', 'a_id', 'note']);
    // The older state is gone: its name no longer applies.
    expect(await engine.applyChange(['SELECT 1;'], token)).toMatchObject({
      applied: false,
      reason: 'stale',
    });
  });

  it('a refused step leaves nothing of the change, with Postgres error fields, and the baseline stands', async () => {
    const token = (await check(base())).baseline as number;
    const refused = await engine.applyChange(
      ['ALTER TABLE a ADD COLUMN kept_out text;', 'ALTER TABLE b ADD COLUMN x no_such_type;'],
      token,
    );
    expect(refused).toMatchObject({ applied: false, reason: 'failed', error: { code: '42704' } });
    expect(await columnsOf('a')).toEqual(['id']);
    expect(await engine.applyChange(['ALTER TABLE a ADD COLUMN y text;'], token)).toMatchObject({
      applied: true,
    });
  });

  it('console SQL and a check with errors make the baseline stale', async () => {
    const token = (await check(base())).baseline as number;
    await engine.runSql('SELECT 1');
    expect(await engine.applyChange([], token)).toMatchObject({ applied: false, reason: 'stale' });
    const again = (await check(base())).baseline as number;
    const failed = await check([
      ...base(),
      ...ddl([['t_c', 'CREATE TABLE c (x no_such_type);']]).statements,
    ]);
    expect(failed.ok).toBe(false);
    expect(failed.baseline).toBeUndefined();
    expect(await engine.applyChange([], again)).toMatchObject({ applied: false, reason: 'stale' });
  });
});
