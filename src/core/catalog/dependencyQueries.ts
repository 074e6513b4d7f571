/**
 * Dependencies between user objects, from pg_depend, with each side named by a key such as
 * `pg_class:16384`. Parts are folded into their owner first: a view's rewrite rule into the view,
 * a column default or a table constraint into its table, a domain constraint into its domain, an
 * index into its table, an array type into its element type. `orderExtras` maps the keys to
 * design ids.
 */

/** The key of the object `oid` of catalog `catalog` (both SQL expressions), folded into its owner. */
function ownerKey(catalog: string, oid: string): string {
  return `CASE ${catalog}
    WHEN 'pg_catalog.pg_rewrite'::regclass THEN (SELECT CASE WHEN r.rulename = '_RETURN'
      THEN 'pg_class:' || r.ev_class ELSE 'pg_rewrite:' || r.oid END FROM pg_catalog.pg_rewrite r WHERE r.oid = ${oid})
    WHEN 'pg_catalog.pg_attrdef'::regclass THEN (SELECT 'pg_class:' || ad.adrelid FROM pg_catalog.pg_attrdef ad WHERE ad.oid = ${oid})
    WHEN 'pg_catalog.pg_constraint'::regclass THEN (SELECT CASE WHEN co.conrelid <> 0
      THEN 'pg_class:' || co.conrelid ELSE 'pg_type:' || co.contypid END FROM pg_catalog.pg_constraint co WHERE co.oid = ${oid})
    WHEN 'pg_catalog.pg_class'::regclass THEN COALESCE(
      (SELECT 'pg_class:' || ix.indrelid FROM pg_catalog.pg_index ix WHERE ix.indexrelid = ${oid}), 'pg_class:' || ${oid})
    WHEN 'pg_catalog.pg_type'::regclass THEN COALESCE(
      (SELECT 'pg_type:' || ty.typelem FROM pg_catalog.pg_type ty WHERE ty.oid = ${oid} AND ty.typcategory = 'A' AND ty.typelem <> 0),
      'pg_type:' || ${oid})
    ELSE ${catalog}::regclass::text || ':' || ${oid}
  END`;
}

/** One dependency: `dependent` needs `referenced` to exist. */
export interface DependencyRow {
  dependent: string;
  referenced: string;
}

/**
 * Normal dependencies only: automatic ones are ownership (a sequence OWNED BY a column, a
 * trigger on its table), which must not pull a sequence after the table that uses it. Objects
 * made by initdb have oids below 16384 and are never the user's.
 */
export const DEPENDENCIES_SQL = `
SELECT DISTINCT ${ownerKey('d.classid', 'd.objid')} AS dependent, ${ownerKey('d.refclassid', 'd.refobjid')} AS referenced
FROM pg_catalog.pg_depend d
WHERE d.deptype = 'n' AND d.objid >= 16384 AND d.refobjid >= 16384`;
