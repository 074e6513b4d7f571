import {
  collationNameSql,
  extensionMember,
  SERIAL_CANDIDATES,
  USER_NAMESPACES,
  USER_TABLES,
} from './sqlFragments';

/**
 * The pg_catalog queries behind `readCatalog` for what the model represents (schemas, enums,
 * tables, columns, constraints, indexes); `extrasQueries.ts` has the rest. Postgres's own rendering (format_type, pg_get_expr,
 * pg_get_constraintdef, pg_get_indexdef) is the truth for types and expressions; nothing here
 * re-derives SQL text. OIDs come back as numbers or strings depending on the driver, so they are
 * only ever used as keys (see `key`).
 */

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
  array_type: Oid;
}

export const ENUMS_SQL = `
SELECT t.oid, t.typnamespace AS schema_oid, t.typname AS name, t.typarray AS array_type,
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
  /** The row type and its array type: other objects' dependencies on the table name them. */
  row_type: Oid;
  row_array_type: Oid;
  /** 'u' for UNLOGGED. */
  persistence: string;
  /** For a partition: its parent and its bound (`FOR VALUES ...`, `DEFAULT`). */
  partition_parent: Oid | null;
  partition_bound: string | null;
  /** For a partitioned table: its key, e.g. `RANGE (payment_date)`. */
  partition_key: string | null;
  /** INHERITS parents (JSON array of oids, in order), for tables that are not partitions. */
  inherits: unknown;
  /** Storage parameters (JSON array of `name=value`), or null. */
  options: unknown;
  row_security: boolean;
  force_row_security: boolean;
  /** The name of the index (or key constraint's index) the table is clustered on. */
  cluster_index: string | null;
}

export const TABLES_SQL = `
SELECT c.oid, c.relnamespace AS schema_oid, c.relname AS name, c.relkind,
  pg_catalog.obj_description(c.oid, 'pg_class') AS comment,
  c.reltype AS row_type, rt.typarray AS row_array_type, c.relpersistence AS persistence,
  CASE WHEN c.relispartition THEN (SELECT i.inhparent FROM pg_catalog.pg_inherits i WHERE i.inhrelid = c.oid LIMIT 1) END AS partition_parent,
  CASE WHEN c.relispartition THEN pg_catalog.pg_get_expr(c.relpartbound, c.oid) END AS partition_bound,
  CASE WHEN c.relkind = 'p' THEN pg_catalog.pg_get_partkeydef(c.oid) END AS partition_key,
  CASE WHEN NOT c.relispartition THEN (SELECT pg_catalog.json_agg(i.inhparent ORDER BY i.inhseqno)
    FROM pg_catalog.pg_inherits i WHERE i.inhrelid = c.oid) END AS inherits,
  pg_catalog.array_to_json(c.reloptions) AS options,
  c.relrowsecurity AS row_security, c.relforcerowsecurity AS force_row_security,
  (SELECT ic.relname FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
    WHERE i.indrelid = c.oid AND i.indisclustered LIMIT 1) AS cluster_index
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_type rt ON rt.oid = c.reltype
WHERE c.oid IN (${USER_TABLES})
ORDER BY c.oid`;

export interface ColumnRow {
  table_oid: Oid;
  attnum: number;
  name: string;
  type: string;
  not_null: boolean;
  /** The NOT NULL constraint's name (PostgreSQL 18). */
  not_null_name: string | null;
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
  /**
   * The name of the sequence whose nextval is the default, when serial could have made it (see
   * SERIAL_CANDIDATES): the column is serial if the name is the one serial would choose.
   */
  serial_sequence: string | null;
  /** An identity column's sequence: name, schema and options (JSON), to spot non-default ones. */
  identity_sequence: unknown;
  comment: string | null;
}

export const COLUMNS_SQL = `
SELECT a.attrelid AS table_oid, a.attnum, a.attname AS name,
  pg_catalog.format_type(a.atttypid, a.atttypmod) AS type,
  a.attnotnull AS not_null, a.attidentity AS identity, a.attgenerated AS generated,
  (SELECT co.conname FROM pg_catalog.pg_constraint co
    WHERE co.conrelid = a.attrelid AND co.contype = 'n' AND co.conkey[1] = a.attnum LIMIT 1) AS not_null_name,
  pg_catalog.pg_get_expr(d.adbin, d.adrelid) AS default_expr,
  pg_catalog.pg_get_expr(d.adbin, d.adrelid, true) AS generated_expr,
  CASE WHEN a.attcollation <> 0 AND a.attcollation <> t.typcollation THEN
    ${collationNameSql('a.attcollation')} END AS collation,
  ss.seq_name AS serial_sequence,
  (SELECT pg_catalog.json_build_object('name', s.relname, 'schema', sn.nspname,
      'table', tc.relname, 'table_schema', tn.nspname,
      'start', q.seqstart::text, 'increment', q.seqincrement::text, 'min', q.seqmin::text,
      'max', q.seqmax::text, 'cache', q.seqcache::text, 'cycle', q.seqcycle)
     FROM pg_catalog.pg_depend dep
     JOIN pg_catalog.pg_class s ON s.oid = dep.objid AND s.relkind = 'S'
     JOIN pg_catalog.pg_namespace sn ON sn.oid = s.relnamespace
     JOIN pg_catalog.pg_sequence q ON q.seqrelid = s.oid
     JOIN pg_catalog.pg_class tc ON tc.oid = a.attrelid
     JOIN pg_catalog.pg_namespace tn ON tn.oid = tc.relnamespace
     WHERE a.attidentity <> '' AND dep.classid = 'pg_catalog.pg_class'::regclass
       AND dep.refclassid = 'pg_catalog.pg_class'::regclass
       AND dep.refobjid = a.attrelid AND dep.refobjsubid = a.attnum AND dep.deptype = 'i'
     LIMIT 1) AS identity_sequence,
  pg_catalog.col_description(a.attrelid, a.attnum) AS comment
