import { catalogSqlFor, serverVersionOf, type QueryExecutor } from '../core/catalog';
import { catalogQueries } from '../db/catalogFingerprintQueries';

/**
 * A database's schema as PostgreSQL itself prints it, keyed by object (`column:public.film.title`,
 * `index:public.idx_title`, ...), with no oids: two databases built differently compare equal
 * exactly when PostgreSQL describes their objects the same way. For the import fidelity test.
 *
 * NOT NULL constraints are compared like any other constraint (PostgreSQL 18 names them);
 * privileges and owners are not (a design does not keep them).
 */
export type CatalogSnapshot = Map<string, string>;

const QUERIES = catalogQueries({ columnPositions: true, notNullByColumn: false });

/** Reads the snapshot; run `RESET ALL` first so names print as a fresh session prints them. */
export async function catalogSnapshot(db: QueryExecutor): Promise<CatalogSnapshot> {
  const snapshot: CatalogSnapshot = new Map();
  // A real server older than PGlite's 18 (the live-database tests) lacks some catalog columns.
  const version = await serverVersionOf(db);
  for (const [category, sql] of Object.entries(QUERIES)) {
    const { rows } = await db.query<{ key: string; value: string }>(catalogSqlFor(sql, version));
    for (const row of rows) snapshot.set(`${category}:${row.key}`, row.value);
  }
  return snapshot;
}

/** One difference between an expected and an actual snapshot. */
export interface SnapshotDifference {
  key: string;
  kind: 'missing' | 'extra' | 'changed';
  expected?: string;
  actual?: string;
}

export function diffSnapshots(
  expected: CatalogSnapshot,
  actual: CatalogSnapshot,
): SnapshotDifference[] {
  const out: SnapshotDifference[] = [];
  for (const [key, value] of expected) {
    const other = actual.get(key);
    if (other === undefined) out.push({ key, kind: 'missing', expected: value });
    else if (other !== value) out.push({ key, kind: 'changed', expected: value, actual: other });
  }
  for (const [key, value] of actual) {
    if (!expected.has(key)) out.push({ key, kind: 'extra', actual: value });
  }
  return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
