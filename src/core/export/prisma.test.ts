import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Design, ReferentialAction } from '../model/schema';
import { designRecipe } from '../../test/catalog/arbitraries';
import { buildDesign } from '../../test/catalog/buildDesign';
import { ALL_FIXTURE_NAMES, fixtureDesign } from '../../test/fixtureDesigns';
import { propertyParameters } from '../../test/propertySeed';
import { expectGolden, ormGoldenCases, sharedNastyDesign } from '../../test/ormGolden';
import { prismaDmmf, prismaValidationError, prismaWarnings } from '../../test/ormPrisma';
import { exportPrisma, exportPrismaWithNotes } from './prisma';
import { prismaString } from './prismaFields';

const ACTIONS: Record<ReferentialAction, string> = {
  noAction: 'NoAction',
  restrict: 'Restrict',
  cascade: 'Cascade',
  setNull: 'SetNull',
  setDefault: 'SetDefault',
};

/**
 * Checks the export with Prisma's own schema engine: it validates without errors or warnings, and
 * the DMMF (what Prisma Client is generated from) has every exported table, every column with its
 * database name and nullability, and every foreign key not noted as skipped as a relation with
 * both sides and the same referential actions.
 */
function verify(design: Design): void {
  const { text, notes } = exportPrismaWithNotes(design);
  expect(prismaValidationError(text)).toBeUndefined();
  const dmmf = prismaDmmf(text);
  // Partitions are not models, and Prisma leaves @@ignore'd models (no usable key) out of the DMMF.
  const skippedTables = new Set(notes.filter((n) => n.what === 'table').map((n) => n.object));
  const ignored = notes.filter((n) => n.what === 'table' && n.message.includes('@@ignore'));
  expect(text.match(/^ {2}@@ignore$/gm)?.length ?? 0).toBe(ignored.length);
  const skippedRelations = new Set(
    notes.filter((n) => n.what === 'relation').map((n) => `${n.object} ${n.name}`),
  );
  const schemaOf = (schemaId: string) => design.schemas[schemaId]?.name ?? 'public';
  // Prisma warns about one thing only, and rightly: SET NULL on a NOT NULL column (PostgreSQL
  // accepts it; deleting or updating the referenced row then fails). The export keeps it as it is.
  const setNullOnRequired = Object.values(design.tables).flatMap((t) =>
    t.constraints.flatMap((k) =>
      k.kind === 'foreignKey' &&
      !skippedTables.has(`${schemaOf(t.schemaId)}.${t.name}`) &&
      !skippedRelations.has(`${schemaOf(t.schemaId)}.${t.name} ${k.name}`) &&
      k.columnIds.some((id) => t.columns.find((c) => c.id === id)?.nullable === false)
        ? [k.onDelete, k.onUpdate].filter((a) => a === 'setNull')
        : [],
    ),
  );
  const warnings = prismaWarnings(text);
  expect(
    warnings.filter(
      (w) => !/`on(Delete|Update)` .* `SetNull` when a referenced field is required/.test(w),
    ),
  ).toEqual([]);
  expect(warnings).toHaveLength(setNullOnRequired.length);
  const tables = Object.values(design.tables).filter(
    (t) => !skippedTables.has(`${schemaOf(t.schemaId)}.${t.name}`),
  );
  expect(dmmf.models).toHaveLength(tables.length);
  const modelOf = new Map<string, (typeof dmmf.models)[number]>();
  for (const table of tables) {
    const model = dmmf.models.find(
      (m) =>
        (m.dbName ?? m.name) === table.name && (m.schema ?? 'public') === schemaOf(table.schemaId),
    );
    expect(model, `model for ${table.name}`).toBeDefined();
    if (!model) continue;
    modelOf.set(table.id, model);
    const scalars = model.fields.filter((f) => f.kind !== 'object');
    // The DMMF leaves Unsupported(...) fields out (the client cannot read them): those must be in the text.
    const names = scalars.map((f) => f.dbName ?? f.name);
    for (const column of table.columns.filter((c) => !names.includes(c.name))) {
      const line = text
        .split('\n')
        .find(
          (l) =>
            l.includes('Unsupported(') &&
            (l.includes(` ${column.name} `) || l.includes(`@map(${prismaString(column.name)})`)),
        );
      expect(line, `${table.name}.${column.name}`).toBeDefined();
    }
    expect(names).toEqual(table.columns.map((c) => c.name).filter((n) => names.includes(n)));
    const pk = table.constraints.find((k) => k.kind === 'primaryKey');
    for (const column of table.columns) {
      const field = scalars.find((f) => (f.dbName ?? f.name) === column.name);
      // PostgreSQL holds primary key columns NOT NULL, whatever the design says.
      const required = !column.nullable || pk?.columnIds.includes(column.id) === true;
      // Prisma lists cannot be optional: a nullable array column is a list (as `prisma db pull` writes it).
      if (field && !field.isList)
        expect(field.isRequired, `${table.name}.${column.name}`).toBe(required);
    }
  }
  for (const table of tables) {
    const model = modelOf.get(table.id);
    if (!model) continue;
    for (const k of table.constraints) {
      if (
        k.kind !== 'foreignKey' ||
        skippedRelations.has(`${schemaOf(table.schemaId)}.${table.name} ${k.name}`)
      )
        continue;
      const target = modelOf.get(k.refTableId);
      const fieldName = (m: typeof model, t: typeof table, id: string) =>
        m.fields.find(
          (f) =>
            f.kind !== 'object' &&
            (f.dbName ?? f.name) === t.columns.find((c) => c.id === id)?.name,
        )?.name;
      const from = k.columnIds.map((id) => fieldName(model, table, id));
      const refTable = design.tables[k.refTableId];
      const to =
        refTable && target ? k.refColumnIds.map((id) => fieldName(target, refTable, id)) : [];
      const relation = model.fields.find(
        (f) =>
          f.kind === 'object' &&
          f.relationFromFields?.join() === from.join() &&
          f.relationToFields?.join() === to.join() &&
          f.type === target?.name,
      );
      expect(relation, `relation for ${table.name}.${k.name ?? k.columnIds.join()}`).toBeDefined();
      expect(relation?.relationOnDelete).toBe(ACTIONS[k.onDelete]);
      expect(relation?.relationOnUpdate ?? 'Cascade').toBe(ACTIONS[k.onUpdate]);
      const back = target?.fields.filter(
        (f) =>
          f.kind === 'object' && f.relationName === relation?.relationName && f.type === model.name,
      );
      expect(
        back?.length,
        `back relation for ${table.name}.${k.name ?? ''}`,
      ).toBeGreaterThanOrEqual(1);
    }
  }
}