FROM pg_catalog.pg_attribute a
JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
LEFT JOIN (${SERIAL_CANDIDATES}) ss ON ss.table_oid = a.attrelid AND ss.attnum = a.attnum
WHERE a.attrelid IN (${USER_TABLES}) AND a.attnum > 0 AND NOT a.attisdropped
ORDER BY a.attrelid, a.attnum`;

export interface ConstraintRow {
  oid: Oid;
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
  /** INCLUDE columns of a primary key or unique constraint (JSON array of attnums). */
  include_columns: unknown;
  validated: boolean;
  no_inherit: boolean;
  /** False for NOT ENFORCED (PostgreSQL 18). */
  enforced: boolean;
  /** WITHOUT OVERLAPS / PERIOD (PostgreSQL 18): kept verbatim. */
  period: boolean;
  comment: string | null;
}

export const CONSTRAINTS_SQL = `
SELECT co.oid, co.conrelid AS table_oid, co.conname AS name, co.contype AS kind,
  pg_catalog.pg_get_constraintdef(co.oid, true) AS definition,
  pg_catalog.array_to_json(co.conkey) AS columns,
  co.confrelid AS ref_table_oid, pg_catalog.array_to_json(co.confkey) AS ref_columns,
  co.confupdtype AS on_update, co.confdeltype AS on_delete, co.confmatchtype AS match_type,
  co.condeferrable AS deferrable, co.condeferred AS deferred,
  COALESCE(i.indnullsnotdistinct, false) AS nulls_not_distinct,
  co.confdelsetcols IS NOT NULL AS has_delete_set_columns,
  CASE WHEN co.contype IN ('p', 'u') THEN (SELECT pg_catalog.json_agg(k.attnum ORDER BY k.n)
    FROM pg_catalog.pg_index ki, pg_catalog.unnest(ki.indkey::int2[]) WITH ORDINALITY AS k(attnum, n)
    WHERE ki.indexrelid = co.conindid AND k.n > ki.indnkeyatts) END AS include_columns,
  co.convalidated AS validated, co.connoinherit AS no_inherit,
  co.conenforced AS enforced, co.conperiod AS period,
  pg_catalog.obj_description(co.oid, 'pg_constraint') AS comment
FROM pg_catalog.pg_constraint co
LEFT JOIN pg_catalog.pg_index i ON i.indexrelid = co.conindid AND co.contype = 'u'
WHERE co.contype IN ('p', 'u', 'c', 'f', 'x') AND co.conrelid IN (${USER_TABLES})
  -- A foreign key on a partitioned table is copied to each partition (and one referencing a
  -- partitioned table gets a copy per partition): adding the parent's makes them again.
  AND NOT (co.contype = 'f' AND co.conparentid <> 0)
-- The order the DDL writes them in (primary key, unique, check, exclusion, foreign keys), then
-- creation order.
ORDER BY co.conrelid, CASE co.contype WHEN 'p' THEN 0 WHEN 'u' THEN 1 WHEN 'c' THEN 2 WHEN 'x' THEN 3 ELSE 4 END, co.oid`;

export interface IndexRow {
  oid: Oid;
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
  /** Collations per key where they differ from the key's own (JSON, null where not). */
  collations: unknown;
  /** The whole CREATE INDEX statement, for indexes the model cannot hold. */
  definition: string;
  /** The partitioned parent's index this one is attached to. */
  parent_index: Oid | null;
  comment: string | null;
}

export const INDEXES_SQL = `
SELECT i.indexrelid AS oid, i.indrelid AS table_oid, ic.relname AS name, am.amname AS method,
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
  pg_catalog.pg_get_expr(i.indpred, i.indrelid, true) AS predicate,
  (SELECT pg_catalog.json_agg(CASE WHEN k.coll = 0 THEN NULL
       WHEN k.attnum = 0 AND k.coll = 100 THEN NULL
       WHEN k.attnum <> 0 AND k.coll = (SELECT a.attcollation FROM pg_catalog.pg_attribute a
         WHERE a.attrelid = i.indrelid AND a.attnum = k.attnum) THEN NULL
       ELSE ${collationNameSql('k.coll')} END ORDER BY k.n)
     FROM ROWS FROM (pg_catalog.unnest(i.indcollation::oid[]), pg_catalog.unnest(i.indkey::int2[])) WITH ORDINALITY AS k(coll, attnum, n)
     WHERE k.n <= i.indnkeyatts) AS collations,
  pg_catalog.pg_get_indexdef(i.indexrelid) AS definition,
  (SELECT ih.inhparent FROM pg_catalog.pg_inherits ih WHERE ih.inhrelid = i.indexrelid LIMIT 1) AS parent_index,
  pg_catalog.obj_description(i.indexrelid, 'pg_class') AS comment
FROM pg_catalog.pg_index i
JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
JOIN pg_catalog.pg_am am ON am.oid = ic.relam
WHERE i.indrelid IN (${USER_TABLES})
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint co
    WHERE co.conindid = i.indexrelid AND co.contype IN ('p', 'u', 'x'))
ORDER BY i.indrelid, i.indexrelid`;
