import type { QueryExecutor } from '../core/catalog';
import type { OrmNote } from '../core/export/ormNames';

/**
 * The part of a database's catalog the ORM exporters are responsible for, as PostgreSQL prints
 * it: columns (type, NOT NULL, default, identity, generation), constraints and indexes of the
 * given tables, and enum labels. Constraints PostgreSQL derives from another (a foreign key's
 * copies for each partition of the table it references) are left out: nobody declares them. Keyed `column:schema.table.column`, `constraint:schema.table.name`,
 * `index:schema.table.name`, `enum:schema.name`, so two databases built by different tools compare.
 */
export async function ormCatalog(
  db: QueryExecutor,
  tables: ReadonlySet<string>,
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const rel = `n.nspname || '.' || c.relname`;
  const queries = [
    `SELECT ${rel} AS t, 'column:' || ${rel} || '.' || a.attname AS key, json_build_object('type', format_type(a.atttypid, a.atttypmod),
        'not_null', a.attnotnull, 'default', pg_get_expr(d.adbin, d.adrelid), 'identity', a.attidentity, 'generated', a.attgenerated)::text AS value
      FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p')`,
    `SELECT ${rel} AS t, 'constraint:' || ${rel} || '.' || co.conname AS key,
        json_build_object('type', co.contype, 'definition', pg_get_constraintdef(co.oid))::text AS value
      FROM pg_constraint co JOIN pg_class c ON c.oid = co.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE co.conparentid = 0`,
    `SELECT ${rel} AS t, 'index:' || ${rel} || '.' || ic.relname AS key, pg_get_indexdef(i.indexrelid) AS value
      FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_class c ON c.oid = i.indrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace`,
  ];
  for (const sql of queries) {
    const { rows } = await db.query<{ t: string; key: string; value: string }>(sql);
    for (const row of rows) if (tables.has(row.t)) out.set(row.key, row.value);
  }
  const { rows } = await db.query<{
    key: string;
    value: string;
  }>(`SELECT 'enum:' || n.nspname || '.' || t.typname AS key,
      (SELECT json_agg(e.enumlabel ORDER BY e.enumsortorder) FROM pg_enum e WHERE e.enumtypid = t.oid)::text AS value
    FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE t.typtype = 'e'
      AND n.nspname NOT IN ('pg_catalog', 'information_schema')
      AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_type'::regclass AND d.objid = t.oid AND d.deptype = 'e')`);
  for (const row of rows) out.set(row.key, row.value);
  return out;
}

/** One difference between the catalog the design's DDL builds and the one the ORM's tool builds. */
export interface OrmCatalogDifference {
  key: string;
  expected?: string;
  actual?: string;
  /** The exporter's note that explains it, when there is one. */
  explainedBy?: string;
}

/** Every difference, each with the note that accounts for it (the tests want none unexplained). */
export function diffOrmCatalogs(
  expected: ReadonlyMap<string, string>,
  actual: ReadonlyMap<string, string>,
  notes: readonly OrmNote[],
): OrmCatalogDifference[] {
  const explain = (key: string) => {
    const [kind, rest] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
    const note = notes.find((n) => {
      const at = `${n.object}.${n.name ?? ''}`;
      if (n.what === 'table') return rest.startsWith(`${n.object}.`);
      if (n.what === 'column') return kind === 'column' && rest === at;
      if (n.what === 'constraint')
        return (
          (kind === 'constraint' || kind === 'index') &&
          (rest === at || (n.renamedTo !== undefined && rest === `${n.object}.${n.renamedTo}`))
        );
      if (n.what === 'index') return kind === 'index' && rest === at;
      return false;
    });
    return note ? `${note.what} ${note.name ?? ''}: ${note.message}` : undefined;
  };
  const out: OrmCatalogDifference[] = [];
  for (const key of new Set([...expected.keys(), ...actual.keys()])) {
    const e = expected.get(key);
    const a = actual.get(key);
    if (e === a) continue;
    const d: OrmCatalogDifference = { key };
    if (e !== undefined) d.expected = e;
    if (a !== undefined) d.actual = a;
    const why = explain(key);
    if (why) d.explainedBy = why;
    out.push(d);
  }
  return out.sort((x, y) => (x.key < y.key ? -1 : 1));
}
