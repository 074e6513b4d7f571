import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Constraint, Design, Layout, Table } from '../core/model';
import { emptyDesign } from '../core/model';
import { placeNewTables } from './placeNewTables';
import { overlaps } from './rect';
import { LAYER_GAP } from './spacing';
import { gapBetween, rectsAfter } from './testing/check';
import { propertyParameters } from '../test/propertySeed';

function table(id: string, refs: readonly string[], columns: number): Table {
  const fks: Constraint[] = refs.map((r, i) => ({
    id: `${id}_fk${i}`,
    kind: 'foreignKey',
    columnIds: [`${id}_c0`],
    refTableId: r,
    refColumnIds: [`${r}_c0`],
    onDelete: 'noAction',
    onUpdate: 'noAction',
    deferrable: 'notDeferrable',
  }));
  return {
    id,
    schemaId: 's_public',
    name: id,
    columns: Array.from({ length: columns }, (_, i) => ({
      id: `${id}_c${i}`,
      name: `c${i}`,
      type: 'integer',
      nullable: true,
    })),
    constraints: [
      { id: `${id}_pk`, kind: 'primaryKey', columnIds: [`${id}_c0`], include: [] },
      ...fks,
    ],
    indexes: [],
    inherits: [],
    storageParameters: [],
  };
}

function designOf(tables: Table[]): Design {
  return { ...emptyDesign('d', 'd'), tables: Object.fromEntries(tables.map((t) => [t.id, t])) };
}

const layoutOf = (tables: Layout['tables']): Layout => ({
  tables,
  notes: {},
  viewport: { x: 0, y: 0, zoom: 1 },
});

