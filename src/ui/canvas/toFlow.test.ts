import { describe, expect, it } from 'vitest';
import { exampleDocument } from '../../core/model';
import * as ops from '../../core/ops';
import {
  boxHeight,
  HEADER_CENTER_Y,
  NODE_WIDTH,
  rowCenterY,
  tableSize,
} from '../../core/geometry/tableGeometry';
import { keysOnlyLayout } from '../../core/geometry/keysOnly';
import { findPath } from '../../core/graph';
import { sameOrNext, toFlow } from './toFlow';
import { emphasisOf, NO_EMPHASIS } from './emphasis';

describe('toFlow', () => {
  it('gives every table a known size and a pair of handles per column, plus the header pair', () => {
    const { design, layout } = exampleDocument();
    const { nodes } = toFlow(design, layout, new Set());
    const orders = nodes.find((n) => n.id === 't_orders');
    expect(orders?.measured).toEqual({ width: NODE_WIDTH, height: boxHeight(5) });
    expect(orders?.handles).toHaveLength(12);
  });

  it('centres each handle on its row, where the SVG export ends the same line', () => {
    const { design, layout } = exampleDocument();
    const orders = toFlow(design, layout, new Set()).nodes.find((n) => n.id === 't_orders');
    const centre = (id: string) => {
      const h = orders?.handles?.find((x) => x.id === id);
      return h ? h.y + (h.height ?? 0) / 2 : NaN;
    };
    expect(centre('#header:l')).toBe(HEADER_CENTER_Y);
    expect(centre('c_orders_id:r')).toBe(rowCenterY(0));
    expect(centre('c_orders_status:l')).toBe(rowCenterY(3));
  });

  it("derives crow's-foot ends from NOT NULL and uniqueness", () => {
    const { design, layout } = exampleDocument();
    const { edges } = toFlow(design, layout, new Set());
    const byId = Object.fromEntries(edges.map((e) => [e.id, e.data]));
    // orders.customer_id is NOT NULL and not unique: exactly one customer, many orders.
    expect(byId.k_orders_customer_id_fkey).toMatchObject({
      parentEnd: 'one',
      childEnd: 'zeroOrMany',
    });
    // orders.shipping_address_id is nullable: zero or one address.
    expect(byId.k_orders_shipping_address_id_fkey).toMatchObject({
      parentEnd: 'zeroOrOne',
      childEnd: 'zeroOrMany',
    });
    // A unique FK column is one-to-one.
    const d2 = ops.toggleUniqueColumn(design, 't_orders', 'c_orders_customer_id', true, 'k_u');
    const e2 = toFlow(d2, layout, new Set()).edges.find(
      (e) => e.id === 'k_orders_customer_id_fkey',
    );
    expect(e2?.data).toMatchObject({ childEnd: 'zeroOrOne' });
  });

  it('flags a foreign key whose column type differs from the referenced one', () => {
    const { design, layout } = exampleDocument();
    const d = ops.updateColumn(design, 't_orders', 'c_orders_customer_id', { type: 'integer' });
    const e = toFlow(d, layout, new Set()).edges.find((x) => x.id === 'k_orders_customer_id_fkey');
    expect(e?.data?.typeMismatch).toBe(true);
  });

  it('does not flag equivalent spellings of one type as a mismatch', () => {
    const { design, layout } = exampleDocument();
    const mismatch = (childType: string, parentType: string) => {
      let d = ops.updateColumn(design, 't_orders', 'c_orders_customer_id', { type: childType });
      d = ops.updateColumn(d, 't_customers', 'c_customers_id', { type: parentType });
      const e = toFlow(d, layout, new Set()).edges.find(
        (x) => x.id === 'k_orders_customer_id_fkey',
      );
      return e?.data?.typeMismatch;
    };
    expect(mismatch('timestamp(3) with time zone', 'timestamptz(3)')).toBe(false);
    expect(mismatch('int4[]', 'integer[]')).toBe(false);
    expect(mismatch('integer', 'bigserial')).toBe(true);
  });

  it('reuses node objects that did not change', () => {
    const { design, layout } = exampleDocument();
    const a = toFlow(design, layout, new Set());
    const d = ops.renameTable(design, 't_orders', 'purchases');
    const b = toFlow(d, layout, new Set());
    expect(b.nodes.find((n) => n.id === 't_customers')).toBe(
      a.nodes.find((n) => n.id === 't_customers'),
    );
    expect(b.nodes.find((n) => n.id === 't_orders')).not.toBe(
      a.nodes.find((n) => n.id === 't_orders'),
    );
  });

  it('collapsed tables show only key columns; a line to a hidden column ends at the header', () => {
    const { design, layout } = exampleDocument();
    const collapsed = {
      ...layout,
      tables: { ...layout.tables, t_products: { x: 800, y: 380, collapsed: true } },
    };
    const { nodes, edges } = toFlow(design, collapsed, new Set());
    // The header pair, then id (primary key) and sku (unique): price and the rest are hidden.
    expect(nodes.find((n) => n.id === 't_products')?.handles).toHaveLength(6);
    // Every foreign key is still a line, whatever is collapsed.
    const fks = Object.values(design.tables).flatMap((t) =>
      t.constraints.filter((k) => k.kind === 'foreignKey'),
    );
    expect(edges).toHaveLength(fks.length);
    const both = {
      ...layout,
      tables: Object.fromEntries(
        Object.entries(layout.tables).map(([id, l]) => [id, { ...l, collapsed: true }]),
      ),
    };
    const all = toFlow(design, both, new Set());
    expect(all.edges).toHaveLength(fks.length);
    for (const e of all.edges) {
      const handles = (id: string) =>
        all.nodes.find((n) => n.id === id)?.handles?.map((h) => h.id) ?? [];
      expect(handles(e.source)).toContain(e.sourceHandle);
      expect(handles(e.target)).toContain(e.targetHandle);
    }
  });

  it('a drag frame rebuilds only the lines of the moved table whose facing sides flip', () => {
    const { design, layout } = exampleDocument();
    const before = toFlow(design, layout, new Set());
    const orders = layout.tables.t_orders ?? { x: 0, y: 0 };
    const nudged = ops.moveTables(layout, [{ id: 't_orders', x: orders.x + 3, y: orders.y + 2 }]);
    const after = toFlow(design, nudged, new Set());
    // A small move flips no sides: every line is the same object, and so is the array once
    // compared with the previous one.
    after.edges.forEach((e, i) => expect(e).toBe(before.edges[i]));
    expect(sameOrNext(before.edges, after.edges)).toBe(before.edges);
    // Moved far to the other side of everything: its lines change sides, and only they are new.
    const far = ops.moveTables(layout, [{ id: 't_orders', x: -5000, y: orders.y }]);
    const flipped = toFlow(design, far, new Set());
    expect(sameOrNext(before.edges, flipped.edges)).toBe(flipped.edges);
    for (const [i, e] of flipped.edges.entries()) {
      const touches = e.source === 't_orders' || e.target === 't_orders';
      if (!touches) expect(e).toBe(before.edges[i]);
    }
    expect(
      flipped.edges.filter(
        (e, i) => (e.source === 't_orders' || e.target === 't_orders') && e !== before.edges[i],
      ).length,
    ).toBeGreaterThan(0);
    // Moved back, its lines face the way they did at first (a reused line is never a stale one).
    const back = ops.moveTables(far, [{ id: 't_orders', x: orders.x, y: orders.y }]);
    const returned = toFlow(design, back, new Set());
    returned.edges.forEach((e, i) => expect(e).toEqual(before.edges[i]));
    // An edit to a table rebuilds that table's lines (their ends may have changed).
    const renamed = ops.renameTable(design, 't_customers', 'clients');
    const edited = toFlow(renamed, layout, new Set());
    const line = edited.edges.find((e) => e.id === 'k_orders_customer_id_fkey');
    expect(line).not.toBe(before.edges.find((e) => e.id === 'k_orders_customer_id_fkey'));
    expect(line?.ariaLabel).toContain('to clients');
  });

  it('far out, flags which names are drawn; near, every name is', () => {
    const { design, layout } = exampleDocument();
    const near = toFlow(design, layout, new Set());
    expect(near.nodes.filter((n) => n.type === 'table').every((n) => n.data.label)).toBe(true);
    const far = toFlow(design, layout, new Set(), null, 0.02);
    const labelled = far.nodes.filter((n) => n.type === 'table' && n.data.label);
    // At 2% the example's five tables sit within a few screen pixels: one name has room.
    expect(labelled.length).toBeGreaterThan(0);
    expect(labelled.length).toBeLessThan(near.nodes.length);
    expect(labelled.every((n) => n.zIndex === 1)).toBe(true);
  });
});

