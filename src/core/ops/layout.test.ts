import { describe, expect, it } from 'vitest';
import { exampleDocument } from '../model';
import { moveTables, placeTables, setTableCollapsed, setTablesColor } from './layout';

const { layout } = exampleDocument();

describe('layout ops', () => {
  it('moves tables to whole-pixel positions, keeping their other settings', () => {
    const moved = moveTables(layout, [
      { id: 't_orders', x: 100.4, y: 200.6 },
      { id: 't_new', x: 5, y: 6 },
    ]);
    expect(moved.tables.t_orders).toEqual({ ...layout.tables.t_orders, x: 100, y: 201 });
    expect(moved.tables.t_new).toEqual({ x: 5, y: 6 });
    expect(moved.tables.t_customers).toBe(layout.tables.t_customers);
    expect(layout.tables.t_orders?.x).toBe(420);
  });

  it('returns the same layout when a move lands where the table is (a drag frame that did not move)', () => {
    const at = layout.tables.t_orders!;
    expect(moveTables(layout, [{ id: 't_orders', x: at.x + 0.2, y: at.y - 0.3 }])).toBe(layout);
  });

  it('collapses and expands a table, and is a no-op when already so', () => {
    const collapsed = setTableCollapsed(layout, 't_orders', true);
    expect(collapsed.tables.t_orders).toEqual({ ...layout.tables.t_orders, collapsed: true });
    expect(setTableCollapsed(collapsed, 't_orders', true)).toBe(collapsed);
    expect(setTableCollapsed(collapsed, 't_orders', false).tables.t_orders?.collapsed).toBe(false);
    expect(setTableCollapsed(layout, 't_orders', false)).toBe(layout);
  });

  it('colors tables, clears a color, and leaves tables without a layout alone', () => {
    const green = setTablesColor(layout, ['t_orders', 't_missing'], 'green');
    expect(green.tables.t_orders?.color).toBe('green');
    expect(green.tables.t_missing).toBeUndefined();
    const cleared = setTablesColor(green, ['t_orders'], undefined);
    expect(cleared.tables.t_orders).not.toHaveProperty('color');
    expect(setTablesColor(green, ['t_orders'], 'green')).toBe(green);
  });
});

describe('placeTables', () => {
  it('moves the placed tables, keeps their colour and collapsed state, and leaves the others', () => {
    const layout = {
      viewport: { x: 0, y: 0, zoom: 1 },
      tables: {
        a: { x: 1, y: 2, color: 'blue', collapsed: true },
        b: { x: 5, y: 6 },
      },
    };
    const next = placeTables(layout as never, { a: { x: 100, y: 200 }, c: { x: 7, y: 8 } });
    expect(next.tables).toEqual({
      a: { x: 100, y: 200, color: 'blue', collapsed: true },
      b: { x: 5, y: 6 },
      c: { x: 7, y: 8 },
    });
    expect(next.tables.b).toBe(layout.tables.b);
    expect(layout.tables.a).toEqual({ x: 1, y: 2, color: 'blue', collapsed: true });
  });
});