describe('placeNewTables', () => {
  it('puts a new table right of the table it references, at the same height', () => {
    const design = designOf([table('users', [], 4), table('orders', ['users'], 5)]);
    const patch = placeNewTables(design, layoutOf({ users: { x: 100, y: 200 } }), ['orders']);
    expect(patch).toEqual({ orders: { x: 100 + 260 + LAYER_GAP, y: 200 } });
  });

  it('puts a new table left of (DOWN: above) a table that references it', () => {
    const design = designOf([table('users', [], 4), table('orders', ['users'], 5)]);
    const layout = layoutOf({ orders: { x: 1000, y: 1000 } });
    expect(placeNewTables(design, layout, ['users']).users).toEqual({
      x: 1000 - LAYER_GAP - 260,
      y: 1000,
    });
    const down = placeNewTables(design, layout, ['users'], { direction: 'DOWN' }).users!;
    expect(down.x).toBe(1000);
    expect(down.y).toBeLessThan(1000);
  });

  it('keeps other layout fields of the new table and returns only new tables', () => {
    const design = designOf([table('a', [], 2), table('b', ['a'], 2), table('c', [], 2)]);
    const patch = placeNewTables(
      design,
      layoutOf({ a: { x: 0, y: 0 }, b: { x: 9, y: 9, color: 'red' }, c: { x: 500, y: 0 } }),
      ['b', 'ghost'],
    );
    expect(Object.keys(patch)).toEqual(['b']);
    expect(patch.b?.color).toBe('red');
  });

  it('goes to the anchor when it has no relations, and stays near its parent when that side is crowded', () => {
    const crowd = Array.from({ length: 6 }, (_, i) => table(`busy${i}`, [], 6));
    const design = designOf([
      table('hub', [], 3),
      ...crowd,
      table('lonely', [], 3),
      table('child', ['hub'], 3),
    ]);
    const layout = layoutOf({
      hub: { x: 0, y: 0 },
      // A column of tables exactly where the child would go.
      ...Object.fromEntries(crowd.map((t, i) => [t.id, { x: 300, y: -600 + i * 250 }])),
    });
    const patch = placeNewTables(design, layout, ['lonely', 'child'], {
      anchor: { x: -5000, y: 40 },
    });
    expect(patch.lonely).toEqual({ x: -5000, y: 40 });
    const rects = rectsAfter(design, layout, patch);
    for (const t of crowd) expect(overlaps(rects.get('child')!, rects.get(t.id)!)).toBe(false);
    expect(gapBetween(rects.get('child')!, rects.get('hub')!)).toBeLessThan(400);
  });

  it('avoids views, places a new view by what it reads, and ignores partitions', () => {
    const design: Design = {
      ...designOf([
        table('users', [], 4),
        {
          ...table('users_eu', ['users'], 4),
          partitionOf: { tableId: 'users', bound: "FOR VALUES IN ('eu')" },
        },
      ]),
      extras: [
        {
          id: 'v_old',
          kind: 'view',
          name: 'old',
          sql: 'CREATE VIEW old AS SELECT 1;',
          columns: [{ name: 'a', type: 'int' }],
          dependsOn: [],
        },
        {
          id: 'v_new',
          kind: 'view',
          name: 'active_users',
          sql: 'CREATE VIEW active_users AS SELECT 1;',
          columns: [{ name: 'id', type: 'int' }],
          dependsOn: ['users'],
        },
      ],
    };
    // The old view sits exactly where the new one would go.
    const layout = layoutOf({ users: { x: 0, y: 0 }, v_old: { x: 260 + LAYER_GAP, y: 0 } });
    const patch = placeNewTables(design, layout, ['v_new', 'users_eu']);
    expect(Object.keys(patch)).toEqual(['v_new']);
    const rects = rectsAfter(design, layout, patch);
    expect(overlaps(rects.get('v_new')!, rects.get('v_old')!)).toBe(false);
    expect(gapBetween(rects.get('v_new')!, rects.get('users')!)).toBeLessThan(400);
  });

  it('never overlaps an existing table or another new one (property)', () => {
    const existing = fc.array(
      fc.record({
        x: fc.integer({ min: -3000, max: 3000 }),
        y: fc.integer({ min: -3000, max: 3000 }),
        columns: fc.integer({ min: 0, max: 30 }),
        collapsed: fc.boolean(),
      }),
      { minLength: 0, maxLength: 40 },
    );
    const added = fc.array(
      fc.record({
        columns: fc.integer({ min: 0, max: 30 }),
        refs: fc.array(fc.nat(200), { maxLength: 3 }),
      }),
      { minLength: 1, maxLength: 15 },
    );
    fc.assert(
      fc.property(
        existing,
        added,
        fc.option(
          fc.record({
            x: fc.integer({ min: -2000, max: 2000 }),
            y: fc.integer({ min: -2000, max: 2000 }),
          }),
          { nil: undefined },
        ),
        (old, fresh, anchor) => {
          const oldIds = old.map((_, i) => `old${i}`);
          const newIds = fresh.map((_, i) => `new${i}`);
          const all = [...oldIds, ...newIds];
          const tables = [
            ...old.map((o, i) => table(`old${i}`, [], o.columns)),
            ...fresh.map((f, i) =>
              table(
                `new${i}`,
                f.refs.map((r) => all[r % all.length] as string),
                f.columns,
              ),
            ),
          ];
          const layout = layoutOf(
            Object.fromEntries(
              old.map((o, i) => [`old${i}`, { x: o.x, y: o.y, collapsed: o.collapsed }]),
            ),
          );
          const design = designOf(tables);
          const patch = placeNewTables(design, layout, newIds, anchor ? { anchor } : {});
          expect(Object.keys(patch).sort()).toEqual([...newIds].sort());
          const rects = rectsAfter(design, layout, patch);
          for (const id of newIds) {
            const r = rects.get(id)!;
            expect(Number.isFinite(r.x) && Number.isFinite(r.y)).toBe(true);
            for (const other of all)
              if (other !== id)
                expect(overlaps(r, rects.get(other)!), `${id} overlaps ${other}`).toBe(false);
          }
        },
      ),
      propertyParameters({ numRuns: 300 }),
    );
  });

  it('places 20 tables among 1,000 existing ones (bench/layout.bench.ts times it)', () => {
    const tables = Array.from({ length: 1000 }, (_, i) =>
      table(`t${i}`, i > 0 ? [`t${i - 1}`] : [], 8),
    );
    const design = designOf([
      ...tables,
      ...Array.from({ length: 20 }, (_, i) => table(`n${i}`, [`t${i * 50}`], 5)),
    ]);
    const layout = layoutOf(
      Object.fromEntries(
        tables.map((t, i) => [t.id, { x: (i % 32) * 300, y: Math.floor(i / 32) * 300 }]),
      ),
    );
    const ids = Array.from({ length: 20 }, (_, i) => `n${i}`);
    const patch = placeNewTables(design, layout, ids);
    const rects = rectsAfter(design, layout, patch);
    for (const id of ids)
      for (const t of tables) expect(overlaps(rects.get(id)!, rects.get(t.id)!)).toBe(false);
  });
});
