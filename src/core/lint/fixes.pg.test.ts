import { describe, expect, it } from 'vitest';
import { resetDatabase, useTestDb } from '../../test/pglite';
import { fixtureDesign } from '../../test/fixtureDesigns';
import { checkIntegrity } from '../model/integrity';
import type { Design } from '../model/schema';
import { generateDdl } from '../sql/generateDdl';
import { lintDesign } from './lintDesign';
import { applyAllFixes, messyDesign } from '../../test/lintDesigns';

const db = useTestDb();

async function expectPostgresAccepts(d: Design) {
  const ddl = generateDdl(d);
  expect(ddl.problems).toEqual([]);
  const pg = await db();
  await resetDatabase(pg);
  await pg.exec(ddl.text);
}

describe('designs with every fix applied', () => {
  it('a design where most rules fire: all fixable findings go, and PostgreSQL accepts the DDL', async () => {
    const before = lintDesign(messyDesign());
    const { design: fixed, applied } = applyAllFixes(messyDesign());
    expect(applied.length).toBeGreaterThan(10);
    expect(checkIntegrity(fixed)).toBeUndefined();
    const after = lintDesign(fixed);
    expect(after.filter((f) => f.fix).map((f) => f.message)).toEqual([]);
    expect(after.length).toBeLessThan(before.length);
    await expectPostgresAccepts(fixed);
  });

  // pagila has partitions (types and columns must follow to them); chinook is plain. listmonk needs pgcrypto.
  for (const name of ['chinook', 'pagila']) {
    it(`${name}: PostgreSQL accepts the DDL after every fix`, async () => {
      const { design: fixed } = applyAllFixes(await fixtureDesign(name));
      expect(
        lintDesign(fixed)
          .filter((f) => f.fix)
          .map((f) => f.message),
      ).toEqual([]);
      await expectPostgresAccepts(fixed);
    }, 120_000);
  }
});
