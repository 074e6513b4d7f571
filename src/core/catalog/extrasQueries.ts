import type { Oid } from './queries';
import {
  collationNameSql,
  extensionMember,
  internalMember,
  SERIAL_CANDIDATES,
  USER_NAMESPACES,
  USER_RELATIONS,
} from './sqlFragments';

/**
 * Catalog queries for the objects the model keeps verbatim (raw objects). Where PostgreSQL has a
 * function that prints an object's definition (pg_get_viewdef, pg_get_functiondef,
 * pg_get_triggerdef, pg_get_ruledef, pg_get_statisticsobjdef, pg_get_constraintdef), it is used;
 * the rest is assembled from the catalog in `toExtras*.ts` as pg_dump does.
 */

const inUserSchema = (column: string) => `${column} IN (${USER_NAMESPACES})`;

export interface ExtensionRow {
  oid: Oid;
  name: string;
  schema: string;
  schema_oid: Oid;
  comment: string | null;
  /** The comment CREATE EXTENSION sets from the control file. */
  default_comment: string | null;
}

export const EXTENSIONS_SQL = `
SELECT e.oid, e.extname AS name, n.nspname AS schema, e.extnamespace AS schema_oid,
  pg_catalog.obj_description(e.oid, 'pg_extension') AS comment,
  (SELECT a.comment FROM pg_catalog.pg_available_extensions a WHERE a.name = e.extname) AS default_comment
FROM pg_catalog.pg_extension e JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace
WHERE e.extname <> 'plpgsql'
ORDER BY e.oid`;

export interface CollationRow {
  oid: Oid;
  schema_oid: Oid;
  name: string;
  /** The pg_collation row as JSON: provider, locale fields, determinism. */
  collation: unknown;
  comment: string | null;
}

export const COLLATIONS_SQL = `
SELECT c.oid, c.collnamespace AS schema_oid, c.collname AS name, pg_catalog.to_jsonb(c) AS collation,
  pg_catalog.obj_description(c.oid, 'pg_collation') AS comment
FROM pg_catalog.pg_collation c
WHERE ${inUserSchema('c.collnamespace')} AND NOT ${extensionMember('pg_catalog.pg_collation', 'c.oid')}
ORDER BY c.oid`;

export interface TypeRow {
  oid: Oid;
  schema_oid: Oid;
  name: string;
  /** d domain, c composite, r range. */
  kind: string;
  array_type: Oid;
  /** Composite: its relation; range: its multirange type and that one's array type. */
  relation: Oid | null;
  multirange: Oid | null;
  multirange_array: Oid | null;
  /** Domain: base type, default, collation, constraints (JSON: name, definition, comment). */
  base_type: string | null;
  default_expr: string | null;
  collation: string | null;
  /**
   * Domain: NOT NULL. PostgreSQL 17 and newer also list it among the constraints (contype 'n');
   * older servers keep it only here.
   */
  not_null: boolean;
  constraints: unknown;
  /** Composite: attributes (JSON: name, type, collation, comment). */
  attributes: unknown;
  /** Range: the pg_range row's parts as SQL. */
  range: unknown;
  comment: string | null;
}

