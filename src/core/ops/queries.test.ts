import { describe, expect, it } from 'vitest';
import { exampleDocument, parseDesign } from '../model';
import { acceptQueryPlan, addSavedQuery, deleteSavedQuery } from './queries';

const { design } = exampleDocument();
const q1 = {
  id: 'x_1',
  name: 'orders of a customer',
  sql: 'select * from orders where customer_id = 1',
};
const q2 = { id: 'x_2', name: 'all products', sql: 'select * from products' };

describe('saved query ops', () => {
  it('appends queries in order, and leaves the design it was given as it was', () => {
    const base = { ...design, queries: [] };
    const d = addSavedQuery(addSavedQuery(base, q1), q2);
    expect(d.queries.map((q) => q.id)).toEqual(['x_1', 'x_2']);
    expect(base.queries).toEqual([]);
  });

  it('ignores a query whose id is already saved', () => {
    const d = addSavedQuery(design, q1);
    expect(addSavedQuery(d, { ...q1, name: 'other' })).toBe(d);
  });

  it('accepts a plan shape for one query only, and is a no-op when nothing changes', () => {
    const d = addSavedQuery(addSavedQuery(design, q1), q2);
    const accepted = acceptQueryPlan(d, 'x_2', 'Seq Scan on products');
    expect(accepted.queries?.find((q) => q.id === 'x_2')?.plan).toBe('Seq Scan on products');
    expect(accepted.queries?.find((q) => q.id === 'x_1')).toBe(d.queries?.[0]);
    expect(acceptQueryPlan(accepted, 'x_2', 'Seq Scan on products')).toBe(accepted);
    expect(acceptQueryPlan(d, 'x_missing', 'plan')).toBe(d);
  });

  it('deletes one query; deleting an unknown id changes nothing', () => {
    const d = addSavedQuery(addSavedQuery(design, q1), q2);
    expect(deleteSavedQuery(d, 'x_1').queries?.map((q) => q.id)).toEqual(['x_2']);
    expect(deleteSavedQuery(d, 'x_missing')).toBe(d);
  });

  it('leaves a design that still parses', () => {
    const d = acceptQueryPlan(addSavedQuery(design, q1), 'x_1', 'Index Scan');
    const doc = { ...exampleDocument(), design: d };
    expect(parseDesign(JSON.parse(JSON.stringify(doc))).ok).toBe(true);
  });
});
