import ELK from 'elkjs/lib/elk.bundled.js';
import { describe, expect, it } from 'vitest';
import type { Design, Layout, Table } from '../core/model';
import { emptyDesign } from '../core/model';
import { arrangeDesign, layoutDesign, type LayoutEngine, type LayoutProgress } from './autoLayout';
import { boundsOf, overlaps, type Rect } from './rect';
import { centreDistance, gapBetween, overlappingPairs, rectsAfter } from './testing/check';
import { syntheticDesign } from './testing/synthetic';

const elk = new ELK();

function table(id: string, schemaId: string, refs: string[] = [], extraColumns = 3): Table {
  return {
    id,
    schemaId,
    name: id,
    columns: [
      { id: `${id}_id`, name: 'id', type: 'integer', nullable: false },
      ...refs.map((r) => ({ id: `${id}_${r}`, name: `${r}_id`, type: 'integer', nullable: false })),
      ...Array.from({ length: extraColumns }, (_, i) => ({
        id: `${id}_x${i}`,
        name: `x${i}`,
        type: 'text',
        nullable: true,
      })),
    ],
    constraints: [
      { id: `${id}_pk`, kind: 'primaryKey', columnIds: [`${id}_id`], include: [] },
      ...refs.map((r) => ({
        id: `${id}_fk_${r}`,
        kind: 'foreignKey' as const,
        columnIds: [`${id}_${r}`],
        refTableId: r,
        refColumnIds: [`${r}_id`],
        onDelete: 'noAction' as const,
        onUpdate: 'noAction' as const,
        deferrable: 'notDeferrable' as const,
      })),
    ],
    indexes: [],
    inherits: [],
    storageParameters: [],
  };
}

function designOf(tables: Table[], schemas = ['s_public']): Design {
  return {
    ...emptyDesign('test', 'd_test'),
    schemas: Object.fromEntries(schemas.map((id) => [id, { id, name: id }])),
    tables: Object.fromEntries(tables.map((t) => [t.id, t])),
  };
}

const emptyLayout = (): Layout => ({ tables: {}, notes: {}, viewport: { x: 0, y: 0, zoom: 1 } });

/** A small shop: two families of related tables, a table on its own. */
function shop(): Design {
  return designOf([
    table('customers', 's_public'),
    table('addresses', 's_public', ['customers']),
    table('orders', 's_public', ['customers', 'addresses']),
    table('order_items', 's_public', ['orders', 'products']),
    table('products', 's_public', ['categories']),
    table('categories', 's_public', ['categories']),
    table('settings', 's_public'),
  ]);
}

function expectSane(
  design: Design,
  layout: Layout,
  patch: Layout['tables'],
  ids = Object.keys(design.tables),
) {
  expect(Object.keys(patch).sort()).toEqual([...ids].sort());
  for (const entry of Object.values(patch)) {
    expect(Number.isFinite(entry.x) && Number.isFinite(entry.y)).toBe(true);
  }
  expect(overlappingPairs(rectsAfter(design, layout, patch))).toEqual([]);
}

