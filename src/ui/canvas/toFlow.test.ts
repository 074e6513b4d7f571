import { describe, expect, it } from 'vitest';
import { exampleDocument } from '../../core/model';
import * as ops from '../../core/ops';
import { HEADER_HEIGHT, FOOTER_HEIGHT, ROW_HEIGHT } from './geometry';
import { toFlow } from './toFlow';

describe('toFlow', () => {
  it('gives every table a known size and a pair of handles per column', () => {
    const { design, layout } = exampleDocument();
    const { nodes } = toFlow(design, layout, new Set());
    const orders = nodes.find((n) => n.id === 't_orders');
    expect(orders?.measured).toEqual({ width: 260, height: HEADER_HEIGHT + 5 * ROW_HEIGHT + FOOTER_HEIGHT });
    expect(orders?.handles).toHaveLength(10);
  });

  it("derives crow's-foot ends from NOT NULL and uniqueness", () => {
    const { design, layout } = exampleDocument();
    const { edges } = toFlow(design, layout, new Set());
    const byId = Object.fromEntries(edges.map((e) => [e.id, e.data]));
    // orders.customer_id is NOT NULL and not unique: exactly one customer, many orders.
    expect(byId.k_orders_customer_id_fkey).toMatchObject({ parentEnd: 'one', childEnd: 'zeroOrMany' });
    // orders.shipping_address_id is nullable: zero or one address.
    expect(byId.k_orders_shipping_address_id_fkey).toMatchObject({ parentEnd: 'zeroOrOne', childEnd: 'zeroOrMany' });
    // A unique FK column is one-to-one.
    const d2 = ops.toggleUniqueColumn(design, 't_orders', 'c_orders_customer_id', true, 'k_u');
    const e2 = toFlow(d2, layout, new Set()).edges.find((e) => e.id === 'k_orders_customer_id_fkey');
    expect(e2?.data).toMatchObject({ childEnd: 'zeroOrOne' });
  });

  it('flags a foreign key whose column type differs from the referenced one', () => {
    const { design, layout } = exampleDocument();
    const d = ops.updateColumn(design, 't_orders', 'c_orders_customer_id', { type: 'integer' });
    const e = toFlow(d, layout, new Set()).edges.find((x) => x.id === 'k_orders_customer_id_fkey');
    expect(e?.data?.typeMismatch).toBe(true);
  });

  it('reuses node objects that did not change', () => {
    const { design, layout } = exampleDocument();
    const a = toFlow(design, layout, new Set());
    const d = ops.renameTable(design, 't_orders', 'purchases');
    const b = toFlow(d, layout, new Set());
    expect(b.nodes.find((n) => n.id === 't_customers')).toBe(a.nodes.find((n) => n.id === 't_customers'));
    expect(b.nodes.find((n) => n.id === 't_orders')).not.toBe(a.nodes.find((n) => n.id === 't_orders'));
  });

  it('collapsed tables show only key columns and route edges only to visible ones', () => {
    const { design, layout } = exampleDocument();
    const collapsed = { ...layout, tables: { ...layout.tables, t_products: { x: 800, y: 380, collapsed: true } } };
    const { nodes } = toFlow(design, collapsed, new Set());
    expect(nodes.find((n) => n.id === 't_products')?.handles).toHaveLength(2);
  });
});
