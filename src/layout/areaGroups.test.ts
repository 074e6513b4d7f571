import ELK from 'elkjs/lib/elk.bundled.js';
import { describe, expect, it } from 'vitest';
import type { Design } from '../core/model';
import { areaRegions } from '../core/geometry/areaRegions';
import { layoutDesign } from './autoLayout';
import { splitByArea } from './areaGroups';
import { overlaps } from './rect';
import { overlappingPairs, rectsAfter } from './testing/check';
import { syntheticDesign } from './testing/synthetic';

const elk = new ELK();

/**
 * Areas of tables the foreign keys would scatter: every 7th table, every 5th of the rest. With
 * several schemas, each area within one schema (schemas stay the outer groups: an area across
 * schemas has a part in each schema's box).
 */
function withScatteredAreas(design: Design): Design {
  const schemaIds = Object.keys(design.schemas);
  const inSchema = (n: number) =>
    Object.values(design.tables)
      .filter((t) => schemaIds.length === 1 || t.schemaId === schemaIds[n])
      .map((t) => t.id);
  const first = inSchema(0).filter((_, i) => i % 7 === 0);
  const second = inSchema(1).filter((id, i) => !first.includes(id) && i % 5 === 0);
  return {
    ...design,
    areas: [
      { id: 'a_1', name: 'First', color: 'blue', tableIds: first },
      { id: 'a_2', name: 'Second', color: 'green', tableIds: second },
    ],
  };
}

describe('subject areas in auto-layout', () => {
  it('splits a schema group into its areas, in design order, and the rest', () => {
    const design = withScatteredAreas(syntheticDesign({ tables: 20, seed: 3 }).design);
    const ids = Object.keys(design.tables);
    const { areas, rest } = splitByArea(design, ids);
    expect(areas).toEqual([design.areas[0]!.tableIds, design.areas[1]!.tableIds]);
    expect(rest.length + areas.flat().length).toBe(ids.length);
    // An area none of whose tables are laid out has no group.
    expect(splitByArea(design, rest)).toEqual({ areas: [], rest });
  });

  it("keeps each area's tables together: its region encloses no other table and no other region", async () => {
    for (const schemas of [1, 3]) {
      const { design: base, layout } = syntheticDesign({ tables: 90, schemas, seed: 7 });
      const design = withScatteredAreas(base);
      const patch = await layoutDesign(elk, design, layout);
      const rects = rectsAfter(design, layout, patch);
      expect(overlappingPairs(rects)).toEqual([]);
      const regions = areaRegions(design, rects);
      expect(regions).toHaveLength(2);
      for (const { area, box } of regions) {
        const members = new Set(area.tableIds);
        const intruders = [...rects].filter(([id, r]) => !members.has(id) && overlaps(r, box));
        expect(
          intruders.map(([id]) => id),
          `${area.name}, ${schemas} schemas`,
        ).toEqual([]);
      }
      if (schemas === 1) expect(overlaps(regions[0]!.box, regions[1]!.box)).toBe(false);
    }
  });

  it('the check can fail: without areas in the layout the scattered tables mix with the rest', async () => {
    const { design: base, layout } = syntheticDesign({ tables: 90, seed: 7 });
    const patch = await layoutDesign(elk, base, layout);
    const design = withScatteredAreas(base);
    const rects = rectsAfter(design, layout, patch);
    const [first] = areaRegions(design, rects);
    const members = new Set(first!.area.tableIds);
    const intruders = [...rects].filter(([id, r]) => !members.has(id) && overlaps(r, first!.box));
    expect(intruders.length).toBeGreaterThan(0);
  });
});
