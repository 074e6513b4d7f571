import { describe, expect, it } from 'vitest';
import { checkIntegrity } from '../model/integrity';
import { exampleDocument, type Design } from '../model';
import { reconcileIds } from './reconcileIds';

/** The example design as if read back from the catalog: same names, all ids different. */
function withFreshIds(d: Design): Design {
  const json = JSON.stringify(d).replace(
    /"([tckise])_([a-z0-9_]+)"/g,
    (_m, p: string, rest: string) => `"${p}_fresh_${rest}"`,
  );
  return JSON.parse(json) as Design;
}

describe('reconcileIds', () => {
  it('gives back every id when nothing changed', () => {
    const prev = exampleDocument().design;
    const next = reconcileIds(prev, withFreshIds(prev));
    expect(next.tables).toEqual(prev.tables);
    expect(next.enums).toEqual(prev.enums);
  });

  it('keeps the id of a column renamed in place', () => {
    const prev = exampleDocument().design;
    const fresh = withFreshIds(prev);
    const orders = Object.values(fresh.tables).find((t) => t.name === 'orders');
    if (!orders?.columns[3]) throw new Error('fixture');
    orders.columns[3] = { ...orders.columns[3], name: 'state' };
    const next = reconcileIds(prev, fresh);
    expect(next.tables.t_orders?.columns[3]).toMatchObject({
      id: 'c_orders_status',
      name: 'state',
    });
    expect(checkIntegrity(next)).toBeUndefined();
  });

  it('new tables and columns keep their fresh ids; references follow the remap', () => {
    const prev = exampleDocument().design;
    const fresh = withFreshIds(prev);
    const orders = Object.values(fresh.tables).find((t) => t.name === 'orders');
    orders?.columns.push({ id: 'c_new', name: 'note', type: 'text', nullable: true });
    const next = reconcileIds(prev, fresh);
    expect(next.tables.t_orders?.columns.at(-1)?.id).toBe('c_new');
    const fk = next.tables.t_order_items?.constraints.find(
      (k) => k.kind === 'foreignKey' && k.name === 'order_items_order_id_fkey',
    );
    expect(fk).toMatchObject({
      refTableId: 't_orders',
      refColumnIds: ['c_orders_id'],
      columnIds: ['c_order_items_order_id'],
    });
    expect(checkIntegrity(next)).toBeUndefined();
  });

  it('two renamed columns are new columns (ambiguous), not guesses', () => {
    const prev = exampleDocument().design;
    const fresh = withFreshIds(prev);
    const c = Object.values(fresh.tables).find((t) => t.name === 'customers');
    if (!c?.columns[1] || !c.columns[2]) throw new Error('fixture');
    c.columns[1] = { ...c.columns[1], name: 'mail' };
    c.columns[2] = { ...c.columns[2], name: 'name' };
    const next = reconcileIds(prev, fresh);
    expect(next.tables.t_customers?.columns[1]?.id).not.toBe('c_customers_email');
  });
});
