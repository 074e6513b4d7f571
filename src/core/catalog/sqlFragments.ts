import { SCHEMA_FILTER_MARK } from './serverVersion';
/**
 * Pieces of SQL the catalog queries share: which namespaces and relations are the user's, which
 * sequences are a serial column's, how to print a collation's name.
 */

/**
 * User namespaces: not system ones, not temporary, not created by an extension (and, where a
 * caller narrows the read, only the schemas it asked for: see `catalogSqlFor`).
 */
export const USER_NAMESPACES = `
  SELECT n.oid FROM pg_catalog.pg_namespace n
  WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') ${SCHEMA_FILTER_MARK}
    AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp\\_%'
    AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
      WHERE d.classid = 'pg_catalog.pg_namespace'::regclass AND d.objid = n.oid AND d.deptype = 'e')`;

/** True for objects that belong to an extension (they are recreated by CREATE EXTENSION). */
export const extensionMember = (
  catalog: string,
  oid: string,
) => `EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
      WHERE d.classid = '${catalog}'::regclass AND d.objid = ${oid} AND d.deptype = 'e')`;

/** True for objects PostgreSQL made for another object (a range type's constructors, ...). */
export const internalMember = (
  catalog: string,
  oid: string,
) => `EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
      WHERE d.classid = '${catalog}'::regclass AND d.objid = ${oid} AND d.deptype = 'i')`;

/** Ordinary and partitioned tables, partitions included. */
export const USER_TABLES = `
  SELECT c.oid FROM pg_catalog.pg_class c
  WHERE c.relkind IN ('r', 'p')
    AND c.relnamespace IN (${USER_NAMESPACES})
    AND NOT ${extensionMember('pg_catalog.pg_class', 'c.oid')}`;

/** Every relation of the user's (tables, views, sequences, ...): where triggers and rules live. */
export const USER_RELATIONS = `
  SELECT c.oid FROM pg_catalog.pg_class c
  WHERE c.relnamespace IN (${USER_NAMESPACES})
    AND NOT ${extensionMember('pg_catalog.pg_class', 'c.oid')}`;

/**
 * Sequences that `serial`, `bigserial` or `smallserial` could have made: owned by a NOT NULL
 * integer column whose default is their nextval, in the table's schema, with every option at its
 * default and no comment. The reader also checks the name (see `defaultSequenceName`); such a
 * column reads back as serial and its sequence is not kept on its own.
 */
export const SERIAL_CANDIDATES = `
  SELECT s.oid AS seq_oid, s.relname AS seq_name, dep.refobjid AS table_oid, dep.refobjsubid AS attnum
  FROM pg_catalog.pg_class s
  JOIN pg_catalog.pg_sequence q ON q.seqrelid = s.oid
  JOIN pg_catalog.pg_depend dep ON dep.classid = 'pg_catalog.pg_class'::regclass AND dep.objid = s.oid
    AND dep.refclassid = 'pg_catalog.pg_class'::regclass AND dep.deptype = 'a'
  JOIN pg_catalog.pg_class t ON t.oid = dep.refobjid
  JOIN pg_catalog.pg_attribute a ON a.attrelid = t.oid AND a.attnum = dep.refobjsubid
  JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = t.oid AND ad.adnum = a.attnum
  WHERE s.relkind = 'S' AND a.attnotnull AND a.attidentity = '' AND a.attgenerated = ''
    AND a.atttypid IN ('pg_catalog.int2'::pg_catalog.regtype, 'pg_catalog.int4'::pg_catalog.regtype, 'pg_catalog.int8'::pg_catalog.regtype)
    AND q.seqtypid = a.atttypid
    AND q.seqstart = 1 AND q.seqincrement = 1 AND q.seqmin = 1 AND q.seqcache = 1 AND NOT q.seqcycle
    AND q.seqmax = CASE a.atttypid WHEN 'pg_catalog.int2'::pg_catalog.regtype THEN 32767
      WHEN 'pg_catalog.int4'::pg_catalog.regtype THEN 2147483647 ELSE 9223372036854775807 END
    AND s.relnamespace = t.relnamespace
    AND s.relpersistence = t.relpersistence
    AND pg_catalog.obj_description(s.oid, 'pg_class') IS NULL
    -- Compared as text because that is how the default would be written out: pg_get_expr quotes
    -- the sequence name with quotes doubled only (standard_conforming_strings), never E''.
    AND pg_catalog.pg_get_expr(ad.adbin, ad.adrelid) = 'nextval(''' || replace(s.oid::pg_catalog.regclass::text, '''', '''''') || '''::regclass)'`;

/**
 * A collation's name as SQL: bare (quoted as needed by the reader) inside pg_catalog, otherwise
 * qualified and fully quoted. `oid` is an expression giving the collation's oid.
 */
export const collationNameSql = (oid: string) => `(SELECT
    CASE WHEN cn.nspname = 'pg_catalog' THEN co.collname
    ELSE '"' || replace(cn.nspname, '"', '""') || '"."' || replace(co.collname, '"', '""') || '"' END
  FROM pg_catalog.pg_collation co JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace
  WHERE co.oid = ${oid})`;
