import ELK from 'elkjs/lib/elk.bundled.js';
import { describe, expect, it } from 'vitest';
import { exampleDocument, type Layout } from '../../core/model';
import * as ops from '../../core/ops';
import { keysOnlyLayout } from '../../core/geometry/keysOnly';
import { rowCenterY } from '../../core/geometry/tableGeometry';
import { arrangeDesign } from '../../layout/autoLayout';
import { routedPath } from './routedPath';
import { toFlow } from './toFlow';

/** The example design, auto-laid out with its lines routed, as the Arrange command stores it. */
async function arrangedExample() {
  const { design, layout } = exampleDocument();
  const { tables, routes } = await arrangeDesign(new ELK(), design, layout);
  const arranged: Layout = ops.placeRoutes(ops.placeTables(layout, tables), routes, true);
  return { design, layout: arranged };
}

describe('routed lines on the canvas', () => {
  it('draws every routed line along its route, from the child column row to the parent one', async () => {
    const { design, layout } = await arrangedExample();
    const { edges } = toFlow(design, layout, new Set());
    expect(edges.length).toBeGreaterThan(0);
    for (const edge of edges) {
      const route = edge.data?.route;
      expect(route, edge.id).toBeDefined();
      const child = design.tables[edge.source]!;
      const parent = design.tables[edge.target]!;
      const key = child.constraints.find((k) => k.id === edge.id);
      if (key?.kind !== 'foreignKey') throw new Error('not a foreign key');
      const childRow = child.columns.findIndex((c) => c.id === key.columnIds[0]);
      const parentRow = parent.columns.findIndex((c) => c.id === key.refColumnIds[0]);
      expect(route![1]).toBe(layout.tables[child.id]!.y + rowCenterY(childRow));
      expect(route!.at(-1)).toBe(layout.tables[parent.id]!.y + rowCenterY(parentRow));
      // The handles React Flow ends the line at are on the same sides as the route's ends.
      const childAt = layout.tables[child.id]!;
      expect(edge.sourceHandle?.endsWith(route![0] === childAt.x ? ':l' : ':r')).toBe(true);
      // The drawn path starts and ends at the route's ends.
      const path = routedPath(route!, true);
      expect(path.startsWith(`M${route![0]} ${route![1]}`)).toBe(true);
      expect(path.endsWith(`L${route!.at(-2)} ${route!.at(-1)}`)).toBe(true);
    }
  });

  it('a drag drops the routes of the moved table only; moving it back brings them back', async () => {
    const { design, layout } = await arrangedExample();
    const before = toFlow(design, layout, new Set());
    const at = layout.tables.t_orders!;
    const dragged = ops.moveTables(layout, [{ id: 't_orders', x: at.x + 40, y: at.y + 30 }]);
    const after = toFlow(design, dragged, new Set());
    const touches = (e: { source: string; target: string }) =>
      e.source === 't_orders' || e.target === 't_orders';
    expect(after.edges.filter(touches).length).toBeGreaterThan(0);
    for (const [i, edge] of after.edges.entries()) {
      if (touches(edge)) {
        // Stale: drawn the canvas's own way, never along the old route.
        expect(edge.data?.route).toBeUndefined();
      } else {
        // Untouched lines are the very same objects, route and all.
        expect(edge).toBe(before.edges[i]);
        expect(edge.data?.route).toBeDefined();
      }
    }
    const back = toFlow(design, ops.moveTables(dragged, [{ id: 't_orders', ...at }]), new Set());
    for (const edge of back.edges) expect(edge.data?.route).toBeDefined();
  });

  it('an edit that moves a column row or a table side makes the routes ending there stale', async () => {
    const { design, layout } = await arrangedExample();
    const line = (d: typeof design, l: Layout, id: string) =>
      toFlow(d, l, new Set()).edges.find((e) => e.id === id);
    const key = 'k_orders_customer_id_fkey';
    expect(line(design, layout, key)?.data?.route).toBeDefined();
    // A new first column in orders pushes customer_id's row down a row.
    const widened = ops.addColumn(
      design,
      't_orders',
      { id: 'c_orders_new', name: 'created_by', type: 'text', nullable: true },
      0,
    );
    expect(line(widened, layout, key)?.data?.route).toBeUndefined();
    // A column added after it leaves the row where it was: the route still holds.
    const appended = ops.addColumn(design, 't_orders', {
      id: 'c_orders_late',
      name: 'note',
      type: 'text',
      nullable: true,
    });
    expect(line(appended, layout, key)?.data?.route).toBeDefined();
    // Collapsing orders keeps customer_id (a key column) on its row: the route still holds.
    const collapsed = ops.setTableCollapsed(layout, 't_orders', true);
    expect(line(design, collapsed, key)?.data?.route).toBeDefined();
    // A wider customers moves its right side, where the line ends: stale.
    const customers = layout.tables.t_customers!;
    const wider: Layout = {
      ...layout,
      tables: { ...layout.tables, t_customers: { ...customers, width: 400 } },
    };
    expect(line(design, wider, key)?.data?.route).toBeUndefined();
    // Keys only draws every table collapsed, from the same geometry: no route it shows is off-row.
    for (const edge of toFlow(design, keysOnlyLayout(layout), new Set()).edges) {
      const route = edge.data?.route;
      if (route) expect(edge.sourceHandle).not.toContain('#header');
    }
  });

  it('rounds corners near and draws a plain polyline far out', () => {
    const points = [0, 0, 40, 0, 40, 60, 80, 60];
    expect(routedPath(points, false)).toBe('M0 0L40 0L40 60L80 60');
    expect(routedPath(points, true)).toBe('M0 0L32 0Q40 0 40 8L40 52Q40 60 48 60L80 60');
  });
});