describe('exportPrisma', () => {
  for (const golden of ormGoldenCases()) {
    it(`matches the golden file and validates: ${golden.name}`, () => {
      expectGolden(`${golden.name}.prisma`, exportPrisma(golden.design));
      verify(golden.design);
    });
  }

  it('validates the shared nasty-names design', () => {
    verify(sharedNastyDesign());
  });

  it('writes the Prisma 5 datasource url and multiSchema preview flag when asked', () => {
    const nasty = ormGoldenCases()[1]?.design as Design;
    const text = exportPrisma(nasty, { target: 'prisma5' });
    expect(text).toContain('url      = env("DATABASE_URL")');
    expect(text).toContain('previewFeatures = ["multiSchema"]');
  });

  it('notes what Prisma cannot express instead of dropping it silently', () => {
    const { text, notes } = exportPrismaWithNotes(ormGoldenCases()[1]?.design as Design);
    expect(notes.map((n) => `${n.what} ${n.name ?? n.object}`)).toEqual(
      expect.arrayContaining([
        'table public.audit log',
        'constraint transfers_distinct',
        'index launch_search_idx',
      ]),
    );
    for (const n of notes) expect(text).toContain(n.message);
  });

  it('renames a foreign key that shares its name with an index (sanbase), and says so', async () => {
    // PostgreSQL cut both Ecto names to the same 63 bytes; it keeps indexes and constraints apart.
    const shared = 'blockchain_address_user_pairs_labels_blockchain_address_user_pa';
    const { text, notes } = exportPrismaWithNotes(await fixtureDesign('sanbase'));
    expect(prismaValidationError(text)).toBeUndefined();
    expect(text).toContain(
      `@@unique([blockchain_address_user_pair_id, label_id], map: "${shared}")`,
    );
    const note = notes.find((n) => n.name === shared);
    expect(note).toMatchObject({
      object: 'public.blockchain_address_user_pairs_labels',
      what: 'constraint',
      renamedTo: 'blockchain_address_user_pairs_labels_blockchain_address_user_p1',
    });
    expect(text).toContain(
      'references: [id], onDelete: NoAction, onUpdate: NoAction, map: "blockchain_address_user_pairs_labels_blockchain_address_user_p1")',
    );
    expect(text).toContain(
      `// - public.blockchain_address_user_pairs_labels ${shared}: ${note?.message}`,
    );
  }, 120_000);

  it('validates random designs with awkward names, and indexes named like foreign keys (property)', () => {
    fc.assert(
      fc.property(designRecipe, fc.boolean(), (recipe, shareNames) => {
        const { design } = buildDesign(recipe, new Set());
        // PostgreSQL keeps indexes (pg_class) apart from constraints: an index may take the name
        // of a foreign key of its table, as real schemas do.
        if (shareNames)
          for (const table of Object.values(design.tables)) {
            const named = table.constraints.filter((k) => k.kind === 'foreignKey' && k.name);
            table.indexes.forEach((index, i) => {
              const k = named[i];
              if (k) index.name = k.name;
            });
          }
        verify(design);
      }),
      propertyParameters({ numRuns: 150 }),
    );
  });

  describe('real-world fixtures', () => {
    for (const name of ALL_FIXTURE_NAMES) {
      it(`${name} validates and its DMMF matches the design`, async () => {
        verify(await fixtureDesign(name));
      }, 120_000);
    }
  });
});