export const TYPES_SQL = `
SELECT t.oid, t.typnamespace AS schema_oid, t.typname AS name, t.typtype AS kind, t.typarray AS array_type,
  NULLIF(t.typrelid, 0) AS relation, r.rngmultitypid AS multirange, mt.typarray AS multirange_array,
  CASE WHEN t.typtype = 'd' THEN pg_catalog.format_type(t.typbasetype, t.typtypmod) END AS base_type,
  CASE WHEN t.typtype = 'd' THEN COALESCE(pg_catalog.pg_get_expr(t.typdefaultbin, 0), t.typdefault) END AS default_expr,
  CASE WHEN t.typtype = 'd' AND t.typcollation <> 0 AND t.typcollation <> bt.typcollation
    THEN ${collationNameSql('t.typcollation')} END AS collation,
  t.typnotnull AS not_null,
  (SELECT pg_catalog.json_agg(pg_catalog.json_build_object('name', co.conname,
      'definition', pg_catalog.pg_get_constraintdef(co.oid, true),
      'comment', pg_catalog.obj_description(co.oid, 'pg_constraint')) ORDER BY co.contype = 'n' DESC, co.oid)
    FROM pg_catalog.pg_constraint co WHERE co.contypid = t.oid) AS constraints,
  CASE WHEN t.typtype = 'c' THEN (SELECT pg_catalog.json_agg(pg_catalog.json_build_object('name', a.attname,
      'type', pg_catalog.format_type(a.atttypid, a.atttypmod),
      'collation', CASE WHEN a.attcollation <> 0 AND a.attcollation <> at.typcollation
        THEN ${collationNameSql('a.attcollation')} END,
      'comment', pg_catalog.col_description(t.typrelid, a.attnum)) ORDER BY a.attnum)
    FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_type at ON at.oid = a.atttypid
    WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped) END AS attributes,
  CASE WHEN t.typtype = 'r' THEN pg_catalog.json_build_object(
    'subtype', pg_catalog.format_type(r.rngsubtype, NULL),
    'opclass', (SELECT CASE WHEN NOT oc.opcdefault THEN pg_catalog.quote_ident(ocn.nspname) || '.' || pg_catalog.quote_ident(oc.opcname) END
      FROM pg_catalog.pg_opclass oc JOIN pg_catalog.pg_namespace ocn ON ocn.oid = oc.opcnamespace WHERE oc.oid = r.rngsubopc),
    'collation', CASE WHEN r.rngcollation <> 0 AND r.rngcollation <> st.typcollation THEN ${collationNameSql('r.rngcollation')} END,
    'canonical', CASE WHEN r.rngcanonical <> 0 THEN r.rngcanonical::pg_catalog.regproc::text END,
    'subtype_diff', CASE WHEN r.rngsubdiff <> 0 THEN r.rngsubdiff::pg_catalog.regproc::text END,
    'multirange_schema', mn.nspname, 'multirange_name', mt.typname) END AS range,
  pg_catalog.obj_description(t.oid, 'pg_type') AS comment
FROM pg_catalog.pg_type t
LEFT JOIN pg_catalog.pg_type bt ON bt.oid = t.typbasetype
LEFT JOIN pg_catalog.pg_class tc ON tc.oid = t.typrelid
LEFT JOIN pg_catalog.pg_range r ON r.rngtypid = t.oid
LEFT JOIN pg_catalog.pg_type st ON st.oid = r.rngsubtype
LEFT JOIN pg_catalog.pg_type mt ON mt.oid = r.rngmultitypid
LEFT JOIN pg_catalog.pg_namespace mn ON mn.oid = mt.typnamespace
WHERE ${inUserSchema('t.typnamespace')} AND NOT ${extensionMember('pg_catalog.pg_type', 't.oid')}
  AND (t.typtype IN ('d', 'r') OR (t.typtype = 'c' AND tc.relkind = 'c'))
ORDER BY t.oid`;

/** A sequence's options as pg_sequence holds them (text, so int8 bounds survive). */
export interface SequenceOptionFields {
  start: string;
  increment: string;
  min: string;
  max: string;
  cache: string;
  cycle: boolean;
}

export interface SequenceRow extends SequenceOptionFields {
  oid: Oid;
  schema_oid: Oid;
  name: string;
  type: string;
  unlogged: boolean;
  /** OWNED BY: the table and column number, when the sequence belongs to a column. */
  owner_table: Oid | null;
  owner_attnum: number | null;
  /** Serial could have made it; it is a serial column's if its name is serial's choice too. */
  serial_candidate: boolean;
  comment: string | null;
}

