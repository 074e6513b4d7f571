/**
 * Loaders for PGlite's contrib extensions, one dynamic import each, written out so that Vite
 * bundles every module (and its .tar.gz) as a chunk of its own, fetched only when a script needs
 * it. Keys are module names (see PGLITE_CONTRIB in core/import/extensions.ts).
 */
import type { Extension } from '@electric-sql/pglite';
import { PGLITE_CONTRIB } from '../../core/import';

const LOADERS: Record<string, () => Promise<Extension>> = {
  amcheck: () => import('@electric-sql/pglite/contrib/amcheck').then((m) => m.amcheck),
  bloom: () => import('@electric-sql/pglite/contrib/bloom').then((m) => m.bloom),
  btree_gin: () => import('@electric-sql/pglite/contrib/btree_gin').then((m) => m.btree_gin),
  btree_gist: () => import('@electric-sql/pglite/contrib/btree_gist').then((m) => m.btree_gist),
  citext: () => import('@electric-sql/pglite/contrib/citext').then((m) => m.citext),
  cube: () => import('@electric-sql/pglite/contrib/cube').then((m) => m.cube),
  dict_int: () => import('@electric-sql/pglite/contrib/dict_int').then((m) => m.dict_int),
  dict_xsyn: () => import('@electric-sql/pglite/contrib/dict_xsyn').then((m) => m.dict_xsyn),
  earthdistance: () =>
    import('@electric-sql/pglite/contrib/earthdistance').then((m) => m.earthdistance),
  file_fdw: () => import('@electric-sql/pglite/contrib/file_fdw').then((m) => m.file_fdw),
  fuzzystrmatch: () =>
    import('@electric-sql/pglite/contrib/fuzzystrmatch').then((m) => m.fuzzystrmatch),
  hstore: () => import('@electric-sql/pglite/contrib/hstore').then((m) => m.hstore),
  intarray: () => import('@electric-sql/pglite/contrib/intarray').then((m) => m.intarray),
  isn: () => import('@electric-sql/pglite/contrib/isn').then((m) => m.isn),
  lo: () => import('@electric-sql/pglite/contrib/lo').then((m) => m.lo),
  ltree: () => import('@electric-sql/pglite/contrib/ltree').then((m) => m.ltree),
  moddatetime: () => import('@electric-sql/pglite/contrib/moddatetime').then((m) => m.moddatetime),
  pageinspect: () => import('@electric-sql/pglite/contrib/pageinspect').then((m) => m.pageinspect),
  pg_buffercache: () =>
    import('@electric-sql/pglite/contrib/pg_buffercache').then((m) => m.pg_buffercache),
  pg_freespacemap: () =>
    import('@electric-sql/pglite/contrib/pg_freespacemap').then((m) => m.pg_freespacemap),
  pg_stat_statements: () =>
    import('@electric-sql/pglite/contrib/pg_stat_statements').then((m) => m.pg_stat_statements),
  pg_surgery: () => import('@electric-sql/pglite/contrib/pg_surgery').then((m) => m.pg_surgery),
  pg_trgm: () => import('@electric-sql/pglite/contrib/pg_trgm').then((m) => m.pg_trgm),
  pg_visibility: () =>
    import('@electric-sql/pglite/contrib/pg_visibility').then((m) => m.pg_visibility),
  pg_walinspect: () =>
    import('@electric-sql/pglite/contrib/pg_walinspect').then((m) => m.pg_walinspect),
  pgcrypto: () => import('@electric-sql/pglite/contrib/pgcrypto').then((m) => m.pgcrypto),
  seg: () => import('@electric-sql/pglite/contrib/seg').then((m) => m.seg),
  tablefunc: () => import('@electric-sql/pglite/contrib/tablefunc').then((m) => m.tablefunc),
  tcn: () => import('@electric-sql/pglite/contrib/tcn').then((m) => m.tcn),
  tsm_system_rows: () =>
    import('@electric-sql/pglite/contrib/tsm_system_rows').then((m) => m.tsm_system_rows),
  tsm_system_time: () =>
    import('@electric-sql/pglite/contrib/tsm_system_time').then((m) => m.tsm_system_time),
  unaccent: () => import('@electric-sql/pglite/contrib/unaccent').then((m) => m.unaccent),
  uuid_ossp: () => import('@electric-sql/pglite/contrib/uuid_ossp').then((m) => m.uuid_ossp),
  // pgvector, built for PGlite and published beside it.
  vector: () => import('@electric-sql/pglite-pgvector').then((m) => m.vector),
};

/** Loads the modules by name, for `PGlite.create({ extensions })`. */
export async function loadContribModules(
  modules: readonly string[],
): Promise<Record<string, Extension>> {
  const loaded: Record<string, Extension> = {};
  for (const name of modules) {
    const load = LOADERS[name];
    if (!load) throw new Error(`No PGlite contrib module named "${name}".`);
    loaded[name] = await load();
  }
  return loaded;
}

/** Every contrib module core knows of has a loader here (checked by a test). */
export function missingLoaders(): string[] {
  return Object.values(PGLITE_CONTRIB).filter((module) => !(module in LOADERS));
}
