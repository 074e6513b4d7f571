import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyRenames,
  columnOrderDifferences,
  inferRenames,
  NO_RENAMES,
  planMigration,
  renderMigrationSql,
  type MigrationMode,
} from '../core/diff';
import type { Design } from '../core/model';
import { generateDdl } from '../core/sql';
import { buildDesign, designRecipe } from '../test/migrationArbitraries';
import { sharedMigrationDb } from '../test/migrationDb';
import { useTestDb } from '../test/pglite';
import { propertyParameters } from '../test/propertySeed';
import { designColumnOrder, designFromSql, runWithRows } from '../test/renameHarness';
import { verifyMigration } from './verifyMigration';

const db = useTestDb();
const createDb = sharedMigrationDb(db);

/** PROPERTY_RUNS=500 for a longer local search; 40 is what the suite runs. */
const runs = Number(process.env.PROPERTY_RUNS ?? 40);
const MODES: MigrationMode[] = ['simple', 'safe'];

/** Which tables and columns to rename: indexes into the design's lists, taken modulo their length. */
const renamesRecipe = fc.record({
  tables: fc.array(fc.nat(), { maxLength: 2 }),
  columns: fc.array(fc.nat(), { maxLength: 4 }),
});

/** B: A with the picked tables and columns renamed (`_r` appended), and the truth as `old -> new` lines. */
function renamed(a: Design, recipe: { tables: number[]; columns: number[] }) {
  const b = structuredClone(a);
  const tables = Object.values(b.tables);
  const columns = tables.flatMap((t) => t.columns.map((c) => ({ t, c })));
  const truth = new Set<string>();
  const oldName = new Map(tables.map((t) => [t.id, t.name]));
  for (const i of recipe.columns) {
    const { t, c } = columns[i % columns.length]!;
    if (c.name.endsWith('_r')) continue;
    truth.add(`column ${oldName.get(t.id)}.${c.name} -> ${c.name}_r`);
    c.name += '_r';
  }
  for (const i of recipe.tables) {
    const t = tables[i % tables.length]!;
    if (t.name.endsWith('_r')) continue;
    truth.add(`table ${t.name} -> ${t.name}_r`);
    t.name += '_r';
  }
  return { b, truth };
}

describe('random design, random renames, both read back from SQL as `diff` reads files', () => {
  it('inference recovers every rename or reports it ambiguous; applied, the migration verifies and keeps every value', async () => {
    const counts = { cases: 0, renames: 0, inferred: 0, ambiguousCases: 0, valuesKept: 0 };
    await fc.assert(
      fc.asyncProperty(designRecipe, renamesRecipe, async (recipe, picks) => {
        const { design } = buildDesign(recipe);
        const { b: edited, truth } = renamed(design, picks);
        const pg = await db();
        const a = await designFromSql(pg, generateDdl(design).text);
        const b = await designFromSql(pg, generateDdl(edited).text);
        const found = inferRenames(a, b, NO_RENAMES);
        const said = [
          ...found.tables.map((r) => `table ${r.from} -> ${r.to}`),
          ...found.columns.map((r) => `column ${r.table}.${r.from} -> ${r.to}`),
        ];
        counts.cases++;
        counts.renames += truth.size;
        counts.inferred += said.length;
        // Never a wrong guess.
        for (const s of said) expect(truth, `inferred ${s}`).toContain(s);
        // Every rename found, or inside what is reported ambiguous (a table whose rename is
        // ambiguous takes its columns' renames along).
        const ambiguousTables = new Set(
          found.ambiguous.filter((m) => m.entity === 'table').flatMap((m) => m.dropped),
        );
        for (const t of truth) {
          if (said.includes(t)) continue;
          const [, kind, table, column] = /^(table|column) ([^. ]+)\.?(\S*) ->/.exec(t)!;
          const covered =
            ambiguousTables.has(table!) ||
            (kind === 'column' &&
              found.ambiguous.some((m) => m.table === table && m.dropped.includes(column!)));
          expect(covered, `${t}: neither inferred nor reported ambiguous`).toBe(true);
        }
        if (found.ambiguous.length > 0) {
          counts.ambiguousCases++;
          return;
        }
        const target = applyRenames(a, b, found);
        expect(columnOrderDifferences(a, target)).toEqual([]);
        for (const mode of MODES) {
          const migration = planMigration(a, target, { mode });
          const dropsOrAdds = migration.up.filter((s) =>
            /DROP (TABLE|COLUMN)|ADD COLUMN|CREATE TABLE/.test(s.sql),
          );
          expect(dropsOrAdds.map((s) => s.sql)).toEqual([]);
          const verified = await verifyMigration(a, target, { mode, createDb, migration });
          if (!verified.verified)
            throw new Error(
              `${mode}: ${JSON.stringify(verified, null, 2)}\n${renderMigrationSql(migration, 'up', mode)}`,
            );
          const run = await runWithRows(pg, a, target, migration.up);
          expect(run.lost).toEqual([]);
          expect(run.columnOrder).toEqual(designColumnOrder(target));
          counts.valuesKept += run.survived.length;
        }
      }),
      propertyParameters({ numRuns: runs, endOnFailure: true }),
    );
    console.log(`rename property: ${JSON.stringify(counts)}`);
    expect(counts.cases).toBe(runs);
    // The property must have exercised renames, and values that survived them.
    expect(counts.inferred).toBeGreaterThan(runs / 2);
    expect(counts.valuesKept).toBeGreaterThan(runs);
  }, 1_800_000);
});
