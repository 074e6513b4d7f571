import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffDesigns, planMigration, renderMigrationSql, type MigrationMode } from '../core/diff';
import { applyEdits, buildDesign, designRecipe, editsRecipe } from '../test/migrationArbitraries';
import { sharedMigrationDb } from '../test/migrationDb';
import { useTestDb } from '../test/pglite';
import { designFingerprint, verifyMigration } from './verifyMigration';
import { propertyParameters } from '../test/propertySeed';

const db = useTestDb();
const createDb = sharedMigrationDb(db);

/** PROPERTY_RUNS=1000 for a longer local search; 200 is what the suite runs. */
const runs = Number(process.env.PROPERTY_RUNS ?? 200);
const MODES: MigrationMode[] = ['safe', 'simple'];

describe('random design A, random edits giving B', () => {
  it('the up migration turns A into B and the down one B back into A, in PGlite, in both modes', async () => {
    const counts = {
      cases: 0,
      verified: 0,
      upSteps: 0,
      downSteps: 0,
      nonTransactional: 0,
      emptyMigrations: 0,
    };
    const changes: Record<string, number> = {};
    const started = performance.now();
    await fc.assert(
      fc.asyncProperty(designRecipe, editsRecipe, async (recipe, edits) => {
        const { design: a, names } = buildDesign(recipe);
        const b = applyEdits(a, edits, names);
        const fa = await designFingerprint(a, createDb);
        const fb = await designFingerprint(b, createDb);
        if (!(fa instanceof Map) || !(fb instanceof Map))
          throw new Error(`a design's DDL failed: ${JSON.stringify(fa instanceof Map ? fb : fa)}`);
        counts.cases++;
        for (const c of diffDesigns(a, b)) {
          const kind = `${c.entity} ${c.action}${c.field ? ` ${c.field}` : ''}`;
          changes[kind] = (changes[kind] ?? 0) + 1;
        }
        for (const mode of MODES) {
          const migration = planMigration(a, b, { mode });
          const result = await verifyMigration(a, b, {
            mode,
            createDb,
            migration,
            expected: { a: fa, b: fb },
          });
          if (!result.verified) {
            throw new Error(
              `${mode} mode: ${JSON.stringify(result, null, 2)}\n${renderMigrationSql(migration, 'up', mode)}\n${renderMigrationSql(migration, 'down', mode)}`,
            );
          }
          counts.verified++;
          counts.upSteps += migration.up.length;
          counts.downSteps += migration.down.length;
          counts.nonTransactional += [...migration.up, ...migration.down].filter(
            (s) => !s.transactional,
          ).length;
          if (migration.up.length === 0) counts.emptyMigrations++;
        }
      }),
      propertyParameters({ numRuns: runs, endOnFailure: true }),
    );
    console.log(
      `migration property: ${JSON.stringify(counts)} in ${Math.round((performance.now() - started) / 1000)} s`,
    );
    console.log(`changes verified (up, and reversed by down): ${JSON.stringify(changes)}`);
    expect(counts.cases).toBe(runs);
    expect(counts.verified).toBe(runs * MODES.length);
  }, 3_600_000);
});
