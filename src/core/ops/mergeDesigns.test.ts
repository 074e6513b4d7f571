import { describe, expect, it } from 'vitest';
import { emptyDesign, exampleDocument } from '../model';
import * as ops from './index';
import { mergeDesigns } from './mergeDesigns';

describe('mergeDesigns', () => {
  it('adds new tables, keeps existing ones untouched, and links foreign keys to them', () => {
    const current = exampleDocument().design;
    let incoming = emptyDesign('imported', 'd_in');
    incoming = ops.addTable(incoming, {
      id: 't_x_customers',
      name: 'customers',
      columns: [{ id: 'c_x_id', name: 'id', type: 'int', nullable: false }],
    });
    incoming = ops.addTable(incoming, {
      id: 't_x_reviews',
      name: 'reviews',
      columns: [{ id: 'c_x_cust', name: 'customer_id', type: 'bigint', nullable: false }],
    });
    incoming = ops.addForeignKey(incoming, 't_x_reviews', {
      id: 'k_x',
      columnIds: ['c_x_cust'],
      refTableId: 't_x_customers',
      refColumnIds: ['c_x_id'],
    });
    const r = mergeDesigns(current, incoming);
    expect(r.addedIds).toEqual(['t_x_reviews']);
    expect(r.design.tables.t_customers).toBe(current.tables.t_customers);
    expect(r.design.tables.t_x_reviews?.constraints[0]).toMatchObject({
      refTableId: 't_customers',
      refColumnIds: ['c_customers_id'],
    });
    expect(r.notes.join()).toMatch(/Kept your table "customers"/);
  });

  it('drops a foreign key whose referenced column does not exist in the kept table', () => {
    const current = exampleDocument().design;
    let incoming = emptyDesign('imported', 'd_in');
    incoming = ops.addTable(incoming, {
      id: 't_x_customers',
      name: 'customers',
      columns: [{ id: 'c_x_code', name: 'code', type: 'text', nullable: false }],
    });
    incoming = ops.addTable(incoming, {
      id: 't_x_r',
      name: 'refs',
      columns: [{ id: 'c_x_r', name: 'code', type: 'text', nullable: false }],
    });
    incoming = ops.addForeignKey(incoming, 't_x_r', {
      id: 'k_x',
      columnIds: ['c_x_r'],
      refTableId: 't_x_customers',
      refColumnIds: ['c_x_code'],
    });
    const r = mergeDesigns(current, incoming);
    expect(r.design.tables.t_x_r?.constraints).toEqual([]);
    expect(r.notes.join()).toMatch(/Left out foreign key/);
  });
});
