import type { Oid } from './queries';
import { extensionMember, USER_RELATIONS } from './sqlFragments';

/**
 * Catalog queries for raw objects that are relations or hang on one (views, triggers, rules,
 * policies, statistics), and for event triggers and publications. See `extrasQueries.ts`.
 */

export interface ViewRow {
  oid: Oid;
  schema_oid: Oid;
  name: string;
  /** v view, m materialized view. */
  relkind: string;
  row_type: Oid;
  row_array_type: Oid;
  definition: string;
  options: unknown;
  /** JSON: name, type, comment per column. */
  columns: unknown;
  /** Materialized views: their indexes (JSON: name, definition, clustered, comment). */
  indexes: unknown;
  comment: string | null;
}

export const VIEWS_SQL = `
SELECT c.oid, c.relnamespace AS schema_oid, c.relname AS name, c.relkind,
  c.reltype AS row_type, rt.typarray AS row_array_type,
  pg_catalog.pg_get_viewdef(c.oid) AS definition, pg_catalog.array_to_json(c.reloptions) AS options,
  (SELECT pg_catalog.json_agg(pg_catalog.json_build_object('name', a.attname,
      'type', pg_catalog.format_type(a.atttypid, a.atttypmod),
      'comment', pg_catalog.col_description(c.oid, a.attnum)) ORDER BY a.attnum)
    FROM pg_catalog.pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped) AS columns,
  (SELECT pg_catalog.json_agg(pg_catalog.json_build_object('name', ic.relname,
      'definition', pg_catalog.pg_get_indexdef(i.indexrelid), 'clustered', i.indisclustered,
      'comment', pg_catalog.obj_description(i.indexrelid, 'pg_class')) ORDER BY i.indexrelid)
    FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
    WHERE i.indrelid = c.oid) AS indexes,
  pg_catalog.obj_description(c.oid, 'pg_class') AS comment
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_type rt ON rt.oid = c.reltype
WHERE c.relkind IN ('v', 'm') AND c.oid IN (${USER_RELATIONS})
ORDER BY c.oid`;

/** A trigger, policy, rule or statistics object: something that lives on a relation. */
export interface RelationObjectRow {
  oid: Oid;
  relation_oid: Oid;
  name: string;
  /** pg_get_triggerdef, pg_get_ruledef or pg_get_statisticsobjdef; for policies, null. */
  definition: string | null;
  /** Triggers and rules: O origin (default), D disabled, R replica, A always. */
  enabled: string | null;
  /** Policies: the pg_policy parts as SQL. */
  policy: unknown;
  /** Statistics objects: their own qualified name (they live in a schema). */
  qualified_name: string | null;
  comment: string | null;
}

export const TRIGGERS_SQL = `
SELECT t.oid, t.tgrelid AS relation_oid, t.tgname AS name, pg_catalog.pg_get_triggerdef(t.oid) AS definition,
  t.tgenabled AS enabled, NULL AS policy, NULL AS qualified_name,
  pg_catalog.obj_description(t.oid, 'pg_trigger') AS comment
FROM pg_catalog.pg_trigger t
WHERE NOT t.tgisinternal AND t.tgparentid = 0 AND t.tgrelid IN (${USER_RELATIONS})
ORDER BY t.oid`;

export const RULES_SQL = `
SELECT r.oid, r.ev_class AS relation_oid, r.rulename AS name, pg_catalog.pg_get_ruledef(r.oid) AS definition,
  r.ev_enabled AS enabled, NULL AS policy, NULL AS qualified_name,
  pg_catalog.obj_description(r.oid, 'pg_rewrite') AS comment
FROM pg_catalog.pg_rewrite r
WHERE r.rulename <> '_RETURN' AND r.ev_class IN (${USER_RELATIONS})
ORDER BY r.oid`;

