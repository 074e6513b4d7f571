import { beforeAll, expect, it } from 'vitest';
import { fixAllOfRule } from '../core/lint';
import { foreignKeysOf } from '../core/model/design';
import { fixtureDesign } from '../test/fixtureDesigns';
import { snapshotFactory, type CreateDb } from '../test/fidelity';
import { loadDesign } from '../test/sampleDb';
import { generateSampleData } from './sampleData';

/**
 * The review's "likely foreign key" fixes add keys to a design that had none (gisia, a Rails
 * schema): sample rows, the only rows a design has, must still fill every table, now following
 * the new keys, and no new key may refuse them.
 */
let createDb: CreateDb;
beforeAll(async () => {
  createDb = await snapshotFactory();
});

it('gisia with every likely foreign key declared: sample data fills every table', async () => {
  const original = await fixtureDesign('gisia');
  const { design, applied } = fixAllOfRule(original, 'likely-foreign-key');
  expect(applied).toBe(99);
  const { db, ddlErrors } = await loadDesign(createDb, design);
  try {
    expect(ddlErrors).toEqual([]);
    const result = await generateSampleData(db, design, { rowsPerTable: 5 });
    expect(result.failed).toEqual([]);
    const tables = Object.keys(design.tables).length;
    expect(result.filled.length + result.skipped.length).toBe(tables);
    // Every key is in the database (partitions' copies aside), so the rows that went in obey it.
    const { rows } = await db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM pg_constraint WHERE contype = 'f' AND conparentid = 0",
    );
    expect(rows[0]?.n).toBe(
      Object.values(design.tables).reduce((n, t) => n + foreignKeysOf(t).length, 0),
    );
  } finally {
    await db.close();
  }
}, 300_000);
