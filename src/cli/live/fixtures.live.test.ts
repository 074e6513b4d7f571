/**
 * Every real-world fixture (the shared corpus and the project's own) loaded into a real
 * PostgreSQL server with psql, pulled with `tablewright pull`, and the design's DDL run in a fresh
 * database on the same server: both catalogs must be the same (src/test/catalogSnapshot.ts, the
 * import fidelity test's comparison). Then `check` finds no drift between the two.
 *
 * A fixture the server cannot load as written is in EXCLUDED with the reason, and the test holds
 * that it still fails for exactly that reason; where the corpus has a `.pglite.sql` companion
 * that the server can load, the companion is pulled instead.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDesign } from '../../core/model';
import { generateDdl } from '../../core/sql';
import { diffSnapshots } from '../../test/catalogSnapshot';
import {
  FIXTURE_NAMES,
  FIXTURES_DIR,
  PROJECT_FIXTURE_NAMES,
  PROJECT_FIXTURES_DIR,
} from '../../test/fixtureDesigns';
import { startLivePostgres, type LivePostgres } from '../../test/livePostgres';
import { catalogSnapshotAt, cli } from './liveTesting';

/** Fixtures Debian's PostgreSQL cannot load as written, and the error that says why. */
const EXCLUDED: Record<string, { why: string; error: RegExp; companion: boolean }> = {
  openstreetmap: {
    why: 'needs PostGIS, which Debian ships apart (postgresql-15-postgis-3), not with the server',
    error: /extension "postgis" is not available/,
    companion: true,
  },
  supabase: {
    why: "needs Supabase's own extensions (pgsodium, pg_graphql, pgjwt, supabase_vault)",
    error: /extension "pgsodium" is not available/,
    companion: true,
  },
  lago: {
    why: 'needs pg_partman, which Debian ships apart (postgresql-15-partman)',
    error: /extension "pg_partman" is not available/,
    companion: true,
  },
  pagila: {
    why:
      'is a PostgreSQL 18 dump (uuidv7(), VIRTUAL generated columns) and needs pgvector; the ' +
      'server here is 15, and its companion keeps the PostgreSQL 18 parts',
    error: /function uuidv7\(\) does not exist/,
    companion: false,
  },
  philomena: {
    why:
      'is a pg_dump 18 file: it sets transaction_timeout (PostgreSQL 17+), which the server here ' +
      '(15) does not know; its companion only drops the psql \\restrict lines',
    error: /unrecognized configuration parameter "transaction_timeout"/,
    companion: false,
  },
  sanbase: {
    why:
      'is a pg_dump 17 file (transaction_timeout, PostgreSQL 17+) and needs pgvector, which ' +
      'Debian ships apart (postgresql-15-pgvector); its companion only drops the \\restrict lines',
    error: /unrecognized configuration parameter "transaction_timeout"/,
    companion: false,
  },
};

/** Fixtures that create their own database and connect to it (psql's \c). */
const OWN_DATABASE: Record<string, string> = { chinook: 'chinook' };

const FIXTURES = [
  ...FIXTURE_NAMES.map((name) => ({ name, dir: FIXTURES_DIR })),
  ...PROJECT_FIXTURE_NAMES.map((name) => ({ name, dir: PROJECT_FIXTURES_DIR })),
];

let server: LivePostgres;
let dir: string;

beforeAll(async () => {
  server = await startLivePostgres();
  dir = mkdtempSync(join(tmpdir(), 'tablewright-live-fixtures-'));
}, 60_000);

afterAll(async () => {
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const snapshotOf = (database: string) => catalogSnapshotAt(server.url(database));

describe('pull every fixture from a real server', () => {
  it('the list of exclusions names only fixtures that exist', () => {
    const names = FIXTURES.map((f) => f.name);
    for (const name of Object.keys(EXCLUDED)) expect(names).toContain(name);
    expect(FIXTURES.length).toBeGreaterThan(10);
  });

  for (const { name, dir: fixtureDir } of FIXTURES) {
    const title = !EXCLUDED[name]
      ? `${name}: pulled, its DDL gives the same catalog, and check finds no drift`
      : EXCLUDED[name].companion
        ? `${name}: the original fails for its stated reason; the companion is pulled and rebuilt the same`
        : `${name}: fails to load for its stated reason (excluded)`;
    it(
      title,
      async () => {
        const database = `fx_${name.replace(/\W/g, '_')}`;
        await server.createDatabase(database);
        const excluded = EXCLUDED[name];
        let file = join(fixtureDir, `${name}.sql`);
        const loaded = server.psqlFile(file, database);
        if (excluded) {
          // Not a silent skip: it still fails, for the reason given.
          expect(loaded.status, excluded.why).not.toBe(0);
          expect(loaded.stderr, excluded.why).toMatch(excluded.error);
          if (!excluded.companion) return;
          file = join(fixtureDir, `${name}.pglite.sql`);
          expect(existsSync(file)).toBe(true);
          await server.createDatabase(database);
          const companion = server.psqlFile(file, database);
          expect(companion.stderr).not.toMatch(/ERROR/);
          expect(companion.status).toBe(0);
        } else {
          expect(loaded.stderr).not.toMatch(/ERROR/);
          expect(loaded.status).toBe(0);
        }
        const source = OWN_DATABASE[name] ?? database;

        const out = join(dir, `${name}.json`);
        const pulled = await cli(['pull', server.url(source), '-o', out]);
        expect(pulled.code, pulled.stderr).toBe(0);
        const doc = parseDesign(readFileSync(out, 'utf8'));
        if (!doc.ok) throw new Error(doc.error.message);
        expect(Object.keys(doc.value.design.tables).length).toBeGreaterThan(5);

        const ddl = generateDdl(doc.value.design);
        expect(ddl.problems).toEqual([]);
        const rebuilt = `${database}_ddl`;
        await server.createDatabase(rebuilt);
        await server.query(ddl.text, rebuilt);
        const differences = diffSnapshots(await snapshotOf(source), await snapshotOf(rebuilt));
        expect(
          differences,
          differences
            .map((d) => `${d.kind} ${d.key}\n  database: ${d.expected}\n  from DDL: ${d.actual}`)
            .join('\n'),
        ).toEqual([]);

        const check = await cli(['check', out, '--against', server.url(source)]);
        expect(check.stdout).toContain('No drift');
        expect(check.code).toBe(0);
      },
      240_000,
    );
  }
});

describe('check a SQL file against the database loaded from it', () => {
  // The CI use: the repository's structure.sql (read by PGlite, PostgreSQL 18) against the
  // database (PostgreSQL 15 here). Views over one table print differently from 16 on (README).
  for (const name of ['zync', 'northwind']) {
    it(`${name}: no drift across PostgreSQL versions`, async () => {
      const fixture = FIXTURES.find((f) => f.name === name)!;
      const database = `sql_${name}`;
      await server.createDatabase(database);
      const file = join(fixture.dir, `${name}.sql`);
      expect(server.psqlFile(file, database).status).toBe(0);
      const check = await cli(['check', file, '--against', server.url(database)]);
      expect(check.stdout).toContain('No drift');
      expect(check.code).toBe(0);
      // The oracle can fail: the same file against a changed database drifts.
      await server.query(`CREATE TABLE drifted (id int)`, database);
      expect((await cli(['check', file, '--against', server.url(database)])).code).toBe(1);
    }, 240_000);
  }
});
