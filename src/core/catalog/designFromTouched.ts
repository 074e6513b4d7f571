import type { Design, Table } from '../model/schema';
import { designFromRows, type AllCatalogRows } from './readCatalog';
import type { CatalogNote, CatalogOptions } from './types';
import { key } from './values';

/** An id as `CatalogIds` makes it when nothing collides: a prefix, `_`, 11 base-36 digits. */
const PLAIN_ID = /^[a-z]+_[0-9a-z]{11}$/;

/**
 * The design of `rows` built again only for the tables whose rows are new (`touched`, by oid):
 * every other table is `last`'s own object, as `designFromRows(rows)` would build it again.
 * That holds when ids are names' hashes with no collision (a collision's suffix depends on
 * reading order), nothing is kept verbatim (no extras, so no notes), and a table's design depends
 * only on its rows and on the tables its foreign keys reference (which are built alongside).
 * Undefined whenever one of those cannot be checked: the caller builds the whole design.
 */
export function designFromTouched(
  rows: AllCatalogRows,
  last: Design,
  touched: ReadonlySet<string>,
  options: CatalogOptions = {},
): { design: Design; notes: CatalogNote[] } | undefined {
  const noExtras = Object.values(rows.extras).every((r: unknown[]) => r.length === 0);
  if (!noExtras || rows.unsupported.length || last.extras.length) return undefined;
  // The touched tables and those they reference: a foreign key reads its target's column ids.
  const needed = new Set(touched);
  for (const c of rows.constraints)
    if (c.kind === 'f' && touched.has(key(c.table_oid))) needed.add(key(c.ref_table_oid));
  const of = <T extends { table_oid: unknown }>(xs: T[]) =>
    xs.filter((x) => needed.has(key(x.table_oid as never)));
  const partial = designFromRows(
    {
      ...rows,
      tables: rows.tables.filter((t) => needed.has(key(t.oid))),
      columns: of(rows.columns),
      constraints: of(rows.constraints),
      indexes: of(rows.indexes),
    },
    options,
  );
  if (partial.design.extras.length || partial.notes.length) return undefined;

  const schemaIdByOid = new Map<string, string>();
  for (const row of rows.schemas) {
    const schema = Object.values(partial.design.schemas).find((s) => s.name === row.name);
    if (schema) schemaIdByOid.set(key(row.oid), schema.id);
  }
  const byName = (d: Design) =>
    new Map(Object.values(d.tables).map((t) => [`${t.schemaId}\0${t.name}`, t]));
  const built = byName(partial.design);
  const kept = byName(last);
  const tables: Record<string, Table> = {};
  for (const row of rows.tables) {
    const schemaId = schemaIdByOid.get(key(row.schema_oid));
    if (schemaId === undefined) continue;
    const name = `${schemaId}\0${row.name}`;
    const table = touched.has(key(row.oid)) ? built.get(name) : kept.get(name);
    if (!table) return undefined;
    tables[table.id] = table;
  }
  const design: Design = { ...partial.design, tables };
  return allPlainAndUnique(design) ? { design, notes: [] } : undefined;
}

function allPlainAndUnique(design: Design): boolean {
  const seen = new Set<string>();
  const add = (id: string) => {
    if (seen.has(id) || (id !== 's_public' && !PLAIN_ID.test(id))) return false;
    seen.add(id);
    return true;
  };
  for (const id of Object.keys(design.schemas)) if (!add(id)) return false;
  for (const id of Object.keys(design.enums)) if (!add(id)) return false;
  for (const t of Object.values(design.tables)) {
    if (!add(t.id)) return false;
    for (const part of [...t.columns, ...t.constraints, ...t.indexes])
      if (!add(part.id)) return false;
  }
  return true;
}
