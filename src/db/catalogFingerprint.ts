import { FINGERPRINT_QUERIES } from './catalogFingerprintQueries';

/**
 * A database's schema as PostgreSQL prints it, keyed by object (`column:public.film.title`,
 * `constraint:public.film.film_pkey`, ...): two databases hold the same schema exactly when their
 * fingerprints are equal. Names of constraints and indexes are part of the keys, since a later
 * migration has to find them by name; physical column order is not.
 */
export type CatalogFingerprint = Map<string, string>;

/** Anything that answers a query with rows (PGlite, a worker client, node-postgres). */
export interface FingerprintExecutor {
  query<T>(sql: string): Promise<{ rows: T[] }>;
}

/** Reads the fingerprint. Names print relative to the search_path: reset it first. */
export async function catalogFingerprint(db: FingerprintExecutor): Promise<CatalogFingerprint> {
  const out: CatalogFingerprint = new Map();
  for (const [category, sql] of Object.entries(FINGERPRINT_QUERIES)) {
    const { rows } = await db.query<{ key: string; value: string }>(sql);
    for (const row of rows) out.set(`${category}:${row.key}`, row.value);
  }
  return out;
}

/**
 * The differences between the expected and the actual fingerprint, one line each, sorted:
 * `missing <key>: <expected>`, `unexpected <key>: <actual>`, `changed <key>: <expected> -> <actual>`.
 */
export function diffFingerprints(
  expected: CatalogFingerprint,
  actual: CatalogFingerprint,
): string[] {
  const out: string[] = [];
  for (const [key, value] of expected) {
    const other = actual.get(key);
    if (other === undefined) out.push(`missing ${key}: ${value}`);
    else if (other !== value) out.push(`changed ${key}: ${value} -> ${other}`);
  }
  for (const [key, value] of actual)
    if (!expected.has(key)) out.push(`unexpected ${key}: ${value}`);
  return out.sort((a, b) => {
    const ka = a.slice(a.indexOf(' ') + 1);
    const kb = b.slice(b.indexOf(' ') + 1);
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
}
