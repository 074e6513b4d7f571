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

  describe('subject areas of the imported design', () => {
    /**
     * The shop example, its orders in an area "Sales" (id `a_1`), merged with a file of customers
     * and orders (the person has them, under other ids), reviews and ratings (new), in `areas`.
     */
    const mergeWithAreas = (areas: { id: string; name: string; tableIds: string[] }[]) => {
      const current = ops.createArea(exampleDocument().design, {
        id: 'a_1',
        name: 'Sales',
        color: 'blue',
        tableIds: ['t_orders'],
      });
      let d = emptyDesign('imported', 'd_in');
      for (const [id, name] of [
        ['t_x_customers', 'customers'],
        ['t_x_reviews', 'reviews'],
        ['t_x_ratings', 'ratings'],
        ['t_x_orders', 'orders'],
      ] as const)
        d = ops.addTable(d, {
          id,
          name,
          columns: [{ id: `c_${id}`, name: 'id', type: 'int', nullable: false }],
        });
      for (const a of areas) d = ops.createArea(d, { ...a, color: 'green' });
      let n = 0;
      return mergeDesigns(current, d, () => `a_fresh_${++n}`);
    };

    it('come along, with a fresh id where the id is taken and the table ids the merge gave', () => {
      const r = mergeWithAreas([
        { id: 'a_1', name: 'Feedback', tableIds: ['t_x_reviews', 't_x_customers'] },
        { id: 'a_2', name: 'Scores', tableIds: ['t_x_ratings'] },
      ]);
      expect(r.design.areas).toEqual([
        { id: 'a_1', name: 'Sales', color: 'blue', tableIds: ['t_orders'] },
        // customers is the person's table (in no area yet): its id in the design, not the file's.
        {
          id: 'a_fresh_1',
          name: 'Feedback',
          color: 'green',
          tableIds: ['t_x_reviews', 't_customers'],
        },
        { id: 'a_2', name: 'Scores', color: 'green', tableIds: ['t_x_ratings'] },
      ]);
    });

    it('never move a table of the person’s out of its area; one of the same name takes the new tables', () => {
      const r = mergeWithAreas([
        { id: 'a_9', name: 'Sales', tableIds: ['t_x_orders', 't_x_ratings'] },
        { id: 'a_8', name: 'Orders only', tableIds: ['t_x_orders'] },
      ]);
      expect(r.design.areas).toEqual([
        { id: 'a_1', name: 'Sales', color: 'blue', tableIds: ['t_orders', 't_x_ratings'] },
      ]);
      expect(r.notes).toContain(
        'Left out subject area "Orders only": its tables are in subject areas of yours already.',
      );
    });

    it('an empty area of the file is kept', () => {
      const r = mergeWithAreas([{ id: 'a_3', name: 'Later', tableIds: [] }]);
      expect(r.design.areas.map((a) => a.name)).toEqual(['Sales', 'Later']);
    });
  });
});
