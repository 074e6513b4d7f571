import { describe, expect, it } from 'vitest';
import { exampleDocument } from '../../core/model';
import * as ops from '../../core/ops';
import { toFlow } from './toFlow';

function withSales() {
  const { design, layout } = exampleDocument();
  return {
    design: ops.createArea(design, {
      id: 'a_sales',
      name: 'Sales',
      tableIds: ['t_orders', 't_order_items'],
    }),
    layout,
  };
}

describe('subject areas in toFlow', () => {
  it('draws a region behind the area and its label above, enclosing its tables', () => {
    const { design, layout } = withSales();
    const { nodes } = toFlow(design, layout, new Set());
    const at = (id: string) => nodes.findIndex((n) => n.id === id);
    const region = nodes[at('area:a_sales')]!;
    const label = nodes[at('area-label:a_sales')]!;
    expect(region.zIndex).toBe(-1);
    expect(label.zIndex).toBeGreaterThan(0);
    // Behind every table in order too, and the label after every table.
    expect(at('area:a_sales')).toBeLessThan(at('t_orders'));
    expect(at('area-label:a_sales')).toBeGreaterThan(at('t_order_items'));
    expect(region.selectable).toBe(false);
    for (const id of ['t_orders', 't_order_items']) {
      const t = nodes[at(id)]!;
      expect(region.position.x).toBeLessThan(t.position.x);
      expect(region.position.y).toBeLessThan(t.position.y);
      expect(region.position.x + region.width!).toBeGreaterThan(t.position.x + t.width!);
      expect(region.position.y + region.height!).toBeGreaterThan(t.position.y + t.height!);
    }
    // Without areas, nothing of the kind.
    const plain = toFlow(exampleDocument().design, layout, new Set()).nodes;
    expect(plain.some((n) => n.type === 'area' || n.type === 'areaLabel')).toBe(false);
  });

  it('keeps the region objects while nothing moves, and follows a moved table', () => {
    const { design, layout } = withSales();
    const first = toFlow(design, layout, new Set()).nodes.find((n) => n.id === 'area:a_sales');
    const again = toFlow(design, layout, new Set()).nodes.find((n) => n.id === 'area:a_sales');
    expect(again).toBe(first);
    const moved = ops.moveTables(layout, [{ id: 't_orders', x: 5000, y: 4000 }]);
    const after = toFlow(design, moved, new Set()).nodes.find((n) => n.id === 'area:a_sales');
    expect(after).not.toBe(first);
    expect(after!.position.x + after!.width!).toBeGreaterThan(5000);
  });

  it('the filter shows only the tables of an area; a deleted area shows everything', () => {
    const { design, layout } = withSales();
    const tablesShown = (filter: string | null, d = design) =>
      toFlow(d, layout, new Set(), filter)
        .nodes.filter((n) => n.type === 'table')
        .map((n) => n.id)
        .sort();
    expect(tablesShown('a_sales')).toEqual(['t_order_items', 't_orders']);
    const all = tablesShown(null);
    expect(all.length).toBeGreaterThan(2);
    expect(tablesShown('a_sales', ops.deleteArea(design, 'a_sales'))).toEqual(all);
  });
});
