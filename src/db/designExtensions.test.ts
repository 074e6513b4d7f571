import { describe, expect, it } from 'vitest';
import type { DdlStatement } from '../core/sql/types';
import { snapshotFactory } from '../test/fidelity';
import { extensionNamesIn } from './designExtensions';
import { createEngine } from './engine';

const statement = (sql: string): DdlStatement => ({
  kind: 'extra',
  sql,
  from: 0,
  to: sql.length,
  entityId: 'x',
});

describe('design database extensions', () => {
  it('finds the extensions DDL creates', () => {
    expect(
      extensionNamesIn([
        'CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;',
        'create extension "uuid-ossp";\nCREATE EXTENSION Citext;',
        "COMMENT ON EXTENSION hstore IS 'CREATE EXTENSION is not here';",
      ]),
    ).toEqual(['pg_trgm', 'uuid-ossp', 'citext', 'is']);
  });

  it('starts a database with the contrib modules a design needs, then checks it there', async () => {
    const create = await snapshotFactory();
    const first = await create({});
    const engine = createEngine(first, { reopenWith: create });
    const ddl = [
      statement('CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;'),
      statement('CREATE TABLE t (a text);'),
      statement('CREATE INDEX t_a ON t USING gin (a gin_trgm_ops);'),
    ];
    expect(await engine.checkSchema(ddl)).toMatchObject({ ok: true, errors: [] });
    // The same database serves queries afterwards, and a second check does not restart it.
    expect(await engine.runSql("SELECT similarity('abc', 'abd') > 0 AS close")).toMatchObject({
      ok: true,
      results: [{ rows: [[true]] }],
    });
    expect(await engine.checkSchema(ddl)).toMatchObject({ ok: true });
  }, 120_000);
});
