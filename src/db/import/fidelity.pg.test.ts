import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SnapshotDifference } from '../../test/catalogSnapshot';
import {
  checkFidelity,
  formatFidelityTable,
  snapshotFactory,
  type CreateDb,
  type FidelityResult,
} from '../../test/fidelity';

/**
 * The heart of issue 3: for every real-world schema, import the ORIGINAL file, generate DDL from
 * the design, run it in a fresh PGlite, and compare the catalog with what PGlite builds from the
 * reference (the `.pglite.sql` companion where there is one, else the original), with the contrib
 * extensions loaded: schemas, tables and partitions, columns in order (type, nullability,
 * defaults, identity, generation, collation), constraints (NOT NULL included) and indexes by name
 * and definition, enums, domains, composite and range types, comments, views, materialized views,
 * functions, aggregates, triggers, sequences, policies, rules, collations, event triggers and
 * publications (see src/test/catalogSnapshot.ts).
 *
 * A fixture may differ only where its original cannot run in PGlite for a reason outside the
 * studio's control, said here, and only in exactly those objects.
 */
const FIXTURES = [
  'northwind',
  'chinook',
  'listmonk',
  'supabase',
  'pagila',
  'openstreetmap',
  'adventureworks',
  'musicbrainz',
] as const;

const OUTSIDE_OUR_CONTROL: Partial<
  Record<(typeof FIXTURES)[number], { objects: RegExp; extension: string; why: string }>
> = {
  pagila: {
    objects: /film_embedding|^extension:vector$/,
    extension: 'vector',
    why:
      'The original creates the extension `vector` and the table public.film_embedding with a ' +
      'column of type public.vector(20) and an HNSW index; the import keeps them with pgvector ' +
      '(@electric-sql/pglite-pgvector). The companion file, written when the studio had no ' +
      'pgvector, left out the extension and the index and changed the column to real[].',
  },
  openstreetmap: {
    objects: /moderation_zones/,
    extension: 'postgis',
    why:
      'PGlite does not ship PostGIS: the original creates the extension `postgis` and the table ' +
      'public.moderation_zones with a column of type public.geometry(Polygon,4326). The import skips ' +
      'it with its keys and indexes, saying why; the companion changed the column to bytea. The ' +
      "table's sequence moderation_zones_id_seq is kept, without its OWNED BY (its column is gone).",
  },
};

let createDb: CreateDb;
const results: FidelityResult[] = [];

beforeAll(async () => {
  createDb = await snapshotFactory();
}, 120_000);

afterAll(() => {
  if (results.length === 0) return;
  const order = (r: FidelityResult) => FIXTURES.indexOf(r.fixture as (typeof FIXTURES)[number]);
  const explained = (r: FidelityResult, d: SnapshotDifference) =>
    OUTSIDE_OUR_CONTROL[r.fixture as (typeof FIXTURES)[number]]?.objects.test(d.key) ?? false;
  const table = formatFidelityTable(
    [...results].sort((a, b) => order(a) - order(b)),
    explained,
  );
  const reasons = Object.entries(OUTSIDE_OUR_CONTROL).map(
    ([fixture, { why }]) => `- ${fixture}: ${why}`,
  );
  console.log(
    `Import fidelity (differences from the reference catalog):\n${table}\n\nExplained differences:\n${reasons.join('\n')}`,
  );
});

function describeDifferences(differences: readonly SnapshotDifference[]): string {
  return differences
    .map(
      (d) => `${d.kind} ${d.key}\n  expected: ${d.expected ?? '-'}\n  actual:   ${d.actual ?? '-'}`,
    )
    .join('\n');
}

describe('import fidelity on real-world schemas', () => {
  for (const fixture of FIXTURES) {
    it(`${fixture}: original -> design -> DDL -> PostgreSQL equals the reference`, async () => {
      const result = await checkFidelity(fixture, createDb);
      results.push(result);
      expect(result.report.failed, 'statements of the original that failed').toEqual([]);
      expect(result.ddlErrors, 'generated DDL that PostgreSQL refused').toEqual([]);
      expect(result.objects).toBeGreaterThan(100);
      const allowed = OUTSIDE_OUR_CONTROL[fixture];
      const unexplained = result.differences.filter((d) => !allowed?.objects.test(d.key));
      expect(unexplained, describeDifferences(unexplained)).toEqual([]);
      if (allowed) {
        // Not a silent skip: the known difference must still be there, and be what we say.
        expect(result.differences.length, allowed.why).toBeGreaterThan(0);
        const { extensionsLoaded, extensionsMissing } = result.report;
        expect([...extensionsLoaded, ...extensionsMissing], allowed.why).toContain(
          allowed.extension,
        );
      }
    }, 240_000);
  }
});
