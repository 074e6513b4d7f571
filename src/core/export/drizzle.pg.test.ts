import { describe, expect, it } from 'vitest';
import type { Design } from '../model/schema';
import { ALL_FIXTURE_NAMES, fixtureDesign } from '../../test/fixtureDesigns';
import { diffOrmCatalogs, ormCatalog } from '../../test/ormCatalog';
import { drizzleKitSql, importDrizzleModule, runDrizzleKitSql } from '../../test/ormDrizzle';
import { expectGolden, ormGoldenCases, sharedNastyDesign } from '../../test/ormGolden';
import { execDesignDdl, freshDbFor } from '../../test/ormDb';
import { exportDrizzle, exportDrizzleWithNotes } from './drizzle';
import { modelTables } from './ormNames';

/**
 * drizzle-kit's verdict on the export: the module imports, drizzle-kit generates the migration
 * that creates it, that SQL runs in PostgreSQL, and the resulting columns, constraints, indexes
 * and enums are the ones the design's own DDL creates — except what the exporter noted it cannot
 * declare (each difference must be explained by a note).
 */
async function verify(design: Design, name: string) {
  const { text, notes } = exportDrizzleWithNotes(design);
  const tables = new Set(
    modelTables(design, []).map((t) => `${design.schemas[t.schemaId]?.name ?? 'public'}.${t.name}`),
  );
  const expectedDb = await freshDbFor(design);
  await execDesignDdl(expectedDb, design);
  const expected = await ormCatalog(expectedDb, tables);
  await expectedDb.close();
  const statements = await drizzleKitSql(await importDrizzleModule(text, name));
  const db = await freshDbFor(design);
  const refused = await runDrizzleKitSql(db, design, statements);
  const actual = await ormCatalog(db, tables);
  await db.close();
  // A table the design's own DDL cannot create (an extension PGlite lacks) is the DDL's business.
  const created = new Set(
    [...expected.keys()]
      .filter((k) => k.startsWith('column:'))
      .map((k) => k.slice(7, k.lastIndexOf('.'))),
  );
  for (const key of actual.keys())
    if (key.startsWith('column:') && !created.has(key.slice(7, key.lastIndexOf('.'))))
      tables.delete(key.slice(7, key.lastIndexOf('.')));
  for (const key of [...actual.keys()])
    if (!key.startsWith('enum:') && ![...tables].some((t) => key.includes(`:${t}.`)))
      actual.delete(key);
  const differences = diffOrmCatalogs(expected, actual, notes);
  if (process.env.ORM_DEBUG === '1')
    console.log(name, refused.slice(0, 5), differences.filter((d) => !d.explainedBy).slice(0, 8));
  expect(differences.filter((d) => !d.explainedBy)).toEqual([]);
  // drizzle-kit's own SQL may only fail where the exporter said it would (names it cannot quote).
  if (!notes.some((n) => n.what === 'table' && n.message.includes('drizzle-kit')))
    expect(refused).toEqual([]);
  expect(actual.size).toBeGreaterThan(0);
  return { differences, notes, refused };
}

describe('exportDrizzle', () => {
  for (const golden of ormGoldenCases()) {
    it(`matches the golden file and builds the same schema through drizzle-kit: ${golden.name}`, async () => {
      expectGolden(`${golden.name}.drizzle.ts.txt`, exportDrizzle(golden.design));
      await verify(golden.design, golden.name);
    }, 60_000);
  }

  it('builds the shared nasty-names design through drizzle-kit', async () => {
    await verify(sharedNastyDesign(), 'shared-nasty');
  }, 60_000);

  describe('real-world fixtures', () => {
    for (const name of ALL_FIXTURE_NAMES) {
      it(`${name} builds through drizzle-kit with only noted differences`, async () => {
        const { differences, refused } = await verify(await fixtureDesign(name), name);
        // Printed so the report can say exactly what drizzle cannot express in each fixture.
        if (process.env.ORM_REPORT === '1')
          console.log(
            name,
            JSON.stringify(
              { refused, differences: differences.map((d) => [d.key, d.explainedBy]) },
              null,
              1,
            ),
          );
      }, 300_000);
    }
  });
});
