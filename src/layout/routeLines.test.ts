import ELK from 'elkjs/lib/elk.bundled.js';
import { describe, expect, it } from 'vitest';
import { emptyLayout, type Design, type Layout, type Route } from '../core/model';
import { lineEnd, routeFits } from '../core/geometry/lineEnds';
import { rowCenterY } from '../core/geometry/tableGeometry';
import { fixtureDesign } from '../test/fixtureDesigns';
import { arrangeDesign } from './autoLayout';
import { canvasNodes } from './nodes';
import { orthoRoute } from './orthoRoute';
import type { Rect } from './rect';
import { syntheticDesign } from './testing/synthetic';

const elk = new ELK();

const pairsOf = (route: Route) =>
  Array.from({ length: route.points.length / 2 }, (_, i) => ({
    x: route.points[2 * i] as number,
    y: route.points[2 * i + 1] as number,
  }));

/** Every foreign key the canvas draws (partitions fold under their parent), with its two tables. */
function keysOf(design: Design) {
  return Object.values(design.tables).flatMap((child) =>
    child.constraints.flatMap((k) => {
      const parent = design.tables[k.kind === 'foreignKey' ? k.refTableId : ''];
      return k.kind === 'foreignKey' && parent && !child.partitionOf && !parent.partitionOf
        ? [{ k, child, parent }]
        : [];
    }),
  );
}

/**
 * Segments of routed lines that run through the inside of a table the line does not join (a
 * segment may touch a box's border; the margin is the router's business, not this check's).
 */
function crossings(design: Design, layout: Layout): string[] {
  const boxes = canvasNodes(design, layout).map((n) => {
    const at = layout.tables[n.id] ?? { x: 0, y: 0 };
    return { id: n.id, x: at.x, y: at.y, width: n.width, height: n.height };
  });
  const found: string[] = [];
  for (const { k, child, parent } of keysOf(design)) {
    const route = layout.routes?.[k.id];
    if (!route) continue;
    const points = pairsOf(route);
    for (let i = 1; i < points.length; i++) {
      const a = points[i - 1]!;
      const b = points[i]!;
      const seg = {
        x0: Math.min(a.x, b.x),
        x1: Math.max(a.x, b.x),
        y0: Math.min(a.y, b.y),
        y1: Math.max(a.y, b.y),
      };
      for (const box of boxes) {
        if (box.id === child.id || box.id === parent.id) continue;
        const inside =
          seg.x1 > box.x &&
          seg.x0 < box.x + box.width &&
          seg.y1 > box.y &&
          seg.y0 < box.y + box.height;
        if (inside) found.push(`${k.id} through ${box.id}`);
      }
    }
  }
  return found;
}

function isOrthogonal(route: Route): boolean {
  const points = pairsOf(route);
  return points.every((p, i) => i === 0 || p.x === points[i - 1]!.x || p.y === points[i - 1]!.y);
}

async function arranged(design: Design, layout: Layout = emptyLayout()): Promise<Layout> {
  const { tables, routes } = await arrangeDesign(elk, design, layout);
  return { ...layout, tables: { ...layout.tables, ...tables }, routes };
}

