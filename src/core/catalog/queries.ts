/**
 * The pg_catalog queries behind `readCatalog`. Postgres's own rendering (format_type, pg_get_expr,
 * pg_get_constraintdef, pg_get_indexdef) is the truth for types and expressions; nothing here
 * re-derives SQL text. OIDs come back as numbers or strings depending on the driver, so they are
 * only ever used as keys (see `key`).
 */

/** User namespaces: not system ones, not temporary, not created by an extension. */
const USER_NAMESPACES = `
  SELECT n.oid FROM pg_catalog.pg_namespace n
  WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
    AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp\\_%'
    AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
      WHERE d.classid = 'pg_catalog.pg_namespace'::regclass AND d.objid = n.oid AND d.deptype = 'e')`;

/** True for objects that belong to an extension (they are recreated by CREATE EXTENSION). */
const extensionMember = (
  catalog: string,
  oid: string,
) => `EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
      WHERE d.classid = '${catalog}'::regclass AND d.objid = ${oid} AND d.deptype = 'e')`;

/** Ordinary and partitioned tables (not partitions: the model has no partitioning). */
const USER_TABLES = `
  SELECT c.oid FROM pg_catalog.pg_class c
  WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition
    AND c.relnamespace IN (${USER_NAMESPACES})
    AND NOT ${extensionMember('pg_catalog.pg_class', 'c.oid')}`;

export type Oid = number | string;

export interface SchemaRow {
  oid: Oid;
  name: string;
  comment: string | null;
}

export const SCHEMAS_SQL = `
SELECT n.oid, n.nspname AS name, pg_catalog.obj_description(n.oid, 'pg_namespace') AS comment
FROM pg_catalog.pg_namespace n
WHERE n.oid IN (${USER_NAMESPACES})
ORDER BY n.oid`;

export interface EnumRow {
  oid: Oid;
  schema_oid: Oid;
  name: string;
  /** A JSON array of labels in sort order (parsed or as text, depending on the driver). */
  labels: unknown;
  comment: string | null;
}

export const ENUMS_SQL = `
SELECT t.oid, t.typnamespace AS schema_oid, t.typname AS name,
  (SELECT pg_catalog.json_agg(e.enumlabel ORDER BY e.enumsortorder) FROM pg_catalog.pg_enum e WHERE e.enumtypid = t.oid) AS labels,
  pg_catalog.obj_description(t.oid, 'pg_type') AS comment
FROM pg_catalog.pg_type t
WHERE t.typtype = 'e' AND t.typnamespace IN (${USER_NAMESPACES})
  AND NOT ${extensionMember('pg_catalog.pg_type', 't.oid')}
ORDER BY t.oid`;

export interface TableRow {
  oid: Oid;
  schema_oid: Oid;
  name: string;
  comment: string | null;
  /** 'r' ordinary, 'p' partitioned. */
  relkind: string;
}

export const TABLES_SQL = `
SELECT c.oid, c.relnamespace AS schema_oid, c.relname AS name, c.relkind,
  pg_catalog.obj_description(c.oid, 'pg_class') AS comment
FROM pg_catalog.pg_class c
WHERE c.oid IN (${USER_TABLES})
ORDER BY c.oid`;

export interface ColumnRow {
  table_oid: Oid;
  attnum: number;
  name: string;
  type: string;
  not_null: boolean;
  /** '' none, 'a' always, 'd' by default. */
  identity: string;
  /** '' none, 's' stored, 'v' virtual (PostgreSQL 18). */
  generated: string;
  /** The default (or generation) expression, not pretty-printed: safe after DEFAULT as it is. */
  default_expr: string | null;
  /** The generation expression pretty-printed, for GENERATED ALWAYS AS (...). */
  generated_expr: string | null;
  /** Only when it differs from the type's default collation; qualified and quoted outside pg_catalog. */
  collation: string | null;
  /** True when the default is nextval() of a plain sequence the column owns: a serial column. */
  is_serial: boolean | null;
  /** A sequence the default depends on (as regclass text), serial or not. */
  default_sequence: string | null;
  /** pg_type.typtype of the column's type (of the element type for arrays): d is a domain. */
  type_kind: string;
  /** Whether that type lives in pg_catalog. */
  builtin_type: boolean;
  comment: string | null;
}

