import { describe, expect, it } from 'vitest';
import type { Design } from '../model/schema';
import { ALL_FIXTURE_NAMES, fixtureDesign } from '../../test/fixtureDesigns';
import { diffOrmCatalogs, ormCatalog } from '../../test/ormCatalog';
import { execDesignDdl, freshDbFor, runPrelude } from '../../test/ormDb';
import { expectGolden, ormGoldenCases, sharedNastyDesign } from '../../test/ormGolden';
import { loadCommonJs, Sequelize, sequelizeOn } from '../../test/ormSequelize';
import { modelTables, type OrmNote } from './ormNames';
import { exportSequelizeWithNotes } from './sequelize';

type Migration = {
  up(qi: unknown, s: unknown): Promise<void>;
  down(qi: unknown, s: unknown): Promise<void>;
};

/**
 * Sequelize's own verdict, twice: the models' `sync()` and, separately, the migration's `up()`
 * through queryInterface, each in a fresh PGlite (through a `pg` stand-in), compared with the
 * catalog the design's DDL builds. sync() may differ only where the exporter noted it; the
 * migration must build the same columns, constraints and indexes, and `down()` must remove them.
 */
async function verify(
  design: Design,
): Promise<{ sync: ReturnType<typeof diffOrmCatalogs>; notes: OrmNote[] }> {
  const { files, notes } = exportSequelizeWithNotes(design);
  const tables = new Set(
    modelTables(design, []).map((t) => `${design.schemas[t.schemaId]?.name ?? 'public'}.${t.name}`),
  );
  const expectedDb = await freshDbFor(design);
  await execDesignDdl(expectedDb, design);
  const expected = await ormCatalog(expectedDb, tables);
  await expectedDb.close();
  // A table the design's own DDL cannot create is the DDL's business, not the ORM's.
  const created = new Set(
    [...expected.keys()]
      .filter((k) => k.startsWith('column:'))
      .map((k) => k.slice(7, k.lastIndexOf('.'))),
  );
  const onlyCreated = (m: Map<string, string>) => {
    for (const key of [...m.keys()])
      if (!key.startsWith('enum:') && ![...created].some((t) => key.includes(`:${t}.`)))
        m.delete(key);
    return m;
  };

  const migrationDb = await freshDbFor(design);
  await runPrelude(migrationDb, design, false);
  const sequelize = sequelizeOn(migrationDb);
  const migration = loadCommonJs(
    files[Object.keys(files).find((f) => f.startsWith('migrations/')) as string] as string,
  ) as Migration;
  const qi = sequelize.getQueryInterface();
  try {
    await migration.up(qi, Sequelize);
  } catch (error) {
    if (process.env.ORM_DEBUG === '1')
      console.log('migration failed:', (error as Error).message, (error as { sql?: string }).sql);
    // Only a table the design's DDL cannot create either may make the migration fail.
    if (created.size === tables.size) throw error;
  }
  const migrated = onlyCreated(await ormCatalog(migrationDb, tables));
  if (created.size === tables.size) {
    const migrationNotes = notes.filter((n) => n.message.includes('(in the migration too)'));
    expect(
      diffOrmCatalogs(expected, migrated, migrationNotes).filter((d) => !d.explainedBy),
    ).toEqual([]);
    await migration.down(qi, Sequelize);
    const left = await ormCatalog(migrationDb, tables);
    expect([...left.keys()].filter((k) => !k.startsWith('enum:'))).toEqual([]);
  }
  await sequelize.close();
  await migrationDb.close();

  const syncDb = await freshDbFor(design);
  await runPrelude(syncDb, design, true);
  const synced = sequelizeOn(syncDb);
  const define = loadCommonJs(files['models.js'] as string) as (
    s: unknown,
  ) => Record<string, unknown>;
  const models = define(synced);
  expect(Object.keys(models)).toHaveLength(tables.size);
  if (created.size === tables.size) {
    try {
      await synced.sync();
    } catch (error) {
      throw new Error(
        `sync() failed: ${(error as Error).message}\n${(error as { sql?: string }).sql ?? ''}`,
        { cause: error },
      );
    }
  }
  const actual = onlyCreated(await ormCatalog(syncDb, tables));
  await synced.close();
  await syncDb.close();
  const sync = diffOrmCatalogs(expected, actual, notes);
  if (created.size === tables.size) expect(sync.filter((d) => !d.explainedBy)).toEqual([]);
  // Which comparisons ran: all of them unless the design's own DDL cannot create a table.
  const complete = created.size === tables.size;
  if (process.env.ORM_REPORT === '1')
    console.log(design.name, { tables: tables.size, created: created.size, complete });
  return { sync, notes };
}

describe('exportSequelize', () => {
  for (const golden of ormGoldenCases()) {
    it(`matches the golden files, and sync() and the migration build the design: ${golden.name}`, async () => {
      const { files } = exportSequelizeWithNotes(golden.design);
      for (const [path, text] of Object.entries(files)) {
        expectGolden(
          `${golden.name}.sequelize.${path.startsWith('migrations/') ? 'migration' : 'models'}.js.txt`,
          text,
        );
      }
      await verify(golden.design);
    }, 120_000);
  }

  it('builds the shared nasty-names design', async () => {
    await verify(sharedNastyDesign());
  }, 120_000);

  describe('real-world fixtures', () => {
    for (const name of ALL_FIXTURE_NAMES) {
      it(`${name}: sync() differs only where noted, the migration not at all`, async () => {
        const { sync } = await verify(await fixtureDesign(name));
        if (process.env.ORM_REPORT === '1')
          console.log(
            name,
            JSON.stringify(
              sync.map((d) => [d.key, d.explainedBy]),
              null,
              1,
            ),
          );
      }, 600_000);
    }
  });
});
