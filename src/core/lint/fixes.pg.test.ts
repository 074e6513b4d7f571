import { describe, expect, it } from 'vitest';
import { resetDatabase, useTestDb } from '../../test/pglite';
import { fixtureDesign } from '../../test/fixtureDesigns';
import { checkIntegrity } from '../model/integrity';
import type { Design } from '../model/schema';
import { generateDdl } from '../sql/generateDdl';
import { lintDesign } from './lintDesign';
import { applyAllFixes, design } from './testing';

const db = useTestDb();

/** A design on which most fixable rules fire at once. */
const messy = (): Design => {
  const d = design(
    { name: 'Customer', columns: [['id', 'serial'], ['email', 'varchar(200)'], ['active', 'boolean', { nullable: true }], ['created_at', 'timestamp', { default: 'now()' }]], pk: ['id'] },
    {
      name: 'orders',
      columns: [['id', 'integer'], ['customer_id', 'integer'], ['total', 'real'], ['country', 'char(2)'], ['data', 'json'], ['note', 'text', { nullable: true }], ['created_at', 'timestamp', { default: 'now()' }]],
      pk: ['id'],
      unique: [['customer_id', 'note']],
      fks: [[['customer_id'], 'Customer', ['id']]],
      indexes: [{ columns: ['total'] }, { columns: ['total', 'country'] }],
    },
    { name: 'token', columns: [['id', 'uuid', { default: 'gen_random_uuid()' }], ['customer_id', 'bigint']], pk: ['id'], fks: [[['customer_id'], 'Customer', ['id']]] },
    { name: 'audit', columns: [['id', 'bigint', { identity: 'always' }], ['created_at', 'timestamptz', { default: 'now()' }]], pk: ['id'] },
    { name: 'extra', columns: [['id', 'bigint', { identity: 'always' }]], pk: ['id'] },
  );
  const orders = d.tables.t_orders;
  if (orders) orders.constraints = orders.constraints.map(({ name: _n, ...k }) => k);
  return d;
};

async function expectPostgresAccepts(d: Design) {
  const ddl = generateDdl(d);
  expect(ddl.problems).toEqual([]);
  const pg = await db();
  await resetDatabase(pg);
  await pg.exec(ddl.text);
}

describe('designs with every fix applied', () => {
  it('a design where most rules fire: all fixable findings go, and PostgreSQL accepts the DDL', async () => {
    const before = lintDesign(messy());
    const { design: fixed, applied } = applyAllFixes(messy());
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
      expect(lintDesign(fixed).filter((f) => f.fix).map((f) => f.message)).toEqual([]);
      await expectPostgresAccepts(fixed);
    }, 120_000);
  }
});