export const COLUMNS_SQL = `
SELECT a.attrelid AS table_oid, a.attnum, a.attname AS name,
  pg_catalog.format_type(a.atttypid, a.atttypmod) AS type,
  a.attnotnull AS not_null, a.attidentity AS identity, a.attgenerated AS generated,
  pg_catalog.pg_get_expr(d.adbin, d.adrelid) AS default_expr,
  pg_catalog.pg_get_expr(d.adbin, d.adrelid, true) AS generated_expr,
  CASE WHEN a.attcollation <> 0 AND a.attcollation <> t.typcollation THEN
    CASE WHEN cn.nspname = 'pg_catalog' THEN co.collname
    ELSE '"' || replace(cn.nspname, '"', '""') || '"."' || replace(co.collname, '"', '""') || '"' END
  END AS collation,
  -- Compared as text because that is how the default would be written out: pg_get_expr quotes
  -- the sequence name with quotes doubled only (standard_conforming_strings), never E''.
  (SELECT pg_catalog.pg_get_expr(d.adbin, d.adrelid) = 'nextval(''' || replace(s.oid::pg_catalog.regclass::text, '''', '''''') || '''::regclass)'
     FROM pg_catalog.pg_depend dep
     JOIN pg_catalog.pg_class s ON s.oid = dep.objid AND s.relkind = 'S'
     JOIN pg_catalog.pg_sequence q ON q.seqrelid = s.oid
     WHERE dep.classid = 'pg_catalog.pg_class'::regclass AND dep.refclassid = 'pg_catalog.pg_class'::regclass
       AND dep.refobjid = a.attrelid AND dep.refobjsubid = a.attnum AND dep.deptype = 'a'
       AND q.seqstart = 1 AND q.seqincrement = 1 AND NOT q.seqcycle
     LIMIT 1) AS is_serial,
  (SELECT s.oid::pg_catalog.regclass::text FROM pg_catalog.pg_depend dep
     JOIN pg_catalog.pg_class s ON s.oid = dep.refobjid AND s.relkind = 'S'
     WHERE dep.classid = 'pg_catalog.pg_attrdef'::regclass AND dep.objid = d.oid
       AND dep.refclassid = 'pg_catalog.pg_class'::regclass
     LIMIT 1) AS default_sequence,
  COALESCE(et.typtype, t.typtype) AS type_kind,
  COALESCE(et.typnamespace, t.typnamespace) = 'pg_catalog'::regnamespace AS builtin_type,
  pg_catalog.col_description(a.attrelid, a.attnum) AS comment
FROM pg_catalog.pg_attribute a
JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
LEFT JOIN pg_catalog.pg_type et ON et.oid = t.typelem AND t.typcategory = 'A'
LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
LEFT JOIN pg_catalog.pg_collation co ON co.oid = a.attcollation
LEFT JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace
WHERE a.attrelid IN (${USER_TABLES}) AND a.attnum > 0 AND NOT a.attisdropped
ORDER BY a.attrelid, a.attnum`;

export interface ConstraintRow {
  table_oid: Oid;
  name: string;
  /** p, u, c, f, x (NOT NULL rows, 'n' in PostgreSQL 18, are not read: nullability is attnotnull). */
  kind: string;
  /** pg_get_constraintdef, pretty. */
  definition: string;
  /** JSON arrays of attnums. */
  columns: unknown;
  ref_table_oid: Oid;
  ref_columns: unknown;
  /** a no action, r restrict, c cascade, n set null, d set default. */
  on_update: string;
  on_delete: string;
  /** f full, s simple, p partial. */
  match_type: string;
  deferrable: boolean;
  deferred: boolean;
  nulls_not_distinct: boolean;
  /** ON DELETE SET NULL (columns) lists them; the model has no place for it. */
  has_delete_set_columns: boolean;
}