export const POLICIES_SQL = `
SELECT p.oid, p.polrelid AS relation_oid, p.polname AS name, NULL AS definition, NULL AS enabled,
  pg_catalog.json_build_object('command', p.polcmd, 'permissive', p.polpermissive,
    'roles', (SELECT pg_catalog.json_agg(CASE WHEN r.oid IS NULL THEN 'PUBLIC' ELSE pg_catalog.quote_ident(r.rolname) END ORDER BY k.n)
      FROM pg_catalog.unnest(p.polroles) WITH ORDINALITY AS k(role, n)
      LEFT JOIN pg_catalog.pg_roles r ON r.oid = k.role),
    'using', pg_catalog.pg_get_expr(p.polqual, p.polrelid),
    'with_check', pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid)) AS policy,
  NULL AS qualified_name, pg_catalog.obj_description(p.oid, 'pg_policy') AS comment
FROM pg_catalog.pg_policy p
WHERE p.polrelid IN (${USER_RELATIONS})
ORDER BY p.oid`;

export const STATISTICS_SQL = `
SELECT s.oid, s.stxrelid AS relation_oid, s.stxname AS name,
  pg_catalog.pg_get_statisticsobjdef(s.oid) AS definition, NULL AS enabled, NULL AS policy,
  pg_catalog.quote_ident(sn.nspname) || '.' || pg_catalog.quote_ident(s.stxname) AS qualified_name,
  pg_catalog.obj_description(s.oid, 'pg_statistic_ext') AS comment
FROM pg_catalog.pg_statistic_ext s
JOIN pg_catalog.pg_namespace sn ON sn.oid = s.stxnamespace
WHERE s.stxrelid IN (${USER_RELATIONS}) AND NOT ${extensionMember('pg_catalog.pg_statistic_ext', 's.oid')}
ORDER BY s.oid`;

export interface EventTriggerRow {
  oid: Oid;
  name: string;
  event: string;
  /** The function, qualified and quoted. */
  function: string;
  function_oid: Oid;
  enabled: string;
  tags: unknown;
  comment: string | null;
}

export const EVENT_TRIGGERS_SQL = `
SELECT e.oid, e.evtname AS name, e.evtevent AS event, e.evtfoid AS function_oid,
  pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(p.proname) AS function,
  e.evtenabled AS enabled, pg_catalog.array_to_json(e.evttags) AS tags,
  pg_catalog.obj_description(e.oid, 'pg_event_trigger') AS comment
FROM pg_catalog.pg_event_trigger e
JOIN pg_catalog.pg_proc p ON p.oid = e.evtfoid
JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
WHERE NOT ${extensionMember('pg_catalog.pg_event_trigger', 'e.oid')}
ORDER BY e.oid`;

export interface PublicationRow {
  oid: Oid;
  name: string;
  /** The pg_publication row as JSON (publish flags, all tables, via root, generated columns). */
  publication: unknown;
  /** JSON: table (as SQL), column list, row filter. */
  tables: unknown;
  /** JSON array of schema names (FOR TABLES IN SCHEMA). */
  schemas: unknown;
  comment: string | null;
}

export const PUBLICATIONS_SQL = `
SELECT p.oid, p.pubname AS name, pg_catalog.to_jsonb(p) AS publication,
  (SELECT pg_catalog.json_agg(pg_catalog.json_build_object('table', pr.prrelid::pg_catalog.regclass::text,
      'table_oid', pr.prrelid,
      'columns', (SELECT pg_catalog.json_agg(pg_catalog.quote_ident(a.attname) ORDER BY k.n)
        FROM pg_catalog.unnest(pr.prattrs::int2[]) WITH ORDINALITY AS k(attnum, n)
        JOIN pg_catalog.pg_attribute a ON a.attrelid = pr.prrelid AND a.attnum = k.attnum),
      'where', pg_catalog.pg_get_expr(pr.prqual, pr.prrelid)) ORDER BY pr.oid)
    FROM pg_catalog.pg_publication_rel pr WHERE pr.prpubid = p.oid) AS tables,
  (SELECT pg_catalog.json_agg(pg_catalog.quote_ident(n.nspname) ORDER BY pn.oid)
    FROM pg_catalog.pg_publication_namespace pn JOIN pg_catalog.pg_namespace n ON n.oid = pn.pnnspid
    WHERE pn.pnpubid = p.oid) AS schemas,
  pg_catalog.obj_description(p.oid, 'pg_publication') AS comment
FROM pg_catalog.pg_publication p
ORDER BY p.oid`;
