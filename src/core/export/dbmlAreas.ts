import type { Database } from '@dbml/core';
import { AREA_COLORS, AREA_LIMITS, type Area, type Design, type Table } from '../model/schema';
import { newId } from '../model/ids';
import { schemaNameOf } from '../sql/describe';
import { cleanAreaName } from '../ops/areas';
import { dbmlName, dbmlQualified } from './dbmlSyntax';
import { TABLE_COLOR_VALUES } from './svgTheme';

/**
 * Subject areas as DBML `TableGroup`s, with their colour (`[color: #hex]`), and back. DBML holds a
 * table in one group at most, as the model does; it refuses two groups of one name, so a repeated
 * name gets a number. Tables DBML leaves out (no columns) are left out of their group too.
 */
export function renderAreaGroups(design: Design, written: readonly Table[]): string[] {
  const writable = new Set(written.filter((t) => t.columns.length > 0).map((t) => t.id));
  const taken = new Set<string>();
  return design.areas.map((area) => {
    let name = area.name;
    for (let n = 2; taken.has(name); n++) name = `${area.name} (${n})`;
    taken.add(name);
    const lines = area.tableIds
      .filter((id) => writable.has(id))
      .map((id) => design.tables[id]!)
      .map((t) => `  ${dbmlQualified(schemaNameOf(design, t.schemaId), t.name)}`);
    const color = TABLE_COLOR_VALUES[area.color];
    return `TableGroup ${dbmlName(name)} [color: ${color}] {\n${lines.join('\n')}${lines.length ? '\n' : ''}}`;
  });
}

/** The palette key nearest a DBML colour (`#rgb` or `#rrggbb`); blue when there is none to read. */
export function nearestAreaColor(hex: string | undefined): Area['color'] {
  const rgb = parseHex(hex);
  if (!rgb) return 'blue';
  let best: Area['color'] = 'blue';
  let bestDistance = Infinity;
  for (const key of AREA_COLORS) {
    const [r, g, b] = parseHex(TABLE_COLOR_VALUES[key])!;
    const distance = (r - rgb[0]) ** 2 + (g - rgb[1]) ** 2 + (b - rgb[2]) ** 2;
    if (distance < bestDistance) [best, bestDistance] = [key, distance];
  }
  return best;
}

function parseHex(hex: string | undefined): [number, number, number] | undefined {
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex?.trim() ?? '');
  if (!m) return undefined;
  const digits = m[1]!.length === 3 ? [...m[1]!].map((d) => d + d).join('') : m[1]!;
  return [0, 2, 4].map((i) => parseInt(digits.slice(i, i + 2), 16)) as [number, number, number];
}

/**
 * The areas of a parsed DBML database: one per `TableGroup`, naming the design's tables found by
 * (schema, name) through `tableIdOf`. A group with no readable name is left out.
 */
export function areasFromDbml(
  database: Database,
  tableIdOf: (schema: string | undefined, name: string) => string | undefined,
): Area[] {
  const areas: Area[] = [];
  for (const schema of database.schemas) {
    for (const group of schema.tableGroups ?? []) {
      const name = cleanAreaName(group.name ?? '');
      if (!name || areas.length >= AREA_LIMITS.areas) continue;
      const tableIds = group.tables
        .map((t) => tableIdOf(t.schema?.name, t.name))
        .filter((id): id is string => id !== undefined);
      areas.push({
        id: newId('a'),
        name,
        color: nearestAreaColor(group.color),
        tableIds: [...new Set(tableIds)],
      });
    }
  }
  return areas;
}