export const SEQUENCES_SQL = `
SELECT c.oid, c.relnamespace AS schema_oid, c.relname AS name,
  pg_catalog.format_type(q.seqtypid, NULL) AS type, q.seqstart::text AS start,
  q.seqincrement::text AS increment, q.seqmin::text AS min, q.seqmax::text AS max,
  q.seqcache::text AS cache, q.seqcycle AS cycle, c.relpersistence = 'u' AS unlogged,
  dep.refobjid AS owner_table, dep.refobjsubid AS owner_attnum,
  EXISTS (SELECT 1 FROM (${SERIAL_CANDIDATES}) ss WHERE ss.seq_oid = c.oid) AS serial_candidate,
  pg_catalog.obj_description(c.oid, 'pg_class') AS comment
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_sequence q ON q.seqrelid = c.oid
LEFT JOIN pg_catalog.pg_depend dep ON dep.classid = 'pg_catalog.pg_class'::regclass AND dep.objid = c.oid
  AND dep.refclassid = 'pg_catalog.pg_class'::regclass AND dep.deptype = 'a'
WHERE c.relkind = 'S' AND c.oid IN (${USER_RELATIONS})
  AND NOT ${internalMember('pg_catalog.pg_class', 'c.oid')}
ORDER BY c.oid`;

export interface RoutineRow {
  oid: Oid;
  schema_oid: Oid;
  name: string;
  /** f function, p procedure, a aggregate, w window. */
  kind: string;
  identity_args: string;
  /** pg_get_functiondef (not for aggregates). */
  definition: string | null;
  /** For aggregates: the pg_aggregate row with functions and types as SQL. */
  aggregate: unknown;
  comment: string | null;
}

export const ROUTINES_SQL = `
SELECT p.oid, p.pronamespace AS schema_oid, p.proname AS name, p.prokind AS kind,
  pg_catalog.pg_get_function_identity_arguments(p.oid) AS identity_args,
  CASE WHEN p.prokind <> 'a' THEN pg_catalog.pg_get_functiondef(p.oid) END AS definition,
  CASE WHEN p.prokind = 'a' THEN (SELECT pg_catalog.json_build_object(
    'kind', ag.aggkind, 'sfunc', ag.aggtransfn::pg_catalog.regproc::text,
    'stype', pg_catalog.format_type(ag.aggtranstype, NULL), 'sspace', ag.aggtransspace,
    'finalfunc', NULLIF(ag.aggfinalfn, 0)::pg_catalog.regproc::text, 'finalfunc_extra', ag.aggfinalextra,
    'finalfunc_modify', ag.aggfinalmodify, 'combinefunc', NULLIF(ag.aggcombinefn, 0)::pg_catalog.regproc::text,
    'serialfunc', NULLIF(ag.aggserialfn, 0)::pg_catalog.regproc::text,
    'deserialfunc', NULLIF(ag.aggdeserialfn, 0)::pg_catalog.regproc::text,
    'initcond', ag.agginitval, 'msfunc', NULLIF(ag.aggmtransfn, 0)::pg_catalog.regproc::text,
    'minvfunc', NULLIF(ag.aggminvtransfn, 0)::pg_catalog.regproc::text,
    'mstype', CASE WHEN ag.aggmtranstype <> 0 THEN pg_catalog.format_type(ag.aggmtranstype, NULL) END,
    'msspace', ag.aggmtransspace, 'mfinalfunc', NULLIF(ag.aggmfinalfn, 0)::pg_catalog.regproc::text,
    'mfinalfunc_extra', ag.aggmfinalextra, 'mfinalfunc_modify', ag.aggmfinalmodify,
    'minitcond', ag.aggminitval, 'sortop', NULLIF(ag.aggsortop, 0)::pg_catalog.regoper::text,
    'parallel', p.proparallel)
    FROM pg_catalog.pg_aggregate ag WHERE ag.aggfnoid = p.oid) END AS aggregate,
  pg_catalog.obj_description(p.oid, 'pg_proc') AS comment
FROM pg_catalog.pg_proc p
WHERE ${inUserSchema('p.pronamespace')} AND NOT ${extensionMember('pg_catalog.pg_proc', 'p.oid')}
  AND NOT ${internalMember('pg_catalog.pg_proc', 'p.oid')}
ORDER BY p.oid`;

export * from './relationQueries';
