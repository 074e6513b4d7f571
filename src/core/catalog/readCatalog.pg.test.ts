import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resetDatabase, useTestDb } from '../../test/pglite';
import type { Design, Table } from '../model/schema';
import { loadGoldenCases } from '../../test/ddlGoldenCases';
import { generateDdl } from '../sql/generateDdl';
import { readCatalog, readCatalogWithNotes } from './readCatalog';

const db = useTestDb();
const FIXTURES = fileURLToPath(new URL('../../../../shared/fixtures/schemas/', import.meta.url));

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

  it('pagila: partitions, virtual columns, domains and sequences are kept', async () => {
    const { design, notes } = await load(readFileSync(FIXTURES + 'pagila.pglite.sql', 'utf8'));
    expect(notes).toEqual([]);
    const payment = tableNamed(design, 'payment');
    expect(payment.partitionBy).toBe('RANGE (payment_date)');
    const partition = tableNamed(design, 'payment_p2022_01');
    expect(partition.partitionOf).toEqual({
      tableId: payment.id,
      bound: "FOR VALUES FROM ('2022-01-01 00:00:00+00') TO ('2022-02-01 00:00:00+00')",
    });
    const length = tableNamed(design, 'film').columns.find((c) => c.name === 'length_hours');
    expect(length?.generatedKind).toBe('virtual');
    const extras = design.extras ?? [];
    const kinds = (kind: string) => extras.filter((x) => x.kind === kind).map((x) => x.name);
    expect(kinds('domain')).toEqual(['bıgınt', 'year']);
    // pg_dump output empties search_path for the session, so names come back schema-qualified.
    expect(kinds('sequence')).toContain('customer_customer_id_seq');
    expect(kinds('view')).toContain('actor_info');
    expect(kinds('materializedView')).toEqual(['rental_by_category']);
    expect(kinds('aggregate')).toEqual(['group_concat(text)']);
    expect(kinds('trigger')).toContain('film_fulltext_trigger');
    // A view's columns are there for the canvas.
    const actorInfo = extras.find((x) => x.name === 'actor_info');
    expect(actorInfo?.columns?.map((c) => c.name)).toEqual([
      'actor_id',
      'first_name',
      'last_name',
      'film_info',
    ]);
    // Views come after what they read, in dependency order.
    const index = (name: string) => extras.findIndex((x) => x.name === name);
    expect(index('_group_concat(text, text)')).toBeLessThan(index('group_concat(text)'));
  });
});

describe('readCatalog round trip of what the model keeps verbatim', () => {
  it('the extras-and-partitions golden design -> DDL -> catalog gives the same design', async () => {
    const golden = loadGoldenCases().find((c) => c.name === 'extras-and-partitions');
    if (!golden) throw new Error('golden case extras-and-partitions is missing');
    const ddl = generateDdl(golden.design);
    expect(ddl.problems).toEqual([]);
    const { design, notes } = await load(ddl.text);
    expect(notes).toEqual([]);
    expect({ ...design, id: golden.design.id, name: golden.design.name }).toEqual(golden.design);
  });
});

describe('readCatalog details', () => {
  it('reads serial columns back as serial, and other sequence defaults as defaults', async () => {
    const { design, notes } = await load(`
      CREATE SEQUENCE from_100 START 100;
      CREATE TABLE t (a serial, b bigserial, c smallserial, d integer DEFAULT nextval('from_100'));
      CREATE TABLE "a_very_long_table_name_that_goes_on_and_on_and_on" ("and_a_long_column_name_too_that_goes_on" serial);`);
    const columns = tableNamed(design, 't').columns;
    expect(columns.map((c) => [c.type, c.default, c.nullable])).toEqual([
      ['serial', undefined, false],
      ['bigserial', undefined, false],
      ['smallserial', undefined, false],
      ['integer', "nextval('from_100'::regclass)", true],
    ]);
    expect(notes).toEqual([]);
    expect(design.extras?.map((x) => [x.kind, x.name])).toEqual([['sequence', 'from_100']]);
    // serial truncates long names the way PostgreSQL's makeObjectName does.
    expect(
      tableNamed(design, 'a_very_long_table_name_that_goes_on_and_on_and_on').columns[0]?.type,
    ).toBe('serial');
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

  it('names what it cannot keep yet (operators, text search configurations, ...)', async () => {
    const { notes } = await load(`
      CREATE FUNCTION f_eq(int, int) RETURNS boolean LANGUAGE sql AS 'SELECT $1 = $2';
      CREATE OPERATOR === (LEFTARG = int, RIGHTARG = int, FUNCTION = f_eq);
      CREATE TEXT SEARCH CONFIGURATION my_cfg (COPY = english);`);
    expect(notes.map((n) => n.message)).toEqual([
      'The design does not keep operators yet, so these are left out: ===(integer,integer).',
      'The design does not keep text search configurations yet, so these are left out: my_cfg.',
    ]);
  });
});
