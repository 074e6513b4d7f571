import { extensionMember, internalMember, USER_NAMESPACES } from './sqlFragments';

/**
 * Objects of the user's that neither the model nor the raw objects keep yet: they are named in
 * notes, so nothing is dropped without a word.
 */
export interface UnsupportedRow {
  /** What they are, plural, e.g. `operators`. */
  kind: string;
  /** JSON array of their names. */
  names: unknown;
}

const inUserSchema = (column: string) => `${column} IN (${USER_NAMESPACES})`;
/** Made by the user: not by initdb, not by an extension, not for another object (a range's casts). */
const user = (catalog: string, oid: string) =>
  `${oid} >= 16384 AND NOT ${extensionMember(catalog, oid)} AND NOT ${internalMember(catalog, oid)}`;

export const UNSUPPORTED_SQL = `
SELECT kind, pg_catalog.json_agg(name ORDER BY name) AS names FROM (
  SELECT 'operators' AS kind, o.oid::pg_catalog.regoperator::text AS name FROM pg_catalog.pg_operator o
    WHERE ${inUserSchema('o.oprnamespace')} AND ${user('pg_catalog.pg_operator', 'o.oid')}
  UNION ALL SELECT 'casts', pg_catalog.format_type(c.castsource, NULL) || ' AS ' || pg_catalog.format_type(c.casttarget, NULL)
    FROM pg_catalog.pg_cast c WHERE ${user('pg_catalog.pg_cast', 'c.oid')}
  UNION ALL SELECT 'operator classes', c.opcname FROM pg_catalog.pg_opclass c
    WHERE ${inUserSchema('c.opcnamespace')} AND ${user('pg_catalog.pg_opclass', 'c.oid')}
  UNION ALL SELECT 'operator families', f.opfname FROM pg_catalog.pg_opfamily f
    WHERE ${inUserSchema('f.opfnamespace')} AND ${user('pg_catalog.pg_opfamily', 'f.oid')}
  UNION ALL SELECT 'text search configurations', c.cfgname FROM pg_catalog.pg_ts_config c
    WHERE ${inUserSchema('c.cfgnamespace')} AND ${user('pg_catalog.pg_ts_config', 'c.oid')}
  UNION ALL SELECT 'text search dictionaries', td.dictname FROM pg_catalog.pg_ts_dict td
    WHERE ${inUserSchema('td.dictnamespace')} AND ${user('pg_catalog.pg_ts_dict', 'td.oid')}
  UNION ALL SELECT 'conversions', c.conname FROM pg_catalog.pg_conversion c
    WHERE ${inUserSchema('c.connamespace')} AND ${user('pg_catalog.pg_conversion', 'c.oid')}
  UNION ALL SELECT 'base types', t.typname FROM pg_catalog.pg_type t
    WHERE ${inUserSchema('t.typnamespace')} AND t.typtype IN ('b', 'p') AND t.typcategory <> 'A'
      AND ${user('pg_catalog.pg_type', 't.oid')}
  UNION ALL SELECT 'foreign tables', c.relname FROM pg_catalog.pg_class c
    WHERE ${inUserSchema('c.relnamespace')} AND c.relkind = 'f' AND ${user('pg_catalog.pg_class', 'c.oid')}
  UNION ALL SELECT 'foreign servers', s.srvname FROM pg_catalog.pg_foreign_server s WHERE ${user('pg_catalog.pg_foreign_server', 's.oid')}
  UNION ALL SELECT 'foreign-data wrappers', w.fdwname FROM pg_catalog.pg_foreign_data_wrapper w
    WHERE ${user('pg_catalog.pg_foreign_data_wrapper', 'w.oid')}
) unsupported
GROUP BY kind
ORDER BY kind`;
