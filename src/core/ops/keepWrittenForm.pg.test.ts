import { describe, expect, it } from 'vitest';
import { resetDatabase, useTestDb } from '../../test/pglite';
import { readCatalog } from '../catalog/readCatalog';
import { exampleDocument, type Design } from '../model';
import { generateDdl } from '../sql/generateDdl';
import { keepWrittenForm, usualSpelling } from './keepWrittenForm';
import { reconcileIds } from './reconcileIds';

const db = useTestDb();

/** What the DDL pane does with typed SQL: PostgreSQL reads it, the catalog comes back, ids are kept. */
async function throughPostgres(prev: Design, sql: string): Promise<Design> {
  const pg = await db();
  await resetDatabase(pg);
  await pg.exec(sql);
  return keepWrittenForm(prev, reconcileIds(prev, await readCatalog(pg)));
}

/** A design as a person draws it: short types, no constraint or index names. */
function drawnDesign(): Design {
  const { design } = exampleDocument();
  const tables: Design['tables'] = {};
  for (const [id, t] of Object.entries(design.tables)) {
    tables[id] = {
      ...t,
      columns: t.columns.map((c) =>
        c.name === 'created_at'
          ? { ...c, type: 'timestamptz' }
          : c.name === 'sku'
            ? { ...c, type: 'varchar(40)' }
            : c,
      ),
      constraints: t.constraints.map(({ name: _n, ...k }) => k),
      indexes: t.indexes.map(({ name: _n, ...ix }) => ix),
    };
  }
  return { ...design, tables };
}

describe('keepWrittenForm', () => {
  it('an edit through the DDL pane adds no constraint names and keeps every type as written', async () => {
    const before = drawnDesign();
    const ddl = generateDdl(before).text;
    expect(ddl).not.toContain('CONSTRAINT');
    // The person adds one column by typing it.
    const typed = ddl.replace(
      'CREATE TABLE customers (\n',
      'CREATE TABLE customers (\n  nick character varying(30),\n',
    );
    const after = await throughPostgres(before, typed);
    const next = generateDdl(after).text;
    expect(next).toMatch(/nick\s+varchar\(30\),/);
    expect(next).not.toContain('CONSTRAINT');
    expect(next).not.toContain('CREATE INDEX orders_');
    for (const line of ddl
      .split('\n')
      .filter((l) => /PRIMARY KEY|UNIQUE|timestamptz|varchar\(40\)|CREATE INDEX/.test(l)))
      expect(next).toContain(line);
    // Without it, the catalog's spelling and names come back.
    const raw = generateDdl(reconcileIds(before, await readCatalog(await db()))).text;
    expect(raw).toContain('CONSTRAINT customers_pkey');
    expect(raw).toContain('timestamp with time zone');
  });

  it('keeps a name the person gave, even one that looks like PostgreSQL’s', async () => {
    const before = drawnDesign();
    const ddl = generateDdl(before).text.replace(
      'CREATE TABLE products (\n',
      'CREATE TABLE products (\n  CONSTRAINT products_price_positive CHECK (price > 0),\n',
    );
    const after = await throughPostgres(before, ddl);
    expect(generateDdl(after).text).toContain('CONSTRAINT products_price_positive CHECK');
  });

  it('spells catalog types the way people write them', () => {
    expect(usualSpelling('timestamp with time zone')).toBe('timestamptz');
    expect(usualSpelling('timestamp(3) without time zone')).toBe('timestamp(3)');
    expect(usualSpelling('character varying(20)[]')).toBe('varchar(20)[]');
    expect(usualSpelling('character varying')).toBe('varchar');
    expect(usualSpelling('character(2)')).toBe('char(2)');
    expect(usualSpelling('double precision')).toBe('double precision');
    expect(usualSpelling('numeric(12,2)')).toBe('numeric(12,2)');
  });
});
