import { describe, expect, it } from 'vitest';
import type { Design } from '../core/model';
import { planMigration, type MigrationMode } from '../core/diff';
import { fixtureDesign } from '../test/fixtureDesigns';
import { fixtureEdits } from '../test/migrationFixtureEdits';
import { sharedMigrationDb } from '../test/migrationDb';
import { useTestDb } from '../test/pglite';
import { designFingerprint, verifyMigration } from './verifyMigration';

const db = useTestDb();
const createDb = sharedMigrationDb(db);
const FIXTURES = ['pagila', 'chinook'];
const MODES: MigrationMode[] = ['safe', 'simple'];

describe.each(FIXTURES)('migrations of real-world schema %s', (fixture) => {
  it('renames a column, adds an index, drops a table and widens a type, up and down, verified in PGlite', async () => {
    const a = await fixtureDesign(fixture);
    const edits = fixtureEdits(a);
    expect(edits.map((e) => e.description.split(' ')[0])).toEqual([
      'rename',
      'widen',
      'add',
      'drop',
    ]);
    const b: Design = structuredClone(a);
    for (const edit of edits) edit.apply(b);
    const fa = await designFingerprint(a, createDb);
    const fb = await designFingerprint(b, createDb);
    if (!(fa instanceof Map) || !(fb instanceof Map)) throw new Error('the fixture DDL failed');
    for (const mode of MODES) {
      const migration = planMigration(a, b, { mode });
      const result = await verifyMigration(a, b, {
        mode,
        createDb,
        migration,
        expected: { a: fa, b: fb },
      });
      console.log(
        `${fixture} ${mode}: ${edits.map((e) => e.description).join('; ')}: ${migration.up.length} up / ${migration.down.length} down steps, ${result.verified ? 'verified' : 'NOT verified'}`,
      );
      expect(result).toEqual({ verified: true });
    }
  });
});
