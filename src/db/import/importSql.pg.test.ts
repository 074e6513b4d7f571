import { beforeAll, describe, expect, it } from 'vitest';
import type { Design } from '../../core/model';
import { snapshotFactory, type CreateDb } from '../../test/fidelity';
import type { ImportProgress } from '../protocol';
import { importSql } from './importSql';

let createDb: CreateDb;
beforeAll(async () => {
  createDb = await snapshotFactory();
}, 120_000);

async function run(sql: string, onProgress?: (p: ImportProgress) => void) {
  const result = await importSql(
    sql,
    { designId: 'd_test', designName: 'Test' },
    { createScratch: createDb },
    onProgress,
  );
  if (!result.ok) throw new Error(result.error.message);
  return result;
}

const tableNames = (design: Design) => Object.values(design.tables).map((t) => t.name);

describe('importSql', () => {
  it('runs statement by statement: a failure undoes nothing, and is reported at its place', async () => {
    const { design, report } = await run(
      [
        'BEGIN;',
        'CREATE TABLE a (x int);',
        '',
        'CREATE TABLE b (x no_such_type);',
        'CREATE TABLE c (x int);',
        'COMMIT;',
      ].join('\n'),
    );
    expect(tableNames(design)).toEqual(['a', 'c']);
    expect(report.statements).toBe(5);
    expect(report.executed).toBe(2);
    expect(report.skipped.map((s) => [s.line, s.text])).toEqual([
      [1, 'BEGIN'],
      [6, 'COMMIT'],
    ]);
    expect(report.failed).toEqual([
      {
        line: 4,
        text: 'CREATE TABLE b (x no_such_type)',
        error: expect.objectContaining({
          code: '42704',
          message: 'type "no_such_type" does not exist',
          position: 19,
        }),
        reason: 'type "no_such_type" does not exist (line 4, column 19)',
        errorLine: 4,
        errorColumn: 19,
      },
    ]);
  });

  it('copes with a pg_dump: meta-commands, COPY data, owners, grants, and an empty search_path', async () => {
    const { design, report } = await run(
      [
        '\\restrict abc',
        "SELECT pg_catalog.set_config('search_path', '', false);",
        "CREATE TABLE public.t (id integer NOT NULL, mood text DEFAULT 'ok'::text);",
        'ALTER TABLE public.t OWNER TO postgres;',
        'COPY public.t (id, mood) FROM stdin;',
        '1\tfine',
        '\\.',
        'GRANT SELECT ON public.t TO anon;',
        '\\unrestrict abc',
      ].join('\n'),
    );
    const t = Object.values(design.tables)[0];
    // Read after RESET: names print as a fresh session prints them (no public. prefix).
    expect(t?.columns[1]?.default).toBe("'ok'::text");
    expect(report.skipped.map((s) => s.line)).toEqual([1, 5, 8, 9]);
    expect(report.skipped[2]?.reason).toMatch(/"anon", which does not exist/);
    expect(report.notes).toContain(
      'The data of 1 COPY … FROM stdin statement (1 row) was skipped: a design keeps no data.',
    );
  });

  it('loads the contrib extensions a script needs, and skips what needs one PGlite lacks', async () => {
    const progress: string[] = [];
    const { design, report } = await run(
      [
        'CREATE EXTENSION IF NOT EXISTS pg_trgm;',
        'CREATE EXTENSION IF NOT EXISTS postgis;',
        'CREATE TABLE docs (body text, place geometry(Point, 4326));',
        'CREATE TABLE notes (body text);',
        'CREATE INDEX notes_body ON notes USING gin (body gin_trgm_ops);',
        'CREATE INDEX docs_body ON docs (body);',
      ].join('\n'),
      (p) => progress.push(p.phase),
    );
    expect(report.extensionsLoaded).toEqual(['pg_trgm']);
    expect(report.extensionsMissing).toEqual(['postgis']);
    expect(tableNames(design)).toEqual(['notes']);
    expect(report.failed).toEqual([]);
    expect(report.skipped.map((s) => [s.line, s.reason])).toEqual([
      [2, expect.stringMatching(/^PGlite does not ship the extension "postgis"/)],
      // Each names the line that asked for the extension, as a failure names where it points.
      [3, 'Needs "geometry" from the extension "postgis" (line 2), which PGlite does not ship.'],
      [
        6,
        'Needs "docs", which does not exist: PGlite does not ship the extension "postgis" (line 2).',
      ],
    ]);
    expect(design.extras?.map((x) => x.sql)).toEqual([
      'CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;',
    ]);
    expect(new Set(progress)).toEqual(new Set(['parse', 'boot', 'execute', 'catalog']));
    expect(report.timings?.totalMs).toBeGreaterThan(0);
  });

  it('lists a run of data statements into one place as one row (Ecto: one INSERT per migration)', async () => {
    const { report } = await run(
      [
        'CREATE TABLE public.schema_migrations (version bigint PRIMARY KEY);',
        'INSERT INTO public."schema_migrations" (version) VALUES (20200503002523);',
        'INSERT INTO public."schema_migrations" (version) VALUES (20200607000511);',
        'INSERT INTO public."schema_migrations" (version) VALUES (20200617111116);',
        // Runs (it is not a data statement the import skips): it ends the run.
        "SELECT pg_catalog.setval('public.a_id_seq', 1, false);",
        'INSERT INTO public."schema_migrations" (version) VALUES (20200617113333);',
        'INSERT INTO public.other (version) VALUES (1);',
      ].join('\n'),
    );
    expect(report.skipped.map((s) => [s.line, s.text, s.reason])).toEqual([
      [
        2,
        'INSERT INTO public."schema_migrations" (version) VALUES (20200503002523)',
        'This only changes data; a design keeps no data. So do the 2 statements like it that follow (to line 4).',
      ],
      [
        6,
        expect.stringMatching(/^INSERT INTO public."schema_migrations"/),
        'This only changes data; a design keeps no data.',
      ],
      [
        7,
        'INSERT INTO public.other (version) VALUES (1)',
        'This only changes data; a design keeps no data.',
      ],
    ]);
  });

  it('loads pgvector: tables with vector columns and their hnsw and ivfflat indexes are kept', async () => {
    const { design, report } = await run(
      [
        'CREATE EXTENSION IF NOT EXISTS vector WITH SCHEMA public;',
        "COMMENT ON EXTENSION vector IS 'vector data type and ivfflat and hnsw access methods';",
        'CREATE TABLE public.chunks (id bigint PRIMARY KEY, embedding public.vector(1536) NOT NULL,',
        '  half public.halfvec(3), sparse public.sparsevec(5), stale boolean);',
        'CREATE INDEX chunks_embedding ON public.chunks USING hnsw (embedding public.vector_cosine_ops)',
        '  WITH (m = 16) WHERE (stale = false);',
        'CREATE INDEX chunks_half ON public.chunks USING ivfflat (half halfvec_l2_ops);',
      ].join('\n'),
    );
    expect(report.skipped).toEqual([]);
    expect(report.failed).toEqual([]);
    expect(report.extensionsLoaded).toEqual(['vector']);
    expect(report.notes).toEqual([
      'Index "chunks_embedding" on table "chunks" is kept as SQL: it uses the hnsw access method.',
      'Index "chunks_half" on table "chunks" is kept as SQL: it uses the ivfflat access method.',
    ]);
    const chunks = Object.values(design.tables).find((t) => t.name === 'chunks');
    expect(chunks?.columns.map((c) => [c.name, c.type, c.nullable])).toEqual([
      ['id', 'bigint', false],
      ['embedding', 'vector(1536)', false],
      ['half', 'halfvec(3)', true],
      ['sparse', 'sparsevec(5)', true],
      ['stale', 'boolean', true],
    ]);
    expect(design.extras?.map((x) => x.sql)).toEqual([
      'CREATE EXTENSION IF NOT EXISTS vector WITH SCHEMA public;',
      "CREATE INDEX chunks_embedding ON public.chunks USING hnsw (embedding vector_cosine_ops) WITH (m='16') WHERE (stale = false);",
      'CREATE INDEX chunks_half ON public.chunks USING ivfflat (half halfvec_l2_ops);',
    ]);
  });

  it('runs CREATE SCHEMA ... AUTHORIZATION a missing role without the clause', async () => {
    const { design, report } = await run(
      'CREATE SCHEMA auth AUTHORIZATION supabase_admin;\nCREATE TABLE auth.users (id uuid);',
    );
    expect(Object.values(design.schemas).map((s) => s.name)).toEqual(['public', 'auth']);
    expect(report.notes).toEqual([
      expect.stringMatching(/^Line 1: Ran without AUTHORIZATION: role "supabase_admin"/),
    ]);
  });

  it('reports a script with syntax errors statement by statement', async () => {
    const { design, report } = await run(
      'CREATE TABLE ok1 (x int);\nCREATE TABLE bad (x int,);\nCREATE TABLE ok2 (x int);',
    );
    expect(tableNames(design)).toEqual(['ok1', 'ok2']);
    expect(report.failed.map((f) => [f.line, f.error.code, f.errorColumn])).toEqual([
      [2, '42601', 25],
    ]);
  });
});
