import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { exampleDocument } from '../../core/model';
import { tableSizes } from '../../core/geometry/tableGeometry';
import { propertyParameters } from '../../test/propertySeed';
import { labelBox, labelZoomBucket, overlaps, placeLabels } from './labels';

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
          const placed = placeLabels(design, layout, new Set(ids), zoom);
          const sizes = tableSizes(design, layout);
          const box = (id: string) => labelBox(design, layout, sizes, id, zoom);
          for (const a of ids) {
            const others = [...placed].filter((b) => b !== a);
            const clash = others.some((b) => {
              const [ba, bb] = [box(a), box(b)];
              return !!ba && !!bb && overlaps(ba, bb);
            });
            // Placed: clashes with no other placed name. Left out: clashes with one.
            expect(clash).toBe(!placed.has(a));
          }
        },
      ),
      propertyParameters(),
    );
  });

  it('buckets zoom levels so that a wheel tick does not re-place every label', () => {
    expect(labelZoomBucket(0.1)).toBe(labelZoomBucket(0.101));
    expect(labelZoomBucket(0.1)).toBeLessThanOrEqual(0.1);
    expect(labelZoomBucket(0.2)).toBeGreaterThan(labelZoomBucket(0.1));
  });
});
