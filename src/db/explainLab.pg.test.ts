import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PGlite } from '@electric-sql/pglite';
import { adviseIndexes, tablesInPlan } from '../core/explain';
import type { Design } from '../core/model';
import { snapshotFactory } from '../test/fidelity';
import { fixtureDesign } from '../test/fixtureDesigns';
import { loadDesign } from '../test/sampleDb';
import { runExplain, tryIndex } from './explainLab';
import { generateSampleData } from './sampleData';

/** pagila with generated rows: a query on rental.customer_id, which pagila does not index. */
let db: PGlite;
let design: Design;

beforeAll(async () => {
  design = await fixtureDesign('pagila');
  ({ db } = await loadDesign(await snapshotFactory(), design));
  const result = await generateSampleData(db, design, { rowsPerTable: 2000 });
  expect(result.failed).toEqual([]);
}, 120_000);

afterAll(async () => {
  await db?.close();
});

const QUERY = 'SELECT * FROM rental WHERE customer_id = 5';

describe('explain lab on pagila', () => {
  it('reads the plan and advises an index on the filtered column', async () => {
    const plan = await runExplain(db, QUERY);
    expect(tablesInPlan(plan)).toEqual(['rental']);
    const scan = plan.nodeType === 'Seq Scan' ? plan : plan.children[0];
    expect(scan).toMatchObject({ nodeType: 'Seq Scan', relation: 'rental' });
    expect(scan?.rowsRemovedByFilter).toBeGreaterThan(1900);
    const advice = adviseIndexes(plan, design);
    expect(advice).toHaveLength(1);
    expect(advice[0]).toMatchObject({
      table: 'rental',
      columns: ['customer_id'],
      createSql: 'CREATE INDEX rental_customer_id_idx ON rental (customer_id)',
    });
  });

  it('tries the index: the cost drops, and the database is as it was afterwards', async () => {
    const [advice] = adviseIndexes(await runExplain(db, QUERY), design);
    if (!advice) throw new Error('no advice');
    const trial = await tryIndex(db, QUERY, advice);
    expect(trial.after.cost).toBeLessThan(trial.before.cost);
    expect(JSON.stringify(trial.plans.after)).toContain('rental_customer_id_idx');
    const left = await db.query(`SELECT 1 FROM pg_class WHERE relname = 'rental_customer_id_idx'`);
    expect(left.rows).toEqual([]);
    const kept = await tryIndex(db, QUERY, advice, { keep: true });
    expect(kept.kept).toBe(true);
    expect(
      (await db.query(`SELECT 1 FROM pg_class WHERE relname = 'rental_customer_id_idx'`)).rows,
    ).toHaveLength(1);
  });

  it('leaves data alone when the query under study changes it', async () => {
    const count = `SELECT count(*)::int AS n FROM rental WHERE return_date = '1999-01-01'`;
    const plan = await runExplain(
      db,
      `UPDATE rental SET return_date = '1999-01-01' WHERE customer_id = 5`,
    );
    expect(plan.nodeType).toBe('ModifyTable');
    expect((await db.query<{ n: number }>(count)).rows).toEqual([{ n: 0 }]);
  });
});
