import { describe, expect, it } from 'vitest';
import {
  addTablesToArea,
  areaOfTable,
  createArea,
  deleteArea,
  deleteTables,
  nextAreaColor,
  recolorArea,
  removeTablesFromArea,
  renameArea,
} from './index';
import { example, sound } from './testDesigns';

describe('subject area ops', () => {
  it('creates an area from tables, keeping only tables, each once', () => {
    const d = sound(
      createArea(example(), {
        id: 'a_sales',
        name: '  Sales “orders” 🛒  ',
        tableIds: ['t_orders', 't_customers', 't_orders', 't_gone'],
      }),
    );
    expect(d.areas).toEqual([
      {
        id: 'a_sales',
        name: 'Sales “orders” 🛒',
        color: 'blue',
        tableIds: ['t_orders', 't_customers'],
      },
    ]);
  });

  it('refuses a blank name and a duplicate id by leaving the design as it was', () => {
    const base = example();
    expect(createArea(base, { id: 'a_1', name: '   ', tableIds: ['t_orders'] })).toBe(base);
    const one = createArea(base, { id: 'a_1', name: 'One', tableIds: [] });
    expect(createArea(one, { id: 'a_1', name: 'Again', tableIds: [] })).toBe(one);
  });

  it('moves a table into the new area out of the one it was in', () => {
    let d = createArea(example(), { id: 'a_1', name: 'One', tableIds: ['t_orders', 't_products'] });
    d = sound(createArea(d, { id: 'a_2', name: 'Two', tableIds: ['t_orders'] }));
    expect(d.areas.map((a) => a.tableIds)).toEqual([['t_products'], ['t_orders']]);
    expect(areaOfTable(d, 't_orders')?.name).toBe('Two');
  });

  it('gives each new area a colour no other area has, slate last', () => {
    let d = example();
    const colors: string[] = [];
    for (let i = 0; i < 9; i++) {
      d = createArea(d, { id: `a_${i}`, name: `Area ${i}`, tableIds: [] });
      colors.push(d.areas[i]!.color);
    }
    expect(colors.slice(0, 8)).toEqual([
      'blue',
      'green',
      'amber',
      'red',
      'violet',
      'pink',
      'teal',
      'slate',
    ]);
    expect(nextAreaColor(d)).toBeDefined();
  });

  it('renames, recolours, and leaves the design alone for a blank name or an unknown colour', () => {
    const d = createArea(example(), { id: 'a_1', name: 'One', tableIds: ['t_orders'] });
    expect(renameArea(d, 'a_1', ' "Billing" ✨ ').areas[0]!.name).toBe('"Billing" ✨');
    expect(renameArea(d, 'a_1', '  ')).toBe(d);
    expect(renameArea(d, 'a_nope', 'x')).toBe(d);
    expect(recolorArea(d, 'a_1', 'red').areas[0]!.color).toBe('red');
    expect(recolorArea(d, 'a_1', 'hotpink' as 'red')).toBe(d);
  });

  it('adds tables (taking them from other areas) and removes them', () => {
    let d = createArea(example(), { id: 'a_1', name: 'One', tableIds: ['t_orders'] });
    d = createArea(d, { id: 'a_2', name: 'Two', tableIds: ['t_products'] });
    d = sound(addTablesToArea(d, 'a_1', ['t_products', 't_customers', 't_orders']));
    expect(d.areas.map((a) => a.tableIds)).toEqual([['t_orders', 't_products', 't_customers'], []]);
    d = sound(removeTablesFromArea(d, 'a_1', ['t_orders']));
    expect(d.areas[0]!.tableIds).toEqual(['t_products', 't_customers']);
    expect(removeTablesFromArea(d, 'a_1', ['t_orders'])).toBe(d);
  });

  it('deletes an area and keeps its tables', () => {
    const d = createArea(example(), { id: 'a_1', name: 'One', tableIds: ['t_orders'] });
    const gone = sound(deleteArea(d, 'a_1'));
    expect(gone.areas).toEqual([]);
    expect(gone.tables.t_orders).toBeDefined();
    expect(deleteArea(gone, 'a_1')).toBe(gone);
  });

  it('takes a deleted table out of its area, so the design stays sound', () => {
    let d = createArea(example(), {
      id: 'a_1',
      name: 'One',
      tableIds: ['t_orders', 't_order_items', 't_products'],
    });
    d = sound(deleteTables(d, ['t_orders']));
    expect(d.areas[0]!.tableIds).toEqual(['t_order_items', 't_products']);
  });
});