describe('layoutDesign', () => {
  it('places every table of a small design at finite coordinates, without overlaps', async () => {
    const design = shop();
    const patch = await layoutDesign(elk, design, emptyLayout());
    expectSane(design, emptyLayout(), patch);
  });

  it('puts referenced tables upstream: left with RIGHT, above with DOWN', async () => {
    const design = designOf([
      table('a', 's_public'),
      table('b', 's_public', ['a']),
      table('c', 's_public', ['b']),
    ]);
    const right = await layoutDesign(elk, design, emptyLayout(), { direction: 'RIGHT' });
    expect(right.a!.x).toBeLessThan(right.b!.x);
    expect(right.b!.x).toBeLessThan(right.c!.x);
    const down = await layoutDesign(elk, design, emptyLayout(), { direction: 'DOWN' });
    expect(down.a!.y).toBeLessThan(down.b!.y);
    expect(down.b!.y).toBeLessThan(down.c!.y);
  });

  it('keeps color, collapsed state and width, and sizes collapsed tables by their key columns', async () => {
    const design = shop();
    const layout: Layout = {
      ...emptyLayout(),
      tables: {
        orders: { x: 5, y: 5, color: 'red', collapsed: true },
        products: { x: 0, y: 0, width: 400 },
      },
    };
    const patch = await layoutDesign(elk, design, layout);
    expect(patch.orders).toMatchObject({ color: 'red', collapsed: true });
    expect(patch.products).toMatchObject({ width: 400 });
    expectSane(design, layout, patch);
  });

  it('lays out 375 related tables with no overlaps, related tables closer than unrelated ones', async () => {
    const { design, layout } = syntheticDesign({ tables: 375, seed: 3 });
    const phases: LayoutProgress['phase'][] = [];
    const patch = await layoutDesign(elk, design, layout, {
      onProgress: (p) => phases.push(p.phase),
    });
    expectSane(design, layout, patch);
    expect(phases[0]).toBe('preparing');
    expect(phases.at(-1)).toBe('done');
    expect(phases.filter((p) => p === 'layout').length).toBeGreaterThan(1);

    const rects = rectsAfter(design, layout, patch);
    const related: number[] = [];
    const relatedKeys = new Set<string>();
    for (const t of Object.values(design.tables)) {
      for (const k of t.constraints) {
        if (k.kind !== 'foreignKey' || k.refTableId === t.id) continue;
        related.push(centreDistance(rects.get(t.id)!, rects.get(k.refTableId)!));
        relatedKeys.add(`${t.id} ${k.refTableId}`).add(`${k.refTableId} ${t.id}`);
      }
    }
    const ids = Object.keys(design.tables);
    const unrelated: number[] = [];
    for (let i = 0; i < 4000; i++) {
      const a = ids[(i * 7919) % ids.length]!;
      const b = ids[(i * 104_729 + 17) % ids.length]!;
      if (a !== b && !relatedKeys.has(`${a} ${b}`))
        unrelated.push(centreDistance(rects.get(a)!, rects.get(b)!));
    }
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(mean(related)).toBeLessThan(mean(unrelated) * 0.7);

    // Readable shape: not the ribbon a single layered pass makes of a schema this size.
    const box = boundsOf(rects.values())!;
    expect(box.width / box.height).toBeGreaterThan(0.5);
    expect(box.width / box.height).toBeLessThan(4);
  });

  it('packs tables with no relations into a grid, not a row', async () => {
    const design = designOf(
      Array.from({ length: 40 }, (_, i) => table(`t${i}`, 's_public', [], i % 7)),
    );
    const patch = await layoutDesign(elk, design, emptyLayout());
    expectSane(design, emptyLayout(), patch);
    const box = boundsOf(rectsAfter(design, emptyLayout(), patch).values())!;
    expect(box.width / box.height).toBeGreaterThan(0.5);
    expect(box.width / box.height).toBeLessThan(3);
  });

  it('with tableIds, moves only those tables, as a block clear of the others', async () => {
    const { design, layout } = syntheticDesign({ tables: 120, seed: 5 });
    const ids = Object.keys(design.tables);
    const selected = ids.filter((_, i) => i % 9 === 4);
    const patch = await layoutDesign(elk, design, layout, {
      tableIds: [...selected, 'not_a_table'],
    });
    expect(Object.keys(patch).sort()).toEqual([...selected].sort());
    const after = rectsAfter(design, layout, patch);
    const before = rectsAfter(design, layout, {});
    for (const id of ids) if (!selected.includes(id)) expect(after.get(id)).toEqual(before.get(id));
    expect(overlappingPairs(after, selected)).toEqual([]);
    for (const s of selected) {
      for (const id of ids) {
        if (!selected.includes(id))
          expect(overlaps(after.get(s)!, after.get(id)!), `${s} overlaps fixed ${id}`).toBe(false);
      }
    }
    // Near where the selection was, not thrown to a far corner of the canvas.
    const was = boundsOf(selected.map((id) => before.get(id)!))!;
    const now = boundsOf(selected.map((id) => after.get(id)!))!;
    expect(gapBetween(was, now)).toBeLessThan(2000);
  });

  it('lays out nothing for an empty or unknown selection', async () => {
    expect(await layoutDesign(elk, shop(), emptyLayout(), { tableIds: [] })).toEqual({});
    expect(await layoutDesign(elk, shop(), emptyLayout(), { tableIds: ['nope'] })).toEqual({});
  });

  it('groups tables by schema in boxes that do not overlap', async () => {
    const { design, layout } = syntheticDesign({ tables: 150, schemas: 4, seed: 11 });
    const patch = await layoutDesign(elk, design, layout);
    expectSane(design, layout, patch);
    const rects = rectsAfter(design, layout, patch);
    const boxes: Rect[] = Object.keys(design.schemas).map((schemaId) =>
      boundsOf(
        Object.values(design.tables)
          .filter((t) => t.schemaId === schemaId)
          .map((t) => rects.get(t.id)!),
      )!,
    );
    expect(boxes).toHaveLength(4);
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++)
        expect(gapBetween(boxes[i]!, boxes[j]!)).toBeGreaterThan(100);
    }
  });

  it('places views next to the tables they read, and skips partitions (the canvas folds them)', async () => {
    const base = shop();
    const partition: Table = {
      ...table('orders_2024', 's_public', ['customers']),
      partitionOf: { tableId: 'orders', bound: "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')" },
    };
    const design: Design = {
      ...base,
      tables: { ...base.tables, orders_2024: partition },
      extras: [
        {
          id: 'v_totals',
          kind: 'view',
          name: 'order_totals',
          schemaId: 's_public',
          sql: 'CREATE VIEW order_totals AS SELECT 1;',
          columns: [
            { name: 'order_id', type: 'integer' },
            { name: 'total', type: 'numeric' },
          ],
          dependsOn: ['orders', 'order_items'],
        },
        {
          id: 'f_fn',
          kind: 'function',
          name: 'f()',
          sql: 'CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;',
          dependsOn: [],
        },
      ],
    };
    const patch = await layoutDesign(elk, design, emptyLayout());
    expect(Object.keys(patch).sort()).toEqual([...Object.keys(base.tables), 'v_totals'].sort());
    const rects = rectsAfter(design, emptyLayout(), patch);
    expect(overlappingPairs(rects)).toEqual([]);
    expect(rects.get('v_totals')).toMatchObject({ width: 260, height: 36 + 2 * 24 + 28 });
    // Downstream of what it reads, like a table of what it references.
    expect(rects.get('v_totals')!.x).toBeGreaterThan(rects.get('orders')!.x);
  });

  it('lays out the same on two engines at once as on one, every cluster reported once', async () => {
    const { design, layout } = syntheticDesign({ tables: 120, schemas: 2 });
    const alone = await arrangeDesign(elk, design, layout);
    const engines = [new ELK(), new ELK()];
    const calls = [0, 0];
    const counted = engines.map((engine, i): LayoutEngine => ({
      layout: (graph, options) => {
        calls[i]!++;
        return engine.layout(graph, options);
      },
    }));
    const reports: LayoutProgress[] = [];
    const shared = await arrangeDesign(counted, design, layout, {
      onProgress: (p) => reports.push(p),
    });
    expect(shared).toEqual(alone);
    // Both engines took clusters; each cluster was reported done exactly once, in count order.
    expect(calls.every((n) => n > 0)).toBe(true);
    const counts = reports.flatMap((p) => (p.phase === 'layout' ? [p.done] : []));
    expect(counts).toEqual(Array.from({ length: calls[0]! + calls[1]! }, (_, i) => i + 1));
  });
});
