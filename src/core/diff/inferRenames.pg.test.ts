import { describe, expect, it } from 'vitest';
import { designColumnOrder, designFromSql, runWithRows } from '../../test/renameHarness';
import { useTestDb } from '../../test/pglite';
import { applyRenames } from './applyRenames';
import { columnOrderDifferences } from './columnOrder';
import { inferRenames } from './inferRenames';
import { planMigration } from './plan';
import { describeRename, NO_RENAMES, renameFlag } from './renames';
import type { MigrationStep } from './types';

const db = useTestDb();

const OLD = `
CREATE TABLE artist (id integer PRIMARY KEY, name text NOT NULL, country text);
CREATE TABLE album (
  id integer PRIMARY KEY,
  title text NOT NULL,
  artist_id integer NOT NULL REFERENCES artist (id),
  released date
);
CREATE INDEX album_artist_id_idx ON album (artist_id);`;

/** Both files read as `diff` reads them, the inference, and its renames applied to the new one. */
async function infer(oldSql: string, newSql: string) {
  const a = await designFromSql(await db(), oldSql);
  const b = await designFromSql(await db(), newSql);
  const found = inferRenames(a, b, NO_RENAMES);
  return { a, b, found, renamed: applyRenames(a, b, found) };
}

const described = (found: Awaited<ReturnType<typeof infer>>['found']) =>
  [...found.tables, ...found.columns].map(describeRename);

