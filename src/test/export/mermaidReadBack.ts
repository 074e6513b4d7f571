import mermaid from 'mermaid';
import { expect } from 'vitest';
import { displayName, foreignKeysOf, type Design } from '../../core/model/index';
import { sortedTables } from '../../core/export/mermaid';

/** Test-only: reading an exported diagram back with the real Mermaid parser. */

export interface ErAttribute {
  type: string;
  name: string;
  keys: string[];
  comment: string;
}
export interface ErDb {
  getEntities(): Map<string, { label: string; alias: string; attributes: ErAttribute[] }>;
  getRelationships(): {
    roleA: string;
    relSpec: { cardA: string; cardB: string; relType: string };
  }[];
}

/** What Mermaid's parser made of the text: its ER database. */
export async function parsed(text: string): Promise<ErDb> {
  await mermaid.parse(text);
  const diagram = await mermaid.mermaidAPI.getDiagramFromText(text);
  return diagram.db as unknown as ErDb;
}

/** Mermaid swaps `#code;` for placeholders before parsing and back when rendering. */
function decodeEntities(text: string): string {
  return text
    .replace(/ﬂ°°(\d+)¶ß/g, (_, n: string) => String.fromCharCode(Number(n)))
    .replace(/ﬂ°(\w+)¶ß/g, (_, n: string) => ({ lt: '<', gt: '>' })[n] ?? `&${n};`);
}

/** The parsed diagram has every table, every column by name, and one relationship per FK. */
export async function expectFaithful(design: Design, text: string): Promise<void> {
  const db = await parsed(text);
  const entities = [...db.getEntities().values()];
  const tables = sortedTables(design);
  expect(entities.map((e) => decodeEntities(e.alias || e.label))).toEqual(
    tables.map((t) => displayName(design, t).replace(/[\s]+/g, ' ').replaceAll('"', "'")),
  );
  entities.forEach((entity, i) => {
    const columns = (tables[i] as (typeof tables)[number]).columns;
    const names = entity.attributes.map((a) => decodeEntities(a.name));
    expect(names).toEqual(columns.map((c) => c.name.replace(/\s+/g, ' ').replaceAll('`', "'")));
  });
  const fks = tables.flatMap((t) => foreignKeysOf(t).filter((k) => design.tables[k.refTableId]));
  expect(db.getRelationships()).toHaveLength(fks.length);
}
