import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resetDatabase, useTestDb } from '../../test/pglite';
import { readCatalog } from '../catalog';
import { emptyDesign, exampleDocument, type Design } from '../model';
import { loadGoldenCases } from '../../test/ddlGoldenCases';
import { generateDdl } from './generateDdl';
import { allKeywords } from './keywords';
import { quoteIdent, quoteLiteral } from './quote';

const db = useTestDb();

describe('quoting agrees with PostgreSQL', () => {
  it('keywords.ts is pg_get_keywords()', async () => {
    const { rows } = await (
      await db()
    ).query<{ word: string; catcode: string }>(
      'SELECT word, catcode FROM pg_get_keywords() ORDER BY word',
    );
    const codes = { unreserved: 'U', colName: 'C', typeFuncName: 'T', reserved: 'R' } as const;
    expect(allKeywords().map(([word, category]) => ({ word, catcode: codes[category] }))).toEqual(
      rows.map((r) => ({ word: r.word, catcode: r.catcode })),
    );
  });

  it('quoteIdent and quoteLiteral match quote_ident and quote_literal', async () => {
    const names = [
      ...allKeywords().map(([w]) => w),
      ...[
        'customer',
        'Customer',
        'first name',
        'say "hi"',
        "it's",
        'café',
        '📦',
        'a$b',
        '1st',
        '_x',
        'x1',
        '',
        'back\\slash',
        'é'.repeat(31) + 'x',
      ],
    ];
    const { rows } = await (
      await db()
    ).query<{ ident: string; literal: string }>(
      'SELECT quote_ident(x) AS ident, quote_literal(x) AS literal FROM json_array_elements_text($1::json) WITH ORDINALITY AS t(x, n) ORDER BY n',
      [JSON.stringify(names)],
    );
    expect(names.map(quoteIdent)).toEqual(rows.map((r) => r.ident));
    expect(names.map(quoteLiteral)).toEqual(rows.map((r) => r.literal));
  });
});

describe('generated DDL executes in PostgreSQL', () => {
  for (const golden of loadGoldenCases()) {
    it(`golden case ${golden.name}`, async () => {
      const pg = await db();
      await resetDatabase(pg);
      await pg.exec(readFileSync(golden.sqlPath, 'utf8'));
    });
  }

  it('the example design', async () => {
    const pg = await db();
    await resetDatabase(pg);
    await pg.exec(generateDdl(exampleDocument().design).text);
  });

  it('a table name of 64 bytes is a problem, and the rest still executes', async () => {
    const design = emptyDesign('long', 'd_long');
    const long = 'é'.repeat(32);
    design.tables = {
      t_long: {
        id: 't_long',
        schemaId: 's_public',
        name: long,
        columns: [{ id: 'c_1', name: 'id', type: 'integer', nullable: false }],
        constraints: [{ id: 'k_1', kind: 'primaryKey', columnIds: ['c_1'], include: [] }],
        indexes: [],
        inherits: [],
        storageParameters: [],
      },
      t_ref: {
        id: 't_ref',
        schemaId: 's_public',
        name: 'ref',
        columns: [{ id: 'c_2', name: 'long_id', type: 'integer', nullable: true }],
        constraints: [
          {
            id: 'k_2',
            kind: 'foreignKey',
            columnIds: ['c_2'],
            refTableId: 't_long',
            refColumnIds: ['c_1'],
            onDelete: 'cascade',
            onUpdate: 'noAction',
            deferrable: 'notDeferrable',
          },
        ],
        indexes: [
          {
            id: 'i_1',
            unique: false,
            method: 'btree',
            elements: [{ kind: 'column', columnId: 'c_2' }],
            include: [],
          },
        ],
        inherits: [],
        storageParameters: [],
      },
    };
    const out = generateDdl(design);
    expect(out.problems).toEqual([
      {
        entityId: 't_long',
        message: `Table name "${long}" is 64 bytes; PostgreSQL allows at most 63 bytes. The table is left out of the DDL.`,
      },
      { entityId: 't_ref', partId: 'k_2', message: expect.stringContaining('references table') },
    ]);
    expect(out.text).not.toContain(long);
    const pg = await db();
    await resetDatabase(pg);
    await pg.exec(out.text);
    const read = await readCatalog(pg);
    expect(Object.values(read.tables).map((t) => t.name)).toEqual(['ref']);
  });
});

describe('DDL -> PostgreSQL -> catalog -> DDL reaches a fixed point', () => {
  /** Executes the DDL of `design` in a fresh database and reads it back. */
  async function throughPostgres(design: Design): Promise<Design> {
    const pg = await db();
    await resetDatabase(pg);
    await pg.exec(generateDdl(design).text);
    return readCatalog(pg, { designId: design.id, designName: design.name });
  }

  for (const golden of loadGoldenCases()) {
    it(golden.name, async () => {
      // The first pass normalizes (int -> integer, constraint names filled in); after that the
      // DDL must not change any more.
      const once = await throughPostgres(golden.design);
      const twice = await throughPostgres(once);
      expect(generateDdl(twice).text).toBe(generateDdl(once).text);
      expect(twice).toEqual(once);
    });
  }
});