export const CONSTRAINTS_SQL = `
SELECT co.conrelid AS table_oid, co.conname AS name, co.contype AS kind,
  pg_catalog.pg_get_constraintdef(co.oid, true) AS definition,
  pg_catalog.array_to_json(co.conkey) AS columns,
  co.confrelid AS ref_table_oid, pg_catalog.array_to_json(co.confkey) AS ref_columns,
  co.confupdtype AS on_update, co.confdeltype AS on_delete, co.confmatchtype AS match_type,
  co.condeferrable AS deferrable, co.condeferred AS deferred,
  COALESCE(i.indnullsnotdistinct, false) AS nulls_not_distinct,
  co.confdelsetcols IS NOT NULL AS has_delete_set_columns
FROM pg_catalog.pg_constraint co
LEFT JOIN pg_catalog.pg_index i ON i.indexrelid = co.conindid AND co.contype = 'u'
WHERE co.contype IN ('p', 'u', 'c', 'f', 'x') AND co.conrelid IN (${USER_TABLES})
-- The order the DDL writes them in (primary key, unique, check, exclusion, foreign keys), then
-- creation order.
ORDER BY co.conrelid, CASE co.contype WHEN 'p' THEN 0 WHEN 'u' THEN 1 WHEN 'c' THEN 2 WHEN 'x' THEN 3 ELSE 4 END, co.oid`;

export interface IndexRow {
  table_oid: Oid;
  name: string;
  method: string;
  is_unique: boolean;
  nulls_not_distinct: boolean;
  key_count: number;
  /** JSON arrays: attnums (0 for an expression), indoption flags, key definitions, opclasses. */
  keys: unknown;
  options: unknown;
  key_defs: unknown;
  /** Non-default operator classes per key (null where default), quoted and qualified as SQL. */
  opclasses: unknown;
  /** The partial index predicate, pretty-printed, without WHERE. */
  predicate: string | null;
}

export const INDEXES_SQL = `
SELECT i.indrelid AS table_oid, ic.relname AS name, am.amname AS method,
  i.indisunique AS is_unique, i.indnullsnotdistinct AS nulls_not_distinct, i.indnkeyatts AS key_count,
  pg_catalog.array_to_json(i.indkey::int2[]) AS keys,
  pg_catalog.array_to_json(i.indoption::int2[]) AS options,
  (SELECT pg_catalog.json_agg(pg_catalog.pg_get_indexdef(i.indexrelid, k, true) ORDER BY k)
     FROM pg_catalog.generate_series(1, i.indnkeyatts) k) AS key_defs,
  (SELECT pg_catalog.json_agg(CASE WHEN oc.opcdefault THEN NULL
       WHEN ocn.nspname = 'pg_catalog' THEN pg_catalog.quote_ident(oc.opcname)
       ELSE pg_catalog.quote_ident(ocn.nspname) || '.' || pg_catalog.quote_ident(oc.opcname) END ORDER BY k.n)
     FROM pg_catalog.unnest(i.indclass::oid[]) WITH ORDINALITY AS k(opc, n)
     JOIN pg_catalog.pg_opclass oc ON oc.oid = k.opc
     JOIN pg_catalog.pg_namespace ocn ON ocn.oid = oc.opcnamespace) AS opclasses,
  pg_catalog.pg_get_expr(i.indpred, i.indrelid, true) AS predicate
FROM pg_catalog.pg_index i
JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
JOIN pg_catalog.pg_am am ON am.oid = ic.relam
WHERE i.indrelid IN (${USER_TABLES})
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint co
    WHERE co.conindid = i.indexrelid AND co.contype IN ('p', 'u', 'x'))
ORDER BY i.indrelid, i.indexrelid`;
