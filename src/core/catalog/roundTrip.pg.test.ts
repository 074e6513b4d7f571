import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { resetDatabase, useTestDb } from '../../test/pglite';
import { generateDdl } from '../sql/generateDdl';
import { readCatalog } from './readCatalog';
import { designRecipe } from '../../test/catalog/arbitraries';
import { buildDesign } from '../../test/catalog/buildDesign';
import { canonicalize } from '../../test/catalog/canonical';
import { propertyParameters } from '../../test/propertySeed';

const db = useTestDb();

/** PROPERTY_RUNS=2000 for a longer local search; 200 keeps the suite under a minute on 2 cores. */
const runs = Number(process.env.PROPERTY_RUNS ?? 200);

/** pg_catalog's type names: enums in `public` avoid them (see enumTypeSpecs). */
let pgCatalogTypes: Set<string>;

beforeAll(async () => {
  const { rows } = await (
    await db()
  ).query<{ typname: string }>(
    "SELECT typname FROM pg_type WHERE typnamespace = 'pg_catalog'::regnamespace",
  );
  pgCatalogTypes = new Set(rows.map((r) => r.typname));
});

describe('design -> DDL -> PostgreSQL -> catalog -> design', () => {
  it(
    'preserves random designs with awkward names and every column and constraint kind',
    async () => {
      const pg = await db();
      await fc.assert(
        fc.asyncProperty(designRecipe, async (recipe) => {
          const { design, expected } = buildDesign(recipe, pgCatalogTypes);
          const ddl = generateDdl(design);
          expect(ddl.problems).toEqual([]);
          await resetDatabase(pg);
          try {
            await pg.exec(ddl.text);
          } catch (e) {
            throw new Error(`${(e as Error).message}\n--- DDL ---\n${ddl.text}`, { cause: e });
          }
          const read = await readCatalog(pg);
          expect(canonicalize(read, design)).toEqual(canonicalize(expected, design));
        }),
        propertyParameters({ numRuns: runs }),
      );
    },
    Math.max(60_000, runs * 300),
  );
});
