import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  classifyStatement,
  PGLITE_CONTRIB,
  preprocessScript,
  type Decision,
} from '../../core/import';
import { missingLoaders } from './contribModules';
import { loadParser } from './pgParser';
import { byteToUnitMapper, splitStatements } from './splitStatements';

async function split(sql: string) {
  return splitStatements(await loadParser(), preprocessScript(sql));
}

describe('splitStatements', () => {
  it('uses PostgreSQL’s grammar, and converts its byte offsets to string offsets', async () => {
    const sql =
      "-- café ☕\nCREATE TABLE \"naïve📦\" (a text DEFAULT 'é;');\n/* ü */ SELECT 1;;\nSELECT 'x'";
    const statements = await split(sql);
    expect(statements.map((s) => s.text)).toEqual([
      'CREATE TABLE "naïve📦" (a text DEFAULT \'é;\')',
      'SELECT 1',
      "SELECT 'x'",
    ]);
    for (const s of statements) expect(sql.slice(s.from, s.to)).toBe(s.text);
    expect(statements.map((s) => s.tree?.type)).toEqual(['CreateStmt', 'SelectStmt', 'SelectStmt']);
  });

  it('falls back to psql’s split when the script has a syntax error, and still finds the rest', async () => {
    const sql = 'CREATE TABLE a (x int);\nCREATE TABLE é (x int) oops;\nCREATE TABLE c (x int);';
    const statements = await split(sql);
    expect(
      statements.map((s) => [s.text.slice(0, 14), s.tree?.type, s.syntaxError?.message]),
    ).toEqual([
      ['CREATE TABLE a', 'CreateStmt', undefined],
      ['CREATE TABLE é', undefined, 'syntax error at or near "oops"'],
      ['CREATE TABLE c', 'CreateStmt', undefined],
    ]);
    // The position counts characters (as PostgreSQL's do), not bytes: "é" is one.
    expect(statements[1]?.syntaxError?.position).toBe('CREATE TABLE é (x int) '.length + 1);
  });

  it('maps UTF-8 byte offsets to UTF-16 offsets, astral characters included', () => {
    const map = byteToUnitMapper('aé📦b');
    expect([0, 1, 3, 7, 8].map(map)).toEqual([0, 1, 2, 4, 5]);
  });
});

describe('classifyStatement on real parse trees', () => {
  const roles = new Set(['postgres', 'pg_database_owner']);
  async function decide(sql: string, skippedExtensions: string[] = []): Promise<Decision> {
    const [statement] = await split(sql);
    if (!statement?.tree) throw new Error(`no tree for ${sql}`);
    return classifyStatement(statement.tree, statement.text, {
      roles,
      skippedExtensions: new Set(skippedExtensions),
    });
  }

  it('skips databases, transactions, roles and data, with reasons', async () => {
    expect(await decide('CREATE DATABASE x')).toMatchObject({ action: 'skip', kind: 'database' });
    expect(await decide('DROP DATABASE IF EXISTS x')).toMatchObject({
      action: 'skip',
      kind: 'database',
    });
    expect(await decide('BEGIN')).toMatchObject({ action: 'skip', kind: 'transaction' });
    expect(await decide('CREATE ROLE anon NOLOGIN')).toMatchObject({
      action: 'skip',
      kind: 'role',
    });
    expect(await decide('INSERT INTO t VALUES (1)')).toMatchObject({
      action: 'skip',
      kind: 'data',
    });
    expect(await decide('COPY t (a) FROM stdin')).toMatchObject({ action: 'skip', kind: 'data' });
    expect(await decide('CREATE TABLE t (a int)')).toEqual({ action: 'run' });
    expect(await decide("SELECT pg_catalog.set_config('search_path', '', false)")).toEqual({
      action: 'run',
    });
  });

  it('runs ownership and grants to roles that exist, and skips those naming roles that do not', async () => {
    expect(await decide('ALTER TABLE public.t OWNER TO postgres')).toEqual({ action: 'run' });
    expect(await decide('GRANT ALL ON SCHEMA public TO PUBLIC')).toEqual({ action: 'run' });
    const skipped = await decide('GRANT SELECT ON t TO anon, authenticated');
    expect(skipped).toMatchObject({ action: 'skip', kind: 'role' });
    expect(skipped.action === 'skip' && skipped.reason).toMatch(
      /"anon", "authenticated", which do not exist/,
    );
    expect(await decide('ALTER FUNCTION f() OWNER TO supabase_admin')).toMatchObject({
      action: 'skip',
      kind: 'role',
    });
    expect(await decide('SET ROLE supabase_admin')).toMatchObject({ action: 'skip', kind: 'role' });
    expect(await decide('CREATE SCHEMA IF NOT EXISTS auth AUTHORIZATION supabase_admin')).toEqual({
      action: 'rewrite',
      sql: 'CREATE SCHEMA IF NOT EXISTS auth',
      note: expect.stringMatching(/without AUTHORIZATION/),
    });
  });

  it('skips extensions PGlite lacks and what names them; keeps the UTF-8 client encoding', async () => {
    expect(await decide('CREATE EXTENSION IF NOT EXISTS pg_trgm')).toEqual({ action: 'run' });
    expect(await decide('CREATE EXTENSION postgis')).toMatchObject({
      action: 'skip',
      kind: 'extension',
      extension: 'postgis',
    });
    expect(await decide("COMMENT ON EXTENSION postgis IS 'x'", ['postgis'])).toMatchObject({
      action: 'skip',
      kind: 'dependent',
    });
    expect(await decide("SET client_encoding = 'UTF8'")).toEqual({ action: 'run' });
    expect(await decide('SET CLIENT_ENCODING=latin1')).toMatchObject({ action: 'skip' });
  });
});

describe('contrib modules', () => {
  it('has a loader, and a file in PGlite, for every extension core lists', () => {
    expect(missingLoaders()).toEqual([]);
    const contrib = fileURLToPath(
      new URL('../../../node_modules/@electric-sql/pglite/dist/contrib/', import.meta.url),
    );
    // pgvector is published beside PGlite, as its own package.
    const elsewhere: Record<string, string> = {
      vector: '../../../node_modules/@electric-sql/pglite-pgvector/dist/index.js',
    };
    for (const module of Object.values(PGLITE_CONTRIB)) {
      const file = elsewhere[module]
        ? fileURLToPath(new URL(elsewhere[module], import.meta.url))
        : `${contrib}${module}.js`;
      expect(existsSync(file), module).toBe(true);
    }
  });
});
