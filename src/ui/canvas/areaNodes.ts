import type { Node } from '@xyflow/react';
import type { Area, Design } from '../../core/model';
import { AREA_PAD, areaRegions, type Box } from '../../core/geometry/areaRegions';

export interface AreaNodeData extends Record<string, unknown> {
  areaId: string;
  name: string;
  color: Area['color'];
}
/** The tinted region behind a subject area's tables: inert, behind everything. */
export type AreaRegionNode = Node<AreaNodeData, 'area'>;
/** The area's name and its menu, in the region's top band, drawn above the tables (far out it grows past the band). */
export type AreaLabelNode = Node<AreaNodeData, 'areaLabel'>;

const cache = new WeakMap<Area, { key: string; region: AreaRegionNode; label: AreaLabelNode }>();

/**
 * The region and label of each subject area around its drawn tables (`drawn`: the canvas's nodes
 * by id), from the geometry the SVG export draws too. Reused while an area and its box are the
 * same, so a drag frame re-renders only the region of the table that moves.
 */
export function areaNodes(
  design: Design,
  drawn: ReadonlyMap<string, Box>,
): { regions: AreaRegionNode[]; labels: AreaLabelNode[] } {
  const regions: AreaRegionNode[] = [];
  const labels: AreaLabelNode[] = [];
  for (const { area, box } of areaRegions(design, drawn)) {
    const key = `${box.x},${box.y},${box.width},${box.height}`;
    const cached = cache.get(area);
    if (cached && cached.key === key) {
      regions.push(cached.region);
      labels.push(cached.label);
      continue;
    }
    const data: AreaNodeData = { areaId: area.id, name: area.name, color: area.color };
    const inert = {
      selectable: false,
      draggable: false,
      connectable: false,
      focusable: false,
    } as const;
    const region: AreaRegionNode = {
      id: `area:${area.id}`,
      type: 'area',
      position: { x: box.x, y: box.y },
      data,
      width: box.width,
      height: box.height,
      measured: { width: box.width, height: box.height },
      zIndex: -1,
      ...inert,
    };
    const label: AreaLabelNode = {
      id: `area-label:${area.id}`,
      type: 'areaLabel',
      position: { x: box.x, y: box.y },
      data,
      width: box.width,
      height: AREA_PAD.top,
      measured: { width: box.width, height: AREA_PAD.top },
      // Above the tables: far out the name is larger than the band and reaches over them.
      zIndex: 2,
      ...inert,
    };
    cache.set(area, { key, region, label });
    regions.push(region);
    labels.push(label);
  }
  return { regions, labels };
}

/**
 * Whether the canvas's filter (a schema id or a subject area id, or null for everything) shows a
 * table or view. A filter naming neither (the area was deleted) shows everything.
 */
export function filterShows(
  design: Design,
  filter: string | null,
): (id: string, schemaId: string | undefined) => boolean {
  if (filter === null) return () => true;
  const area = design.areas.find((a) => a.id === filter);
  if (area) {
    const members = new Set(area.tableIds);
    return (id) => members.has(id);
  }
  if (!Object.hasOwn(design.schemas, filter)) return () => true;
  return (_id, schemaId) => schemaId === filter;
}
