import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resetDatabase, useTestDb } from '../../test/pglite';
import { propertyParameters } from '../../test/propertySeed';
import { uniqueIndexKeyDesign } from '../../test/uniqueIndexKeyArbitrary';
import {
  deferrableBeside,
  multiColumn,
  partitioned,
  railsLoginSessions,
  selfAndCycle,
  UNIQUE_INDEX_KEY_SHAPES,
  unreferenceableBeside,
} from '../../test/uniqueIndexKeyShapes';
import { readCatalog } from '../catalog';
import type { Design } from '../model';
import { generateDdl, generateTableDdl } from './generateDdl';
import { uniqueIndexBehind } from './referencedKey';
import type { DdlOutput } from './types';

const db = useTestDb();

/** PROPERTY_RUNS=1000 for a longer local search. */
const runs = Number(process.env.PROPERTY_RUNS ?? 150);

/** Where the first statement matching `pattern` is, in statement order (-1: none). */
const at = (out: DdlOutput, pattern: RegExp) =>
  out.statements.findIndex((s) => pattern.test(s.sql));
const firstIndex = (out: DdlOutput) => out.statements.findIndex((s) => s.kind === 'index');

/** The order the generator used to have: every foreign key before every index. */
function foreignKeysFirst(out: DdlOutput): string {
  const sqls = out.statements.map((s) => s.sql);
  const fks = out.statements.filter((s) => s.kind === 'foreignKey').map((s) => s.sql);
  const rest = sqls.filter((s) => !fks.includes(s));
  const i = rest.findIndex((s) => /^CREATE (UNIQUE )?INDEX/.test(s));
  rest.splice(i, 0, ...fks);
  return rest.join('\n\n');
}

async function fresh(): Promise<Awaited<ReturnType<typeof db>>> {
  const pg = await db();
  await resetDatabase(pg);
  return pg;
}

/** Executes SQL in a fresh database; resolves to the error code PostgreSQL answered, if any. */
async function refusal(sql: string): Promise<string | undefined> {
  const pg = await fresh();
  try {
    await pg.exec(sql);
    return undefined;
  } catch (e) {
    return (e as { code?: string }).code ?? (e as Error).message;
  }
}

describe('generateDdl: a foreign key comes after the unique index it needs', () => {
  it('Rails: fk_rails_... onto a column unique through index_..._on_login_id', () => {
    const out = generateDdl(railsLoginSessions());
    const index = at(out, /CREATE UNIQUE INDEX index_login_sessions_on_login_id/);
    expect(at(out, /fk_rails_89475bdf6f/)).toBeGreaterThan(index);
    // A foreign key onto a primary key keeps its place, before the indexes.
    expect(at(out, /fk_rails_0cb5590091/)).toBeLessThan(firstIndex(out));
    expect(out.statements.map((s) => s.kind)).toEqual([
      'table',
      'table',
      'table',
      'foreignKey',
      'index',
      'index',
      'foreignKey',
    ]);
  });

  it('multi-column: the referenced columns match the index in any order', () => {
    const out = generateDdl(multiColumn());
    expect(at(out, /membership_role_membership_fk/)).toBeGreaterThan(
      at(out, /index_memberships_by_id_and_organization/),
    );
  });

  it('partial and expression unique indexes do not count; a full one with INCLUDE, DESC or NULLS NOT DISTINCT does', () => {
    const design = unreferenceableBeside();
    const accounts = design.tables.t_accounts!;
    const [byCode, byRef] = design.tables.t_invoices!.constraints.filter(
      (k) => k.kind === 'foreignKey',
    );
    expect(byCode && uniqueIndexBehind(byCode, accounts)?.id).toBe('i_a_code');
    expect(byRef && uniqueIndexBehind(byRef, accounts)?.id).toBe('i_a_ref');
    const out = generateDdl(design);
    expect(at(out, /REFERENCES accounts \(code\)/)).toBeGreaterThan(at(out, /accounts_code_key/));
    expect(at(out, /REFERENCES accounts \(external_ref, region\)/)).toBeGreaterThan(
      at(out, /accounts_region_ref_key/),
    );

    // Without the full index nothing provides the key: the foreign key stays where it was, and
    // PostgreSQL's verdict on it is the design's problem, not the order's.
    accounts.indexes = accounts.indexes.filter((ix) => ix.id !== 'i_a_code');
    expect(byCode && uniqueIndexBehind(byCode, accounts)).toBeUndefined();
    const without = generateDdl(design);
    expect(at(without, /REFERENCES accounts \(code\)/)).toBeLessThan(firstIndex(without));
  });

  it('a deferrable unique constraint does not provide the key; the unique index beside it does', () => {
    const out = generateDdl(deferrableBeside());
    expect(at(out, /REFERENCES tickets/)).toBeGreaterThan(at(out, /index_tickets_on_number/));
  });

  it('a partitioned table: after the index is attached on every partition', () => {
    const out = generateDdl(partitioned());
    const attached = out.statements
      .map((s, i) => (/^ALTER INDEX .* ATTACH PARTITION/.test(s.sql) ? i : -1))
      .filter((i) => i >= 0);
    expect(attached).toHaveLength(2);
    expect(at(out, /REFERENCES events/)).toBeGreaterThan(Math.max(...attached));
  });

  it("a table's own DDL: its self-reference after its index", () => {
    const out = generateTableDdl(selfAndCycle(), 't_cats');
    expect(out.statements.map((s) => s.kind)).toEqual([
      'table',
      'index',
      'foreignKey',
      'foreignKey',
    ]);
    expect(out.statements[2]?.sql).toContain('REFERENCES categories (path)');
  });

  it('keeps the source map exact and the output deterministic', () => {
    for (const make of Object.values(UNIQUE_INDEX_KEY_SHAPES)) {
      const out = generateDdl(make());
      for (const s of out.statements) expect(out.text.slice(s.from, s.to)).toBe(s.sql);
      expect(out.statements.map((s) => s.sql).join('\n\n') + '\n').toBe(out.text);
      expect(generateDdl(make()).text).toBe(out.text);
    }
  });
});

