import type { Design } from '../core/model';

/**
 * A schema's nodes split for layout by the person's subject areas: one list per area (in the
 * design's order) of its tables among `ids`, and the rest. Each area is then laid out as one block
 * of its own (its related tables clustered inside it), so the person's grouping overrides the
 * clusters inferred from foreign keys, and its region (see `areaRegions`) encloses only its tables.
 * Schemas stay the outer groups (their boxes must not overlap): an area across schemas is kept
 * together within each schema.
 */
export function splitByArea(
  design: Design,
  ids: readonly string[],
): { areas: string[][]; rest: string[] } {
  const areaOf = new Map<string, number>();
  design.areas.forEach((area, i) => area.tableIds.forEach((id) => areaOf.set(id, i)));
  const areas: string[][] = design.areas.map(() => []);
  const rest: string[] = [];
  for (const id of ids) {
    const i = areaOf.get(id);
    if (i === undefined) rest.push(id);
    else areas[i]!.push(id);
  }
  return { areas: areas.filter((a) => a.length > 0), rest };
}
