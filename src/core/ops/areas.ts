import { AREA_COLORS, AREA_LIMITS, type Area, type Design } from '../model/schema';

/**
 * Subject areas: named groups of tables the person draws. Every op is total (an unknown area or
 * table leaves the design as it was) and keeps the one rule the model holds: a table is in one
 * area at most, so joining an area takes a table out of the one it was in.
 */

export interface CreateAreaPayload {
  /** A fresh id (`newId('a')`), chosen by the caller so it can select or rename the new area. */
  id: string;
  name: string;
  tableIds: readonly string[];
  /** The palette key; by default the first colour no other area uses yet. */
  color?: Area['color'];
}

/** The colour a new area takes: the first of the palette no area has yet, cycling when all are taken. */
export function nextAreaColor(design: Design): Area['color'] {
  const used = new Set(design.areas.map((a) => a.color));
  // Slate is the tables' own default: an area in it would not stand out, so it comes last.
  const order = [...AREA_COLORS.slice(1), AREA_COLORS[0]];
  return order.find((c) => !used.has(c)) ?? order[design.areas.length % order.length]!;
}

/** A name without surrounding blanks, cut to what the model holds; empty when there is none. */
export function cleanAreaName(name: string): string {
  return [...name.trim()].slice(0, AREA_LIMITS.name).join('').trim();
}

/** Only tables (not views or unknown ids), each once, in the order given. */
function tablesOnly(design: Design, tableIds: readonly string[]): string[] {
  return [...new Set(tableIds)].filter((id) => Object.hasOwn(design.tables, id));
}

/** Takes `tableIds` out of every area but `keep`. */
function withoutTables(areas: readonly Area[], tableIds: ReadonlySet<string>, keep?: string) {
  return areas.map((a) =>
    a.id === keep || !a.tableIds.some((id) => tableIds.has(id))
      ? a
      : { ...a, tableIds: a.tableIds.filter((id) => !tableIds.has(id)) },
  );
}

export function createArea(design: Design, p: CreateAreaPayload): Design {
  const name = cleanAreaName(p.name);
  if (!name || design.areas.some((a) => a.id === p.id)) return design;
  if (design.areas.length >= AREA_LIMITS.areas) return design;
  const tableIds = tablesOnly(design, p.tableIds).slice(0, AREA_LIMITS.tables);
  const area: Area = { id: p.id, name, color: p.color ?? nextAreaColor(design), tableIds };
  return { ...design, areas: [...withoutTables(design.areas, new Set(tableIds)), area] };
}

function updateArea(design: Design, areaId: string, fn: (a: Area) => Area): Design {
  const i = design.areas.findIndex((a) => a.id === areaId);
  const area = design.areas[i];
  if (!area) return design;
  const next = fn(area);
  if (next === area) return design;
  const areas = [...design.areas];
  areas[i] = next;
  return { ...design, areas };
}

/** A blank or unchanged name leaves the area as it was. */
export function renameArea(design: Design, areaId: string, name: string): Design {
  const clean = cleanAreaName(name);
  return updateArea(design, areaId, (a) =>
    !clean || a.name === clean ? a : { ...a, name: clean },
  );
}

export function recolorArea(design: Design, areaId: string, color: Area['color']): Design {
  if (!AREA_COLORS.includes(color)) return design;
  return updateArea(design, areaId, (a) => (a.color === color ? a : { ...a, color }));
}

/** Adds tables to an area, taking them out of any other area they were in. */
export function addTablesToArea(
  design: Design,
  areaId: string,
  tableIds: readonly string[],
): Design {
  const area = design.areas.find((a) => a.id === areaId);
  if (!area) return design;
  const joining = tablesOnly(design, tableIds).filter((id) => !area.tableIds.includes(id));
  if (joining.length === 0) return design;
  const room = AREA_LIMITS.tables - area.tableIds.length;
  const taken = joining.slice(0, Math.max(0, room));
  if (taken.length === 0) return design;
  const areas = withoutTables(design.areas, new Set(taken), areaId).map((a) =>
    a.id === areaId ? { ...a, tableIds: [...a.tableIds, ...taken] } : a,
  );
  return { ...design, areas };
}

/** Takes tables out of an area; the area stays, even when empty, until it is deleted. */
export function removeTablesFromArea(
  design: Design,
  areaId: string,
  tableIds: readonly string[],
): Design {
  const leaving = new Set(tableIds);
  return updateArea(design, areaId, (a) =>
    a.tableIds.some((id) => leaving.has(id))
      ? { ...a, tableIds: a.tableIds.filter((id) => !leaving.has(id)) }
      : a,
  );
}

/** Deletes the area; its tables stay in the design. */
export function deleteArea(design: Design, areaId: string): Design {
  const areas = design.areas.filter((a) => a.id !== areaId);
  return areas.length === design.areas.length ? design : { ...design, areas };
}

/** The area a table is in, if any. */
export function areaOfTable(design: Design, tableId: string): Area | undefined {
  return design.areas.find((a) => a.tableIds.includes(tableId));
}

/** After tables are deleted: every area without them (used by `deleteTables`). */
export function dropTablesFromAreas(design: Design, doomed: ReadonlySet<string>): Design {
  if (!design.areas.some((a) => a.tableIds.some((id) => doomed.has(id)))) return design;
  return { ...design, areas: withoutTables(design.areas, doomed) };
}

/**
 * `next` (a design read back from SQL, which knows nothing of areas) with the areas of `current`,
 * less the tables `next` no longer has: editing the DDL keeps the person's areas.
 */
export function keepAreas(current: Design, next: Design): Design {
  const gone = new Set(Object.keys(current.tables).filter((id) => !Object.hasOwn(next.tables, id)));
  return dropTablesFromAreas({ ...next, areas: current.areas }, gone);
}