describe('inferRenames between two SQL files', () => {
  it('finds a renamed column, and the migration renames it: its values survive, NOT NULL and all', async () => {
    const { a, found, renamed } = await infer(OLD, OLD.replace('title text', 'name text'));
    expect(described(found)).toEqual(['column album.title -> name']);
    expect(found.columns[0]).toMatchObject({
      source: 'inferred',
      reason: 'same type, nullability, default and keys',
    });
    expect(renameFlag(found.columns[0]!)).toBe('album.title=name');
    expect(found.ambiguous).toEqual([]);
    const { up } = planMigration(a, renamed, { mode: 'simple' });
    expect(up.map((s) => s.sql)).toEqual([
      'ALTER TABLE album RENAME COLUMN title TO name;',
      'ALTER TABLE album RENAME CONSTRAINT album_title_not_null TO album_name_not_null;',
    ]);
    const run = await runWithRows(await db(), a, renamed, up);
    expect(run.filledTables).toBe(2);
    expect(run.lost).toEqual([]);
    expect(run.survived).toContain('album.title -> album.name');
    expect(run.columnOrder).toEqual(designColumnOrder(renamed));
  });

  it('without renames the same files drop the column (the old behaviour, and why renames matter)', async () => {
    const a = await designFromSql(await db(), OLD);
    const b = await designFromSql(await db(), OLD.replace('title text', 'name text'));
    const { up } = planMigration(a, b, { mode: 'simple' });
    expect(up.map((s) => s.sql)).toContain('ALTER TABLE album DROP COLUMN title;');
    // The new NOT NULL column cannot be added to a table with rows.
    await expect(runWithRows(await db(), a, b, up)).rejects.toThrow(/contains null values/);
  });

  it('finds a renamed table and follows through: its key, its index, the foreign key onto it', async () => {
    const next = OLD.replaceAll('album', 'record');
    const { a, found, renamed } = await infer(OLD, next);
    expect(described(found)).toEqual(['table album -> record']);
    const { up } = planMigration(a, renamed, { mode: 'simple' });
    const sql = up.map((s) => s.sql);
    expect(sql).toContain('ALTER TABLE album RENAME TO record;');
    expect(sql).toContain('ALTER TABLE record RENAME CONSTRAINT album_pkey TO record_pkey;');
    expect(sql).toContain('ALTER INDEX album_artist_id_idx RENAME TO record_artist_id_idx;');
    expect(sql.some((s) => /DROP|CREATE/.test(s))).toBe(false);
    const run = await runWithRows(await db(), a, renamed, up);
    expect(run.lost).toEqual([]);
    expect(run.survived).toContain('album.title -> record.title');
    expect(run.survived).toHaveLength(7);
  });

  it('finds a table renamed along with one of its columns, and a foreign key that follows it', async () => {
    const next = OLD.replaceAll('artist', 'singer').replace('country text', 'nation text');
    const { a, found, renamed } = await infer(OLD, next);
    expect(described(found)).toEqual([
      'table artist -> singer',
      'column artist.country -> nation',
      'column album.artist_id -> singer_id',
    ]);
    const { up } = planMigration(a, renamed, { mode: 'safe' });
    expect(up.some((s) => /DROP (TABLE|COLUMN)|CREATE TABLE|ADD COLUMN/.test(s.sql))).toBe(false);
    const run = await runWithRows(await db(), a, renamed, up);
    expect(run.lost).toEqual([]);
    expect(run.survived).toHaveLength(7);
    expect(run.columnOrder).toEqual(designColumnOrder(renamed));
  });

  it('breaks a tie by position; what is still tied is reported as ambiguous, not decided', async () => {
    const old = 'CREATE TABLE t (id integer PRIMARY KEY, a text, b text);';
    const { found } = await infer(old, 'CREATE TABLE t (id integer PRIMARY KEY, p text, q text);');
    // Position breaks the tie: a stays first, b second.
    expect(described(found)).toEqual(['column t.a -> p', 'column t.b -> q']);
    expect(found.columns[0]!.reason).toBe(
      'same type, nullability, default and keys; the closest of 2 candidates',
    );
    const tied = await infer(
      // a and b are as near to x, and as unlike it by name.
      'CREATE TABLE t (id integer PRIMARY KEY, a text, c integer, b text);',
      'CREATE TABLE t (id integer PRIMARY KEY, c integer, x text);',
    );
    expect(tied.found.columns).toEqual([]);
    expect(tied.found.ambiguous).toEqual([
      { entity: 'column', schema: 'public', table: 't', dropped: ['a', 'b'], added: ['x'] },
    ]);
  });

  it('reports two tables of the same shape as ambiguous', async () => {
    const { found } = await infer(
      'CREATE TABLE a1 (id integer, v text); CREATE TABLE a2 (id integer, v text);',
      'CREATE TABLE b1 (id integer, v text); CREATE TABLE b2 (id integer, v text);',
    );
    expect(found.tables).toEqual([]);
    expect(found.ambiguous).toEqual([
      { entity: 'table', schema: 'public', dropped: ['a1', 'a2'], added: ['b1', 'b2'] },
    ]);
  });

  it('sees no rename where the type, the nullability or the keys changed', async () => {
    for (const next of [
      OLD.replace('title text NOT NULL', 'name varchar(50) NOT NULL'),
      OLD.replace('title text NOT NULL', 'name text'),
      OLD.replace('released date', 'issued date UNIQUE'),
    ]) {
      const { found } = await infer(OLD, next);
      expect(found).toEqual({ tables: [], columns: [], ambiguous: [], pairedByName: [] });
    }
  });

  it('a rename that moves the column: renamed, and the order PostgreSQL cannot give is reported', async () => {
    const next = OLD.replace(
      'title text NOT NULL,\n  artist_id integer NOT NULL REFERENCES artist (id),',
      'artist_id integer NOT NULL REFERENCES artist (id),\n  name text NOT NULL,',
    );
    const { a, found, renamed } = await infer(OLD, next);
    expect(described(found)).toEqual(['column album.title -> name']);
    expect(columnOrderDifferences(a, renamed)).toEqual([
      {
        schema: 'public',
        table: 'album',
        migrated: ['id', 'name', 'artist_id', 'released'],
        expected: ['id', 'artist_id', 'name', 'released'],
      },
    ]);
    const { up } = planMigration(a, renamed, { mode: 'simple' });
    const run = await runWithRows(await db(), a, renamed, up);
    expect(run.lost).toEqual([]);
    // What the report predicted is what PostgreSQL has.
    expect(run.columnOrder).toContain('album: id, name, artist_id, released');
  });
});

describe('the rows oracle', () => {
  it('sees values that did not survive (a column dropped and added again), and the order PostgreSQL has', async () => {
    const a = await designFromSql(
      await db(),
      'CREATE TABLE t (id integer PRIMARY KEY, a text, b text);',
    );
    const step = (sql: string): MigrationStep => ({
      sql,
      description: sql,
      lock: 'ACCESS EXCLUSIVE',
      transactional: true,
      entityIds: [],
    });
    const up = [step('ALTER TABLE t DROP COLUMN a;'), step('ALTER TABLE t ADD COLUMN a text;')];
    const run = await runWithRows(await db(), a, a, up);
    expect(run.filledTables).toBe(1);
    expect(run.lost).toEqual(['t.a -> t.a']);
    expect(run.survived).toEqual(['t.id -> t.id', 't.b -> t.b']);
    expect(run.columnOrder).toEqual(['t: id, b, a']);
  });
});
