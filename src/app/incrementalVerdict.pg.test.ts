import { PGlite } from '@electric-sql/pglite';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Design } from '../core/model';
import { generateDdl } from '../core/sql/generateDdl';
import { catalogFingerprint, diffFingerprints } from '../db/catalogFingerprint';
import { createEngine, type DbEngine } from '../db/engine';
import { designFingerprint } from '../db/verifyMigration';
import {
  applyEdits,
  buildDesign,
  designRecipe,
  editRecipe,
  shareUnchanged,
} from '../test/migrationArbitraries';
import { sharedMigrationDb } from '../test/migrationDb';
import { useTestDb } from '../test/pglite';
import { propertyParameters } from '../test/propertySeed';
import { planCheck, type Baseline } from './checkStrategy';

/** The whole-run reference: each design's DDL in a fresh database (the shared test PGlite). */
const reference = sharedMigrationDb(useTestDb());

/** The checker's database: its own PGlite, kept from step to step as the studio keeps it. */
let checking: PGlite;
let engine: DbEngine;
beforeAll(async () => {
  checking = await PGlite.create();
  await checking.exec('SET client_min_messages = warning');
  engine = createEngine(checking);
}, 120_000);
afterAll(() => checking.close());

async function wholeRun(design: Design): Promise<Baseline | undefined> {
  const outcome = await engine.checkSchema(generateDdl(design).statements);
  return outcome.ok && outcome.baseline !== undefined
    ? { design, token: outcome.baseline, changesSinceFull: 0 }
    : undefined;
}

/** PROPERTY_RUNS for a longer local search. */
const runs = Number(process.env.PROPERTY_RUNS ?? 40);

describe('the verdict by change equals the verdict of the whole run', () => {
  it('random designs, random edits one at a time: every applied change leaves the catalog the whole run builds', async () => {
    const counts = { steps: 0, applied: 0, refused: 0, whole: 0 };
    await fc.assert(
      fc.asyncProperty(
        designRecipe,
        fc.array(editRecipe, { minLength: 1, maxLength: 6 }),
        async (recipe, edits) => {
          const built = buildDesign(recipe);
          let design = built.design;
          let baseline = await wholeRun(design);
          expect(baseline, 'the first design is accepted').toBeDefined();
          for (const edit of edits) {
            const next = shareUnchanged(design, applyEdits(design, [edit], built.names));
            const expected = await designFingerprint(next, reference);
            const plan = planCheck(baseline, next, false);
            counts.steps++;
            if (plan.kind === 'change' && baseline) {
              const change = await engine.applyChange(
                plan.steps.map((s) => s.sql),
                baseline.token,
              );
              if (change.applied) {
                counts.applied++;
                // Accepted by change only where the whole run accepts, with the same catalog.
                expect(expected instanceof Map, 'the whole run accepts it too').toBe(true);
                const actual = await catalogFingerprint(checking);
                // (The two resets leave `public` with different comments: not the design's.)
                const differences = diffFingerprints(expected as Map<string, string>, actual);
                expect(differences.filter((d) => !d.startsWith('changed schema:public:'))).toEqual(
                  [],
                );
                baseline = { ...baseline, design: next, token: change.baseline };
                design = next;
                continue;
              }
              counts.refused++;
            } else counts.whole++;
            // The whole run: what the checker falls back to, the verdict by definition.
            baseline = await wholeRun(next);
            expect(baseline !== undefined).toBe(expected instanceof Map);
            design = next;
          }
        },
      ),
      propertyParameters({ numRuns: runs }),
    );
    console.log(`incremental verdicts: ${JSON.stringify(counts)}`);
    // The property says something only when most verdicts came by change.
    expect(counts.applied).toBeGreaterThan(counts.steps / 2);
  }, 600_000);
});