describe('routed lines from auto-layout', () => {
  it('end on the exact rows of both columns, leave each table level, and stay orthogonal', async () => {
    const design = await fixtureDesign('pagila');
    const layout = await arranged(design);
    const keys = keysOf(design).filter(({ child, parent }) => child !== parent);
    const routed = keys.filter(({ k }) => layout.routes?.[k.id]);
    // Every line between two tables is routed in pagila (ELK's or the router's).
    expect(routed.length).toBe(keys.length);
    for (const { k, child, parent } of routed) {
      const route = layout.routes![k.id]!;
      const points = pairsOf(route);
      const childAt = layout.tables[child.id]!;
      const parentAt = layout.tables[parent.id]!;
      const childRow = child.columns.findIndex((c) => c.id === k.columnIds[0]);
      const parentRow = parent.columns.findIndex((c) => c.id === k.refColumnIds[0]);
      const first = points[0]!;
      const last = points[points.length - 1]!;
      // The exact row: the row's middle, from the one geometry, on the table's left or right side.
      expect(first.y).toBe(childAt.y + rowCenterY(childRow));
      expect([childAt.x, childAt.x + 260]).toContain(first.x);
      expect(last.y).toBe(parentAt.y + rowCenterY(parentRow));
      expect([parentAt.x, parentAt.x + 260]).toContain(last.x);
      // Level out of each table (the crow's foot and bar sit on a straight run).
      expect(points[1]!.y).toBe(first.y);
      expect(points[points.length - 2]!.y).toBe(last.y);
      expect(isOrthogonal(route)).toBe(true);
      expect(
        routeFits(
          route,
          { table: child, at: childAt, columnId: k.columnIds[0]! },
          { table: parent, at: parentAt, columnId: k.refColumnIds[0]! },
        ),
      ).not.toBeNull();
    }
  });

  it('go around the tables they do not join (pagila, musicbrainz)', async () => {
    for (const name of ['pagila', 'musicbrainz']) {
      const design = await fixtureDesign(name);
      const layout = await arranged(design);
      const routed = Object.keys(layout.routes ?? {}).length;
      const lines = keysOf(design).filter(({ child, parent }) => child !== parent).length;
      expect(routed).toBeGreaterThan(lines * 0.9);
      expect({ name, crossings: crossings(design, layout) }).toEqual({ name, crossings: [] });
    }
  }, 120_000);

  it('a selection arrangement routes only the lines touching what it moved', async () => {
    const { design, layout } = syntheticDesign({ tables: 40, seed: 5 });
    const moved = ['t_3', 't_4'];
    const { tables, routes } = await arrangeDesign(elk, design, layout, { tableIds: moved });
    expect(Object.keys(tables).sort()).toEqual(moved);
    const touching = new Set(
      keysOf(design)
        .filter(({ child, parent }) => moved.includes(child.id) || moved.includes(parent.id))
        .map(({ k }) => k.id),
    );
    expect(Object.keys(routes).length).toBeGreaterThan(0);
    for (const id of Object.keys(routes)) expect(touching.has(id)).toBe(true);
  });

  it('route: false leaves the lines alone', async () => {
    const { design, layout } = syntheticDesign({ tables: 30, seed: 2 });
    expect((await arrangeDesign(elk, design, layout, { route: false })).routes).toEqual({});
  });
});

describe('orthoRoute', () => {
  const box = (x: number, y: number, width: number, height: number): Rect => ({
    x,
    y,
    width,
    height,
  });

  it('goes around a table in the way, with the fewest bends, and ends level', () => {
    const wall = box(100, -50, 100, 100);
    const path = orthoRoute({ x: 0, y: 0 }, 1, { x: 300, y: 0 }, -1, [wall])!;
    expect(path[0]).toEqual({ x: 0, y: 0 });
    expect(path.at(-1)).toEqual({ x: 300, y: 0 });
    for (let i = 1; i < path.length; i++) {
      const a = path[i - 1]!;
      const b = path[i]!;
      expect(a.x === b.x || a.y === b.y).toBe(true);
      // Never inside the wall (grown by the margin).
      const midX = (a.x + b.x) / 2;
      const midY = (a.y + b.y) / 2;
      expect(midX > 88 && midX < 212 && midY > -62 && midY < 62).toBe(false);
    }
    // Over the wall and down again: it may arrive upright (the stub beyond turns it level).
    expect(path.length).toBeLessThanOrEqual(6);
    // A clear way is straight.
    expect(orthoRoute({ x: 0, y: 0 }, 1, { x: 300, y: 0 }, -1, [])).toEqual([
      { x: 0, y: 0 },
      { x: 300, y: 0 },
    ]);
  });

  it('finds no way out of a closed ring (the line then keeps the canvas drawing)', () => {
    const ring = [
      box(-100, -100, 200, 20),
      box(-100, 80, 200, 20),
      box(-100, -100, 20, 200),
      box(80, -100, 20, 200),
    ];
    expect(orthoRoute({ x: 0, y: 0 }, 1, { x: 400, y: 0 }, -1, ring)).toBeNull();
  });
});

describe('lineEnd', () => {
  it('is the middle of the column row on either side, or of the header when collapsed hides it', () => {
    const { design } = syntheticDesign({ tables: 3, seed: 1 });
    const table = design.tables.t_1!;
    const column = table.columns[0]!;
    expect(lineEnd(table, { x: 10, y: 20 }, column.id, 'l')).toEqual({
      x: 10,
      y: 20 + rowCenterY(0),
    });
    expect(lineEnd(table, { x: 10, y: 20, width: 300 }, column.id, 'r')).toEqual({
      x: 310,
      y: 20 + rowCenterY(0),
    });
  });
});
