import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resetDatabase, useTestDb } from '../../test/pglite';
import type { Design, Table } from '../model/schema';
import { generateDdl } from '../sql/generateDdl';
import { readCatalog, readCatalogWithNotes } from './readCatalog';

const db = useTestDb();
const FIXTURES = '/work/shared/fixtures/schemas/';

/** Resets, runs `sql`, reads the catalog back. */
async function load(sql: string) {
  const pg = await db();
  await resetDatabase(pg);
  await pg.exec(sql);
  return readCatalogWithNotes(pg);
}

function tableNamed(design: Design, name: string): Table {
  const table = Object.values(design.tables).find((t) => t.name === name);
  if (!table) throw new Error(`no table ${name}`);
  return table;
}

describe('readCatalog on real schemas', () => {
  for (const fixture of ['northwind.sql', 'chinook.pglite.sql']) {
    it(`${fixture}: catalog -> DDL -> catalog gives the same design`, async () => {
      const first = await load(readFileSync(FIXTURES + fixture, 'utf8'));
      expect(first.notes).toEqual([]);
      expect(Object.keys(first.design.tables).length).toBeGreaterThan(10);
      const ddl = generateDdl(first.design);
      expect(ddl.problems).toEqual([]);
      const second = await load(ddl.text);
      // Ids derive from names, so even they must match.
      expect(second.design).toEqual(first.design);
    });
  }

  it('pagila: says what the design cannot hold', async () => {
    const { design, notes } = await load(readFileSync(FIXTURES + 'pagila.pglite.sql', 'utf8'));
    const messages = notes.map((n) => n.message).join('\n');
    expect(messages).toContain('The table "payment" is partitioned');
    expect(messages).toContain('"length_hours" of table "film" is a VIRTUAL generated column');
    expect(messages).toContain('domain type public.year');
    // pg_dump output empties search_path for the session, so names come back schema-qualified.
    expect(messages).toContain('sequence public.customer_customer_id_seq');
    // Partitions are not read as tables of their own.
    expect(Object.values(design.tables).some((t) => t.name.startsWith('payment_p20'))).toBe(false);
    expect(tableNamed(design, 'film').columns.map((c) => c.name)).toContain('fulltext');
  });
});

describe('readCatalog details', () => {
  it('reads serial columns back as serial, and other sequence defaults as defaults', async () => {
    const { design, notes } = await load(`
      CREATE SEQUENCE from_100 START 100;
      CREATE TABLE t (a serial, b bigserial, c smallserial, d integer DEFAULT nextval('from_100'));`);
    const columns = tableNamed(design, 't').columns;
    expect(columns.map((c) => [c.type, c.default, c.nullable])).toEqual([
      ['serial', undefined, false],
      ['bigserial', undefined, false],
      ['smallserial', undefined, false],
      ['integer', "nextval('from_100'::regclass)", true],
    ]);
    expect(notes.map((n) => n.message)).toEqual([expect.stringContaining('sequence from_100')]);
  });

  it('takes check and exclusion text from pg_get_constraintdef, and skips constraint-backed indexes', async () => {
    const { design } = await load(`
      CREATE TABLE r (id int PRIMARY KEY, during tstzrange, n int,
        CONSTRAINT positive CHECK (n > 0) NO INHERIT,
        CONSTRAINT no_overlap EXCLUDE USING gist (during WITH &&) WHERE (n IS NOT NULL));
      ALTER TABLE r ADD CONSTRAINT later CHECK (n < 100) NOT VALID;
      CREATE TABLE s (r_id int REFERENCES r, CONSTRAINT s_r_key UNIQUE NULLS NOT DISTINCT (r_id));
      CREATE UNIQUE INDEX s_r_id_idx ON s (r_id) WHERE r_id > 0;`);
    const r = tableNamed(design, 'r');
    expect(
      r.constraints.map((k) =>
        k.kind === 'check' ? k.expression : k.kind === 'exclude' ? k.definition : k.kind,
      ),
    ).toEqual([
      'primaryKey',
      'n > 0',
      'n < 100',
      'USING gist (during WITH &&) WHERE (n IS NOT NULL)',
    ]);
    expect(r.indexes).toEqual([]);
    const s = tableNamed(design, 's');
    expect(
      s.constraints.map((k) => [
        k.kind,
        k.name,
        k.kind === 'unique' ? k.nullsNotDistinct : undefined,
      ]),
    ).toEqual([
      ['unique', 's_r_key', true],
      ['foreignKey', 's_r_id_fkey', undefined],
    ]);
    expect(s.indexes.map((ix) => [ix.name, ix.unique, ix.where])).toEqual([
      ['s_r_id_idx', true, 'r_id > 0'],
    ]);
  });

  it('reads collations by name, including names with dots, and they generate back', async () => {
    const { design } = await load(
      `CREATE TABLE c (a text COLLATE "C", b text COLLATE "C.utf8", c text COLLATE ucs_basic, d text);`,
    );
    expect(tableNamed(design, 'c').columns.map((c) => c.collation)).toEqual([
      'C',
      'C.utf8',
      'ucs_basic',
      undefined,
    ]);
    expect(generateDdl(design).text).toContain('b text COLLATE "C.utf8"');
    const again = await load(generateDdl(design).text);
    expect(again.design).toEqual(design);
  });

  it("keeps comments, and leaves out PostgreSQL's own comment on public", async () => {
    const pg = await db();
    await resetDatabase(pg);
    await pg.exec(`COMMENT ON SCHEMA public IS 'standard public schema';
      CREATE TYPE mood AS ENUM ('ok'); COMMENT ON TYPE mood IS 'How it''s going';
      CREATE TABLE t (a int); COMMENT ON TABLE t IS 'T'; COMMENT ON COLUMN t.a IS E'back\\\\slash';`);
    const design = await readCatalog(pg);
    expect(design.schemas.s_public).toEqual({ id: 's_public', name: 'public' });
    expect(Object.values(design.enums)[0]?.comment).toBe("How it's going");
    expect(tableNamed(design, 't').comment).toBe('T');
    expect(tableNamed(design, 't').columns[0]?.comment).toBe('back\\slash');
  });

  it('gives the same ids when reading the same database twice', async () => {
    const pg = await db();
    const first = await readCatalog(pg);
    const second = await readCatalog(pg);
    expect(second).toEqual(first);
    expect(Object.keys(first.tables)[0]).toMatch(/^t_[0-9a-z]{11}$/);
  });
});