describe('toFlow while reading (focus, path, keys only)', () => {
  const { design, layout } = exampleDocument();
  const classOf = (r: ReturnType<typeof toFlow>, id: string) =>
    r.nodes.find((n) => n.id === id)?.className;

  it('dims what focus leaves out, or leaves it out when hiding, lines and all', () => {
    const focus = { tableId: 't_products', hops: 1 as const, hideOthers: false };
    const dimmed = toFlow(design, layout, new Set(), null, null, emphasisOf(design, focus, null));
    // order_items references products; nothing else is one key away.
    expect(classOf(dimmed, 't_products')).toBeUndefined();
    expect(classOf(dimmed, 't_order_items')).toBeUndefined();
    expect(classOf(dimmed, 't_customers')).toBe('tw-dimmed');
    const bright = dimmed.edges.filter((e) => e.className !== 'tw-dimmed');
    expect(bright.map((e) => [e.source, e.target])).toEqual([['t_order_items', 't_products']]);

    const hidden = toFlow(
      design,
      layout,
      new Set(),
      null,
      null,
      emphasisOf(design, { ...focus, hideOthers: true }, null),
    );
    expect(hidden.nodes.map((n) => n.id).sort()).toEqual(['t_order_items', 't_products']);
    expect(hidden.edges).toHaveLength(1);
  });

  it('lights the path between two tables and dims the rest; no path lights nothing', () => {
    const ends = { fromId: 't_addresses', toId: 't_products' };
    const path = findPath(design, 't_addresses', 't_products');
    expect(path?.tableIds[0]).toBe('t_addresses');
    const r = toFlow(design, layout, new Set(), null, null, emphasisOf(design, null, ends));
    for (const id of path?.tableIds ?? []) expect(classOf(r, id)).toBe('tw-on-path');
    expect(r.edges.filter((e) => e.className === 'tw-on-path').map((e) => e.id)).toEqual(
      expect.arrayContaining(path?.foreignKeyIds ?? ['none']),
    );
    expect(r.edges.filter((e) => e.className === 'tw-on-path')).toHaveLength(
      path?.foreignKeyIds.length ?? -1,
    );
    expect(emphasisOf(design, null, { fromId: 't_addresses', toId: null })).toBe(NO_EMPHASIS);
  });

  it('keys only draws every table as a collapsed one, from the same geometry', () => {
    const r = toFlow(design, keysOnlyLayout(layout), new Set());
    for (const t of Object.values(design.tables)) {
      const node = r.nodes.find((n) => n.id === t.id);
      expect(node?.height).toBe(tableSize(t, { x: 0, y: 0, collapsed: true }).height);
    }
    // The stored layout is untouched: leaving the view restores every table as it was.
    expect(Object.values(layout.tables).some((l) => l.collapsed)).toBe(false);
  });
});
