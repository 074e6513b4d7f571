/**
 * Catalog queries: what PostgreSQL itself prints for each object (format_type, pg_get_expr,
 * pg_get_constraintdef, pg_get_indexdef, pg_get_viewdef ...), keyed by object and free of oids.
 * Shared by the migration fingerprint and the import fidelity test's snapshot (src/test), which
 * differ in two options.
 */

const USER_NAMESPACE = `n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%'
  AND n.nspname NOT LIKE 'pg\\_temp%'`;

const notExtensionMember = (
  catalog: string,
  oid: string,
) => `NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
  WHERE d.classid = '${catalog}'::regclass AND d.objid = ${oid} AND d.deptype = 'e')`;

export interface CatalogQueryOptions {
  /**
   * Compare a column's position among its table's columns. A migration cannot reproduce it
   * (ALTER TABLE ADD COLUMN appends, and a dropped column leaves a gap); an import can.
   */
  columnPositions: boolean;
  /**
   * Key NOT NULL constraints by their column rather than their name: PostgreSQL 18 cannot rename
   * one on a partitioned table whose partitions' differ (they carry the partition's name), so
   * after a column rename there a migrated database keeps the old name where a fresh one has the new.
   */
  notNullByColumn: boolean;
}

/** Each query returns `key` and `value` rows; values are JSON text of what PostgreSQL prints. */
export function catalogQueries({
  columnPositions,
  notNullByColumn,
}: CatalogQueryOptions): Record<string, string> {
  const position = columnPositions
    ? `'position', row_number() OVER (PARTITION BY c.oid ORDER BY a.attnum), `
    : '';
  const constraintName = notNullByColumn
    ? `CASE WHEN co.contype = 'n' THEN pg_get_constraintdef(co.oid) ELSE co.conname END`
    : 'co.conname';
  return {
    schema: `SELECT n.nspname AS key, json_build_object('comment', obj_description(n.oid, 'pg_namespace'))::text AS value
    FROM pg_namespace n WHERE ${USER_NAMESPACE} AND ${notExtensionMember('pg_namespace', 'n.oid')}`,
    extension: `SELECT e.extname AS key, json_build_object('schema', n.nspname, 'comment', obj_description(e.oid, 'pg_extension'))::text AS value
    FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace`,
    relation: `SELECT n.nspname || '.' || c.relname AS key, json_build_object(
      'kind', c.relkind, 'persistence', c.relpersistence, 'options', c.reloptions,
      'partition_key', CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END,
      'partition_of', (SELECT p.relname FROM pg_inherits i JOIN pg_class p ON p.oid = i.inhparent WHERE i.inhrelid = c.oid AND c.relispartition),
      'partition_bound', pg_get_expr(c.relpartbound, c.oid),
      'inherits', (SELECT json_agg(p.relname ORDER BY i.inhseqno) FROM pg_inherits i JOIN pg_class p ON p.oid = i.inhparent WHERE i.inhrelid = c.oid AND NOT c.relispartition),
      'row_security', c.relrowsecurity, 'force_row_security', c.relforcerowsecurity,
      'view', CASE WHEN c.relkind IN ('v', 'm') THEN pg_get_viewdef(c.oid) END,
      'sequence', (SELECT json_build_object('type', format_type(s.seqtypid, NULL), 'start', s.seqstart::text, 'increment', s.seqincrement::text,
          'min', s.seqmin::text, 'max', s.seqmax::text, 'cache', s.seqcache::text, 'cycle', s.seqcycle) FROM pg_sequence s WHERE s.seqrelid = c.oid),
      'owned_by', (SELECT t.relname || '.' || a.attname || ' (' || d.deptype::text || ')' FROM pg_depend d JOIN pg_class t ON t.oid = d.refobjid
          JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
          WHERE c.relkind = 'S' AND d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')),
      'comment', obj_description(c.oid, 'pg_class'))::text AS value
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'c', 'f') AND ${USER_NAMESPACE} AND ${notExtensionMember('pg_class', 'c.oid')}`,
    column: `SELECT n.nspname || '.' || c.relname || '.' || a.attname AS key, json_build_object(
      ${position}'type', format_type(a.atttypid, a.atttypmod),
      'not_null', a.attnotnull, 'default', CASE WHEN a.attgenerated = '' THEN pg_get_expr(d.adbin, d.adrelid) END,
      'identity', a.attidentity, 'generated', a.attgenerated,
      'generation', CASE WHEN a.attgenerated <> '' THEN pg_get_expr(d.adbin, d.adrelid) END,
      'collation', CASE WHEN a.attcollation <> t.typcollation THEN (SELECT collname FROM pg_collation WHERE oid = a.attcollation) END,
      'comment', col_description(c.oid, a.attnum))::text AS value
    FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_type t ON t.oid = a.atttypid LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
    WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p', 'v', 'm', 'c', 'f')
      AND ${USER_NAMESPACE} AND ${notExtensionMember('pg_class', 'c.oid')}`,
    constraint: `SELECT n.nspname || '.' || COALESCE(c.relname, t.typname) || '.' || ${constraintName} AS key, json_build_object(
      'type', co.contype, 'definition', pg_get_constraintdef(co.oid), 'comment', obj_description(co.oid, 'pg_constraint'),
      'inherited', co.coninhcount > 0)::text AS value
    FROM pg_constraint co JOIN pg_namespace n ON n.oid = co.connamespace
    LEFT JOIN pg_class c ON c.oid = co.conrelid LEFT JOIN pg_type t ON t.oid = co.contypid
    WHERE ${USER_NAMESPACE} AND (co.conrelid = 0 OR ${notExtensionMember('pg_class', 'co.conrelid')})
      AND (co.contypid = 0 OR ${notExtensionMember('pg_type', 'co.contypid')})`,
    index: `SELECT n.nspname || '.' || ic.relname AS key, json_build_object(
      'definition', pg_get_indexdef(i.indexrelid), 'clustered', i.indisclustered, 'valid', i.indisvalid,
      'attached_to', (SELECT p.relname FROM pg_inherits h JOIN pg_class p ON p.oid = h.inhparent WHERE h.inhrelid = i.indexrelid),
      'comment', obj_description(i.indexrelid, 'pg_class'))::text AS value
    FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_namespace n ON n.oid = ic.relnamespace
    WHERE ${USER_NAMESPACE} AND ${notExtensionMember('pg_class', 'i.indrelid')}`,
    type: `SELECT n.nspname || '.' || t.typname AS key, json_build_object(
      'kind', t.typtype, 'labels', (SELECT json_agg(e.enumlabel ORDER BY e.enumsortorder) FROM pg_enum e WHERE e.enumtypid = t.oid),
      'base', CASE WHEN t.typtype = 'd' THEN format_type(t.typbasetype, t.typtypmod) END, 'not_null', t.typnotnull,
      'default', pg_get_expr(t.typdefaultbin, 0),
      'collation', (SELECT collname FROM pg_collation WHERE oid = t.typcollation AND oid <> 100),
      'range', (SELECT json_build_object('subtype', format_type(r.rngsubtype, NULL), 'multirange', r.rngmultitypid::regtype::text) FROM pg_range r WHERE r.rngtypid = t.oid),
      'comment', obj_description(t.oid, 'pg_type'))::text AS value
    FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
    WHERE ${USER_NAMESPACE} AND t.typtype IN ('e', 'd', 'r', 'c') AND (t.typtype <> 'c' OR (SELECT relkind FROM pg_class WHERE oid = t.typrelid) = 'c')
      AND ${notExtensionMember('pg_type', 't.oid')}`,
    function: `SELECT n.nspname || '.' || p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')' AS key, json_build_object(
      'kind', p.prokind, 'definition', CASE WHEN p.prokind <> 'a' THEN pg_get_functiondef(p.oid) END,
      'aggregate', (SELECT json_build_object('sfunc', a.aggtransfn::regproc::text, 'stype', format_type(a.aggtranstype, NULL),
          'final', a.aggfinalfn::regproc::text, 'combine', a.aggcombinefn::regproc::text, 'init', a.agginitval,
          'sortop', a.aggsortop::regoper::text, 'kind', a.aggkind, 'result', format_type(p.prorettype, NULL), 'parallel', p.proparallel)
        FROM pg_aggregate a WHERE a.aggfnoid = p.oid),
      'comment', obj_description(p.oid, 'pg_proc'))::text AS value
    FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
    WHERE ${USER_NAMESPACE} AND ${notExtensionMember('pg_proc', 'p.oid')}`,
    trigger: `SELECT n.nspname || '.' || c.relname || '.' || t.tgname AS key, json_build_object(
      'definition', pg_get_triggerdef(t.oid), 'enabled', t.tgenabled, 'clone', t.tgparentid <> 0,
      'comment', obj_description(t.oid, 'pg_trigger'))::text AS value
    FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE NOT t.tgisinternal AND ${USER_NAMESPACE}`,
    policy: `SELECT schemaname || '.' || tablename || '.' || policyname AS key,
      json_build_object('permissive', permissive, 'roles', roles, 'cmd', cmd, 'qual', qual, 'with_check', with_check)::text AS value
    FROM pg_policies`,
    rule: `SELECT schemaname || '.' || tablename || '.' || rulename AS key, json_build_object('definition', definition)::text AS value
    FROM pg_rules WHERE schemaname NOT IN ('pg_catalog', 'information_schema')`,
    eventTrigger: `SELECT evtname AS key, json_build_object('event', evtevent, 'function', evtfoid::regproc::text, 'tags', evttags,
      'enabled', evtenabled, 'comment', obj_description(oid, 'pg_event_trigger'))::text AS value FROM pg_event_trigger`,
    publication: `SELECT pubname AS key, json_build_object('all', puballtables, 'insert', pubinsert, 'update', pubupdate,
      'delete', pubdelete, 'truncate', pubtruncate, 'via_root', pubviaroot,
      'tables', (SELECT json_agg(pr.prrelid::regclass::text ORDER BY pr.prrelid::regclass::text) FROM pg_publication_rel pr WHERE pr.prpubid = p.oid))::text AS value
    FROM pg_publication p`,
    collation: `SELECT n.nspname || '.' || c.collname AS key, json_build_object('provider', c.collprovider, 'deterministic', c.collisdeterministic,
      'collate', c.collcollate, 'ctype', c.collctype, 'locale', c.colllocale, 'comment', obj_description(c.oid, 'pg_collation'))::text AS value
    FROM pg_collation c JOIN pg_namespace n ON n.oid = c.collnamespace WHERE ${USER_NAMESPACE} AND ${notExtensionMember('pg_collation', 'c.oid')}`,
    statistics: `SELECT n.nspname || '.' || s.stxname AS key, json_build_object('definition', pg_get_statisticsobjdef(s.oid))::text AS value
    FROM pg_statistic_ext s JOIN pg_namespace n ON n.oid = s.stxnamespace WHERE ${USER_NAMESPACE}`,
  };
}

/** The migration fingerprint's queries. */
export const FINGERPRINT_QUERIES = catalogQueries({
  columnPositions: false,
  notNullByColumn: true,
});
