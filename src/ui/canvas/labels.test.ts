import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { exampleDocument } from '../../core/model';
import { tableSizes } from '../../core/geometry/tableGeometry';
import { propertyParameters } from '../../test/propertySeed';
import {
  labelCandidates,
  labelZoomBucket,
  MIN_LABEL_FONT_PX,
  overlaps,
  placeLabels,
  placeMapLabels,
  splitName,
} from './labels';

describe('placeLabels', () => {
  it('places every name when the tables are far enough apart, the most connected first', () => {
    const { design, layout } = exampleDocument();
    const ids = new Set(Object.keys(design.tables));
    expect(placeLabels(design, layout, ids, 1)).toEqual(ids);
    const crowded = placeLabels(design, layout, ids, 0.02);
    expect(crowded.size).toBeGreaterThan(0);
    expect(crowded.size).toBeLessThan(ids.size);
    // orders has the most foreign keys (in and out): its name is the one kept.
    expect(crowded.has('t_orders')).toBe(true);
  });

  it('never places two names over each other, and leaves out only names that would overlap', () => {
    const { design } = exampleDocument();
    const ids = Object.keys(design.tables);
    const point = fc.record({
      x: fc.integer({ min: -3000, max: 3000 }),
      y: fc.integer({ min: -2000, max: 2000 }),
    });
    fc.assert(
      fc.property(
        fc.array(point, { minLength: ids.length, maxLength: ids.length }),
        fc.double({ min: 0.02, max: 0.45, noNaN: true }),
        (positions, zoom) => {
          const layout = {
            ...exampleDocument().layout,
            tables: Object.fromEntries(ids.map((id, i) => [id, positions[i] ?? { x: 0, y: 0 }])),
          };
          const placed = placeMapLabels(design, layout, new Set(ids), zoom);
          const sizes = tableSizes(design, layout);
          const boxes = [...placed.values()].map((p) => p.box);
          // No two placed names overlap.
          boxes.forEach((a, i) =>
            boxes.slice(i + 1).forEach((b) => expect(overlaps(a, b)).toBe(false)),
          );
          // A name left out had no free placement: each of its candidates overlaps a placed name.
          for (const id of ids) {
            if (placed.has(id)) continue;
            const l = layout.tables[id]!;
            const size = sizes.get(id)!;
            const text = design.tables[id]!.name;
            for (const c of labelCandidates(text, { x: l.x, y: l.y, ...size }, zoom))
              expect(boxes.some((b) => overlaps(b, c.box))).toBe(true);
          }
        },
      ),
      propertyParameters(),
    );
  });

  it('tries two lines, above or below its table, and a smaller size before leaving a name out', () => {
    expect(splitName('billing_entity_taxes')).toEqual(['billing_', 'entity_taxes']);
    expect(splitName('public.orders')).toEqual(['public.', 'orders']);
    expect(splitName('orders')).toBeNull();
    expect(splitName('table_30')).toBeNull();
    const at = { x: 0, y: 0, width: 260, height: 100 };
    const all = [...labelCandidates('billing_entity_taxes', at, 0.05)];
    expect(all[0]).toMatchObject({ lines: ['billing_entity_taxes'], fontPx: 12, cy: 50 });
    expect(all[1]).toMatchObject({ lines: ['billing_', 'entity_taxes'], fontPx: 12 });
    expect(all.some((c) => c.box.y1 <= 0)).toBe(true); // above
    expect(all.some((c) => c.box.y0 >= 100)).toBe(true); // below
    expect(all.at(-1)?.fontPx).toBe(MIN_LABEL_FONT_PX);
    // Two tables stacked too close for both names on them: one goes above or below its table
    // (centred on its table it would cover the other's), where before it was left out.
    const { design, layout } = exampleDocument();
    const [a, b] = Object.keys(design.tables);
    const pair = {
      ...layout,
      tables: { ...layout.tables, [a!]: { x: 0, y: 0 }, [b!]: { x: 0, y: 300 } },
    };
    const far = placeMapLabels(design, pair, new Set([a!, b!]), 0.03);
    expect(far.size).toBe(2);
    const first = (id: string) => {
      const l = pair.tables[id]!;
      const size = tableSizes(design, pair).get(id)!;
      return labelCandidates(design.tables[id]!.name, { x: l.x, y: l.y, ...size }, 0.03).next()
        .value!.box;
    };
    expect(overlaps(first(a!), first(b!))).toBe(true);
  });

  it('buckets zoom levels so that a wheel tick does not re-place every label', () => {
    expect(labelZoomBucket(0.1)).toBe(labelZoomBucket(0.101));
    expect(labelZoomBucket(0.1)).toBeLessThanOrEqual(0.1);
    expect(labelZoomBucket(0.2)).toBeGreaterThan(labelZoomBucket(0.1));
  });
});

describe('far-out names and schemas', () => {
  it('drop a schema every table shares, and keep it when the tables are in several', () => {
    const { design, layout } = exampleDocument();
    const ids = new Set(Object.keys(design.tables));
    const text = (d: typeof design) =>
      [...placeMapLabels(d, layout, ids, 1).values()].map((l) => l.lines.join(''));
    const schemas = { ...design.schemas, s_shop: { id: 's_shop', name: 'shop' } };
    const inShop = (only?: string) => ({
      ...design,
      schemas,
      tables: Object.fromEntries(
        Object.entries(design.tables).map(([id, t]) => [
          id,
          only && id !== only ? t : { ...t, schemaId: 's_shop' },
        ]),
      ),
    });
    expect(text(inShop())).toContain('orders');
    expect(text(inShop()).some((t) => t.startsWith('shop.'))).toBe(false);
    expect(text(inShop('t_orders'))).toContain('shop.orders');
    expect(text(inShop('t_orders'))).toContain('customers');
  });
});
