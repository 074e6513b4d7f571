import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleDocument, type Design } from '../../core/model';
import * as ops from '../../core/ops';
import { LabEngine, type CreateLabDb, type LabDb } from './labEngine';

// Kept databases as the browser keeps them in IndexedDB: one data directory per design id, here on
// disk. A new one starts from a data-directory dump (as the worker does from the snapshot).
const root = mkdtempSync(join(tmpdir(), 'tablewright-lab-'));
const opened: PGlite[] = [];
let template: Blob;
const keptDatabases: CreateLabDb = async (design, { fresh }) => {
  const dir = join(root, design.id);
  if (fresh) rmSync(dir, { recursive: true, force: true });
  const isNew = !existsSync(join(dir, 'PG_VERSION'));
  const pg = await PGlite.create({ dataDir: dir, ...(isNew ? { loadDataDir: template } : {}) });
  opened.push(pg);
  return { db: pg as unknown as LabDb, kept: true };
};
const lab = new LabEngine(keptDatabases);
beforeAll(async () => {
  const cold = await PGlite.create();
  template = await cold.dumpDataDir('gzip');
  await cold.close();
}, 120_000);
afterAll(async () => {
  await lab.close();
  await Promise.all(opened.map((p) => (p.closed ? undefined : p.close())));
  rmSync(root, { recursive: true, force: true });
});

const shop = exampleDocument().design;
const tableId = (d: Design, name: string) =>
  Object.values(d.tables).find((t) => t.name === name)!.id;
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

  it('orders rows by a column as Postgres orders its type: 2 before 10', async () => {
    const idOf = (r: { columns: string[]; rows: { values: unknown[] }[] }) =>
      r.rows.map((row) => Number(row.values[r.columns.indexOf('id')]));
    const ids = idOf(await lab.rows(products, 50, { column: 'id' }));
    expect(ids.slice(0, 11)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(
      idOf(await lab.rows(products, 50, { column: 'id', descending: true })).slice(0, 3),
    ).toEqual([20, 19, 18]);
    // The oracle can fail: the same ids ordered as text put 10 before 2.
    const asText = ids.map(String).sort();
    expect(asText.indexOf('10')).toBeLessThan(asText.indexOf('2'));
  });

  it('shows Postgres’s violation on the row: constraint, message, detail', async () => {
    const bad = await lab.insertRow(orders, { customer_id: '999999', status: 'pending' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.code).toBe('23503');
      expect(bad.error.constraint).toBe('orders_customer_id_fkey');
      expect(bad.error.detail).toContain(
        '(customer_id)=(999999) is not present in table "customers"',
      );
    }
    const { rows } = await lab.rows(products, 1);
    const price = await lab.updateCell(products, rows[0]!.ctid, 'price', '-5');
    expect(price.ok || price.error.constraint).toBe('products_price_check');
    const gone = await lab.deleteRow(products, rows[0]!.ctid);
    // Order items reference products (ON DELETE RESTRICT): Postgres refuses, naming the foreign key.
    expect(gone.ok).toBe(false);
    if (!gone.ok)
      expect([gone.error.code, gone.error.constraint]).toEqual([
        '23001',
        'order_items_product_id_fkey',
      ]);
  });

  it('keeps the rows through a change they allow, applied as a migration', async () => {
    const withNote = ops.addColumn(shop, products, {
      id: 'c_note000001',
      name: 'note',
      type: 'text',
      nullable: true,
    });
    expect(await lab.sync(withNote)).toEqual({ kind: 'migrated', steps: 1 });
    expect((await lab.rows(products, 5)).columns).toContain('note');
    expect((await lab.rows(products, 5)).total).toBe(20);
  });

  it('refuses a change the rows break, and shows which rows', async () => {
    const current = ops.addColumn(shop, products, {
      id: 'c_note000001',
      name: 'note',
      type: 'text',
      nullable: true,
    });
    const required = ops.addColumn(current, products, {
      id: 'c_rank000001',
      name: 'rank',
      type: 'integer',
      nullable: false,
    });
    const blocked = await lab.sync(required);
    expect(blocked.kind).toBe('blocked');
    if (blocked.kind === 'blocked') {
      expect(blocked.error.code).toBe('23502');
      expect(blocked.violations).toMatchObject({
        table: 'products',
        count: 20,
        rule: 'rank IS NOT NULL',
      });
    }
    const cheap = ops.addConstraint(current, products, {
      id: 'k_cheap00001',
      kind: 'check',
      name: 'products_cheap',
      expression: 'price < 10',
    });
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

  it('keeps the rows across a reload, migrated to the design as it is now', async () => {
    const kept = ops.addColumn(shop, products, {
      id: 'c_note000001',
      name: 'note',
      type: 'text',
      nullable: true,
    });
    // The page goes away; the design changed meanwhile (another tab, an undo before the reload).
    await lab.close();
    const changed = ops.addColumn(kept, products, {
      id: 'c_label00001',
      name: 'label',
      type: 'text',
      nullable: true,
    });
    const reloaded = new LabEngine(keptDatabases);
    try {
      expect(await reloaded.sync(changed)).toEqual({ kind: 'migrated', steps: 1 });
      expect(reloaded.kept).toBe(true);
      const rows = await reloaded.rows(products, 50);
      expect(rows.total).toBe(20);
      expect(rows.columns).toEqual(expect.arrayContaining(['note', 'label']));
      // And the migrated design is what the next reload starts from.
      await reloaded.close();
      expect(await reloaded.sync(changed)).toEqual({ kind: 'unchanged' });
      expect((await reloaded.rows(products, 50)).total).toBe(20);
    } finally {
      await reloaded.close();
    }
  });

  it('keeps each design’s rows apart, and empties only on request', async () => {
    const other: Design = {
      ...ops.addColumn(shop, products, {
        id: 'c_note000001',
        name: 'note',
        type: 'text',
        nullable: true,
      }),
      id: 'd_otherdesign1',
    };
    const engine = new LabEngine(keptDatabases);
    try {
      expect(await engine.sync(other)).toEqual({ kind: 'built' });
      expect((await engine.rows(products, 5)).total).toBe(0);
      // Back to the first design: its rows are there.
      const first = ops.addColumn(
        ops.addColumn(shop, products, {
          id: 'c_note000001',
          name: 'note',
          type: 'text',
          nullable: true,
        }),
        products,
        { id: 'c_label00001', name: 'label', type: 'text', nullable: true },
      );
      expect((await engine.sync(first)).kind).toBe('unchanged');
      expect((await engine.rows(products, 5)).total).toBe(20);
      expect(await engine.rebuild(first)).toEqual({ kind: 'built' });
      await engine.close();
      await engine.sync(first);
      expect((await engine.rows(products, 5)).total).toBe(0);
    } finally {
      await engine.close();
    }
  });
});
