import { describe, expect, it } from 'vitest';
import {
  applyRenames,
  columnOrderDifferences,
  describeRename,
  inferRenames,
  NO_RENAMES,
  planMigration,
  type MigrationMode,
} from '../core/diff';
import type { Design, Table } from '../core/model';
import { generateDdl } from '../core/sql';
import { fixtureDesign } from '../test/fixtureDesigns';
import { fixtureEdits } from '../test/migrationFixtureEdits';
import { sharedMigrationDb } from '../test/migrationDb';
import { useTestDb } from '../test/pglite';
import { designColumnOrder, designFromSql, runWithRows } from '../test/renameHarness';
import { verifyMigration } from './verifyMigration';

const db = useTestDb();
const createDb = sharedMigrationDb(db);
const MODES: MigrationMode[] = ['safe', 'simple'];

/** A table to rename: outside partitions and inheritance, referenced by foreign keys when one is (to follow them). */
function renameableTable(design: Design, not: string): Table | undefined {
  const candidates = Object.values(design.tables).filter(
    (t) =>
      t.id !== not &&
      !t.partitionBy &&
      !t.partitionOf &&
      t.inherits.length === 0 &&
      !Object.values(design.tables).some((o) => o.inherits.includes(t.id)),
  );
  const referenced = (t: Table) =>
    Object.values(design.tables).some((o) =>
      o.constraints.some((k) => k.kind === 'foreignKey' && k.refTableId === t.id),
    );
  return candidates.find(referenced) ?? candidates[0];
}

describe.each(['pagila', 'chinook'])('renames between two SQL files of %s', (fixture) => {
  it('a renamed column and a renamed table are inferred; the migration keeps every value', async () => {
    const pg = await db();
    const imported = await fixtureDesign(fixture);
    const rename = fixtureEdits(imported).find((e) => e.description.startsWith('rename '))!;
    const edited = structuredClone(imported);
    rename.apply(edited);
    const columnTable = Object.values(edited.tables).find((t) =>
      t.columns.some((c) => c.name.endsWith('_renamed')),
    )!;
    const table = renameableTable(edited, columnTable.id)!;
    const tableName = table.name;
    table.name = `${tableName}_renamed`;
    // The new file's views, triggers and functions say the new name, as a person would write them.
    const word = new RegExp(`\\b${tableName}\\b`, 'g');
    for (const x of edited.extras) x.sql = x.sql.replace(word, table.name);
    // Both sides as `diff old.sql new.sql` reads them: ids from names.
    const a = await designFromSql(pg, generateDdl(imported).text);
    const b = await designFromSql(pg, generateDdl(edited).text);

    const found = inferRenames(a, b, NO_RENAMES);
    expect(found.ambiguous).toEqual([]);
    const renamedColumn = columnTable.columns.find((c) => c.name.endsWith('_renamed'))!.name;
    expect([...found.tables, ...found.columns].map(describeRename)).toEqual([
      `table ${tableName} -> ${table.name}`,
      `column ${columnTable.name}.${renamedColumn.replace(/_renamed$/, '')} -> ${renamedColumn}`,
    ]);
    const target = applyRenames(a, b, found);
    expect(columnOrderDifferences(a, target)).toEqual([]);

    // Before renames: the renamed column is dropped, its values lost.
    const naive = planMigration(a, b, { mode: 'simple' }).up.map((s) => s.sql);
    expect(
      naive.some((s) => s.includes(`DROP COLUMN ${renamedColumn.replace(/_renamed$/, '')}`)),
    ).toBe(true);

    for (const mode of MODES) {
      const migration = planMigration(a, target, { mode });
      expect(migration.up.filter((s) => /DROP (TABLE|COLUMN)|CREATE TABLE/.test(s.sql))).toEqual(
        [],
      );
      expect(await verifyMigration(a, target, { mode, createDb, migration })).toEqual({
        verified: true,
      });
      const run = await runWithRows(pg, a, target, migration.up);
      expect(run.filledTables).toBeGreaterThan(5);
      expect(run.lost).toEqual([]);
      expect(run.survived).toContain(
        `${columnTable.name}.${renamedColumn.replace(/_renamed$/, '')} -> ${columnTable.name}.${renamedColumn}`,
      );
      expect(run.columnOrder).toEqual(designColumnOrder(target));
      console.log(
        `${fixture} ${mode}: ${migration.up.length} up steps, ${run.survived.length} columns' values kept in ${run.filledTables} tables with rows`,
      );
    }
  }, 600_000);
});
