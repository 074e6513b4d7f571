import { PGlite } from '@electric-sql/pglite';
import { afterAll, describe, expect, it } from 'vitest';
import { exampleDocument, type Design } from '../../core/model';
import * as ops from '../../core/ops';
import { LabEngine, type LabDb } from './labEngine';

const opened: PGlite[] = [];
const lab = new LabEngine(async () => {
  const pg = await PGlite.create();
  opened.push(pg);
  return pg as unknown as LabDb;
});
afterAll(async () => {
  await lab.close();
  await Promise.all(opened.map((p) => (p.closed ? undefined : p.close())));
});

const shop = exampleDocument().design;
const tableId = (d: Design, name: string) => Object.values(d.tables).find((t) => t.name === name)!.id;
const products = tableId(shop, 'products');
const orders = tableId(shop, 'orders');

describe('the constraint playground', () => {
  it('fills the tables with sample rows, parents first', async () => {
    await lab.rebuild(shop);
    const result = await lab.generate(shop, 20, () => {});
    expect(result.failed).toEqual([]);
    expect(result.filled.map((f) => f.rows)).toEqual([20, 20, 20, 20, 20]);
    expect((await lab.rows(products, 5)).total).toBe(20);
  });

  it('shows Postgres’s violation on the row: constraint, message, detail', async () => {
    const bad = await lab.insertRow(orders, { customer_id: '999999', status: 'pending' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.code).toBe('23503');
      expect(bad.error.constraint).toBe('orders_customer_id_fkey');
      expect(bad.error.detail).toContain('(customer_id)=(999999) is not present in table "customers"');
    }
    const { rows } = await lab.rows(products, 1);
    const price = await lab.updateCell(products, rows[0]!.ctid, 'price', '-5');
    expect(price.ok || price.error.constraint).toBe('products_price_check');
    const gone = await lab.deleteRow(products, rows[0]!.ctid);
    // Order items reference products (ON DELETE RESTRICT): Postgres refuses, naming the foreign key.
    expect(gone.ok).toBe(false);
    if (!gone.ok) expect([gone.error.code, gone.error.constraint]).toEqual(['23001', 'order_items_product_id_fkey']);
  });

  it('keeps the rows through a change they allow, applied as a migration', async () => {
    const withNote = ops.addColumn(shop, products, { id: 'c_note000001', name: 'note', type: 'text', nullable: true });
    expect(await lab.sync(withNote)).toEqual({ kind: 'migrated', steps: 1 });
    expect((await lab.rows(products, 5)).columns).toContain('note');
    expect((await lab.rows(products, 5)).total).toBe(20);
  });

  it('refuses a change the rows break, and shows which rows', async () => {
    const current = ops.addColumn(shop, products, { id: 'c_note000001', name: 'note', type: 'text', nullable: true });
    const required = ops.addColumn(current, products, { id: 'c_rank000001', name: 'rank', type: 'integer', nullable: false });
    const blocked = await lab.sync(required);
    expect(blocked.kind).toBe('blocked');
    if (blocked.kind === 'blocked') {
      expect(blocked.error.code).toBe('23502');
      expect(blocked.violations).toMatchObject({ table: 'products', count: 20, rule: 'rank IS NOT NULL' });
    }
    const cheap = ops.addConstraint(current, products, { id: 'k_cheap00001', kind: 'check', name: 'products_cheap', expression: 'price < 10' });
    const refused = await lab.sync(cheap);
    expect(refused.kind).toBe('blocked');
    if (refused.kind === 'blocked') {
      expect(refused.error.constraint).toBe('products_cheap');
      expect(refused.violations?.rule).toBe('CHECK (price < 10)');
      expect(refused.violations?.count).toBeGreaterThan(0);
      expect(refused.violations?.rows.length).toBe(Math.min(20, refused.violations!.count));
    }
    // Nothing was changed: the rows are all there, under the last design that fit.
    expect((await lab.rows(products, 50)).total).toBe(20);
  });
});
