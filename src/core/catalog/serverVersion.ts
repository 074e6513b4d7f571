/**
 * The catalog queries are written for the newest PostgreSQL (PGlite runs 18). Older servers lack
 * some catalog columns and one catalog; on those, each is replaced by what that server is known to
 * hold instead, so the same queries (and the same reader) serve every version from 13 on.
 *
 * How we know which version added what: the "System Catalogs" chapter of each release's manual
 * (postgresql.org/docs/<version>/catalogs.html), cross-checked with the release notes, and for 15
 * by the live-server tests, which run every query against Debian's PostgreSQL 15.
 */

/** The oldest server the reader supports (server_version_num). */
export const MIN_SERVER_VERSION = 130000;

/** A catalog column or relation, the release that added it, and what stands in before it. */
export interface VersionedCatalogPart {
  /** As the queries write it (alias-qualified columns, schema-qualified relations). */
  reference: string;
  /** server_version_num of the first release that has it. */
  since: number;
  /** SQL that means the same on an older server. */
  before: string;
}

export const VERSIONED_CATALOG_PARTS: readonly VersionedCatalogPart[] = [
  // PostgreSQL 18: NOT ENFORCED constraints, WITHOUT OVERLAPS / PERIOD.
  { reference: 'co.conenforced', since: 180000, before: 'true' },
  { reference: 'co.conperiod', since: 180000, before: 'false' },
  // PostgreSQL 17: pg_collation.colllocale (15 and 16 call it colliculocale, ICU only).
  { reference: 'c.colllocale', since: 170000, before: 'c.colliculocale' },
  // PostgreSQL 15: UNIQUE NULLS NOT DISTINCT, ON DELETE SET NULL (columns), publication
  // column lists, row filters and FOR TABLES IN SCHEMA, colliculocale.
  { reference: 'i.indnullsnotdistinct', since: 150000, before: 'false' },
  { reference: 'co.confdelsetcols', since: 150000, before: 'NULL::pg_catalog.int2[]' },
  { reference: 'pr.prattrs', since: 150000, before: 'NULL::pg_catalog.int2vector' },
  { reference: 'pr.prqual', since: 150000, before: 'NULL::pg_catalog.pg_node_tree' },
  {
    reference: 'pg_catalog.pg_publication_namespace',
    since: 150000,
    before: '(SELECT 0::pg_catalog.oid AS pnpubid, 0::pg_catalog.oid AS pnnspid WHERE false)',
  },
  { reference: 'c.colliculocale', since: 150000, before: 'NULL::text' },
  // PostgreSQL 14: multiranges.
  { reference: 'r.rngmultitypid', since: 140000, before: 'NULL::pg_catalog.oid' },
];

/** Where `USER_NAMESPACES` lets a caller narrow the schemas read (a comment when unused). */
export const SCHEMA_FILTER_MARK = '/*tablewright:schemas*/';

/** Which schemas to read: only these (when given), and never those. */
export interface SchemaFilter {
  only?: readonly string[];
  except?: readonly string[];
}

/**
 * The query as `serverVersion` (server_version_num) can run it, narrowed to the schemas of
 * `filter`. Replacements go newest first, so a stand-in that is itself versioned (colllocale ->
 * colliculocale -> NULL) is replaced in turn.
 */
export function catalogSqlFor(
  sql: string,
  serverVersion: number,
  filter: SchemaFilter = {},
): string {
  let out = sql;
  for (const part of VERSIONED_CATALOG_PARTS) {
    if (serverVersion >= part.since) continue;
    out = out.replace(referencePattern(part.reference), part.before);
  }
  return out.split(SCHEMA_FILTER_MARK).join(schemaCondition(filter));
}

/** The reference as a whole name: `c.colllocale` must not match inside `xc.colllocales`. */
function referencePattern(reference: string): RegExp {
  const escaped = reference.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\w."])${escaped}(?![\\w"])`, 'g');
}

function schemaCondition(filter: SchemaFilter): string {
  const parts: string[] = [];
  if (filter.only) parts.push(`AND n.nspname IN (${nameList(filter.only)})`);
  if (filter.except?.length) parts.push(`AND n.nspname NOT IN (${nameList(filter.except)})`);
  return parts.join(' ');
}

/** Names as SQL string literals; an empty list matches nothing. */
function nameList(names: readonly string[]): string {
  if (names.length === 0) return 'NULL';
  return names.map((n) => `'${n.replace(/'/g, "''")}'`).join(', ');
}

/** `server_version_num` as a number, from however the driver returned it. */
export function parseServerVersion(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : Number.parseInt(String(value), 10);
  return Number.isFinite(n) && n > 0 ? n : undefined;
}

/** `150004` -> `15.4`; `90624` -> `9.6.24` (before 10, three parts). */
export function versionName(serverVersion: number): string {
  const major = Math.floor(serverVersion / 10000);
  if (major >= 10) return `${major}.${serverVersion % 10000}`;
  return `${Math.floor(serverVersion / 10000)}.${Math.floor(serverVersion / 100) % 100}.${serverVersion % 100}`;
}
