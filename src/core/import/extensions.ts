/**
 * The PostgreSQL extensions PGlite can run: built in, or shipped as `@electric-sql/pglite/contrib/*`
 * modules (and pgvector as `@electric-sql/pglite-pgvector`) that must be passed to PGlite when it
 * is created. Checked against PGlite 0.5.16's `dist/contrib` (see `contribModules.ts` in src/db,
 * which loads them).
 */

/** Extension name -> the contrib module (and its export) that provides it. */
export const PGLITE_CONTRIB: Readonly<Record<string, string>> = {
  amcheck: 'amcheck',
  bloom: 'bloom',
  btree_gin: 'btree_gin',
  btree_gist: 'btree_gist',
  citext: 'citext',
  cube: 'cube',
  dict_int: 'dict_int',
  dict_xsyn: 'dict_xsyn',
  earthdistance: 'earthdistance',
  file_fdw: 'file_fdw',
  fuzzystrmatch: 'fuzzystrmatch',
  hstore: 'hstore',
  intarray: 'intarray',
  isn: 'isn',
  lo: 'lo',
  ltree: 'ltree',
  moddatetime: 'moddatetime',
  pageinspect: 'pageinspect',
  pg_buffercache: 'pg_buffercache',
  pg_freespacemap: 'pg_freespacemap',
  pg_stat_statements: 'pg_stat_statements',
  pg_surgery: 'pg_surgery',
  pg_trgm: 'pg_trgm',
  pg_visibility: 'pg_visibility',
  pg_walinspect: 'pg_walinspect',
  pgcrypto: 'pgcrypto',
  seg: 'seg',
  tablefunc: 'tablefunc',
  tcn: 'tcn',
  tsm_system_rows: 'tsm_system_rows',
  tsm_system_time: 'tsm_system_time',
  unaccent: 'unaccent',
  'uuid-ossp': 'uuid_ossp',
  vector: 'vector',
};

/** Extensions every PostgreSQL (and PGlite) has without loading anything. */
export const BUILTIN_EXTENSIONS: ReadonlySet<string> = new Set(['plpgsql']);

/** Extensions that need another one created first (CREATE EXTENSION ... CASCADE would). */
const REQUIRES: Readonly<Record<string, readonly string[]>> = { earthdistance: ['cube'] };

/** Whether PGlite can create this extension (built in or from its contrib modules). */
export function isAvailableExtension(name: string): boolean {
  return BUILTIN_EXTENSIONS.has(name) || name in PGLITE_CONTRIB;
}

/**
 * The contrib modules to pass to PGlite for these extensions, with what they require; names
 * PGlite cannot provide are left out (the caller reports them).
 */
export function contribModulesFor(extensions: Iterable<string>): string[] {
  const modules = new Set<string>();
  const add = (name: string) => {
    const module = PGLITE_CONTRIB[name];
    if (module === undefined || modules.has(module)) return;
    for (const required of REQUIRES[name] ?? []) add(required);
    modules.add(module);
  };
  for (const name of extensions) add(name);
  return [...modules];
}

/**
 * What well-known extensions PGlite lacks provide, so a statement failing for want of one of
 * these names is reported as depending on the skipped extension (and not as a mystery).
 * Anything else missing after an extension was skipped is reported as "probably" from it.
 */
export const KNOWN_EXTENSION_OBJECTS: Readonly<Record<string, RegExp>> = {
  postgis: /^(geometry|geography|box2d|box3d|raster|st_\w+|postgis_\w+|spheroid|gidx)$/,
  postgis_topology: /^(topogeometry|topology)$/,
  pg_graphql: /^(graphql|resolve)$/,
  pgjwt: /^(sign|verify|url_encode|url_decode|algorithm_sign)$/,
  timescaledb: /^(time_bucket|create_hypertable)$/,
};

/** The extensions a script creates (CREATE EXTENSION), in order, without duplicates. */
export function scriptExtensions(
  trees: Iterable<{ type: string; fields: Record<string, unknown> } | undefined>,
): string[] {
  const out = new Set<string>();
  for (const tree of trees) {
    if (tree?.type !== 'CreateExtensionStmt') continue;
    const name = tree.fields.extname;
    if (typeof name === 'string') out.add(name);
  }
  return [...out];
}