describe('PostgreSQL accepts the DDL, and refused the old order', () => {
  for (const [name, make] of Object.entries(UNIQUE_INDEX_KEY_SHAPES)) {
    it(name, async () => {
      const out = generateDdl(make());
      expect(out.problems).toEqual([]);
      expect(await refusal(out.text)).toBeUndefined();
      // The oracle can fail: foreign keys before the indexes is what PostgreSQL refuses (42830
      // "there is no unique constraint matching given keys for referenced table"; 55000 "cannot
      // use a deferrable unique constraint" where only a deferrable one has the columns yet).
      expect(['42830', '55000']).toContain(await refusal(foreignKeysFirst(out)));
    });
  }

  it('DDL -> PostgreSQL -> catalog -> DDL reaches a fixed point', async () => {
    const through = async (design: Design) => {
      const pg = await fresh();
      await pg.exec(generateDdl(design).text);
      return readCatalog(pg, { designId: design.id, designName: design.name });
    };
    for (const make of Object.values(UNIQUE_INDEX_KEY_SHAPES)) {
      const once = await through(make());
      const twice = await through(once);
      expect(generateDdl(twice).text).toBe(generateDdl(once).text);
    }
  });
});

describe('property: random foreign keys onto unique indexes', () => {
  it(
    'the DDL executes in PostgreSQL with every foreign key in place',
    async () => {
      let onIndexes = 0;
      await fc.assert(
        fc.asyncProperty(uniqueIndexKeyDesign, async (design) => {
          const out = generateDdl(design);
          expect(out.problems).toEqual([]);
          const fks = Object.values(design.tables).flatMap((t) =>
            t.constraints
              .filter((k) => k.kind === 'foreignKey')
              .map((k) => ({ k, ref: design.tables[k.refTableId]! })),
          );
          if (fks.some(({ k, ref }) => uniqueIndexBehind(k, ref))) onIndexes++;
          const pg = await fresh();
          try {
            await pg.exec(out.text);
          } catch (e) {
            throw new Error(`${(e as Error).message}\n--- DDL ---\n${out.text}`, { cause: e });
          }
          const { rows } = await pg.query<{ n: number }>(
            "SELECT count(*)::int AS n FROM pg_constraint WHERE contype = 'f' AND conparentid = 0",
          );
          expect(rows[0]?.n).toBe(fks.length);
        }),
        propertyParameters({ numRuns: runs }),
      );
      // Not vacuous: most cases have a foreign key that needs a unique index.
      expect(onIndexes).toBeGreaterThan(runs / 2);
    },
    Math.max(60_000, runs * 500),
  );
});
