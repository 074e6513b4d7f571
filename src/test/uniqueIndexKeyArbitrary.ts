import fc from 'fast-check';
import type { Column, Constraint, Design, Index, IndexElement, Table } from '../core/model';
import { col, designOf, fk, pk } from './uniqueIndexKeyShapes';

/**
 * Random designs whose foreign keys reference primary keys, unique constraints and, mostly,
 * columns unique only through a `CREATE UNIQUE INDEX` (single and multi-column, the referenced
 * columns in any order), mixed with unique indexes no foreign key can use (partial, on an
 * expression), deferrable unique constraints, self-references and cycles, tables in any order.
 * Every design is valid: PostgreSQL must accept its DDL.
 */

const TYPES = ['integer', 'bigint', 'text', 'uuid', 'date'] as const;

const uniqueSpec = fc.record({
  /** Positions into the table's non-id columns (deduplicated). */
  columns: fc.array(fc.nat({ max: 3 }), { minLength: 1, maxLength: 3 }),
  kind: fc.constantFrom('full', 'full', 'full', 'partial', 'expression'),
  descending: fc.boolean(),
  include: fc.boolean(),
  nullsNotDistinct: fc.boolean(),
  named: fc.boolean(),
});

const tableSpec = fc.record({
  types: fc.array(fc.constantFrom(...TYPES), { minLength: 2, maxLength: 4 }),
  uniques: fc.array(uniqueSpec, { minLength: 1, maxLength: 3 }),
  /** A unique constraint on these column positions, deferrable or not. */
  constraint: fc.option(
    fc.record({
      columns: fc.array(fc.nat({ max: 3 }), { minLength: 1, maxLength: 2 }),
      deferrable: fc.boolean(),
    }),
    { nil: undefined },
  ),
});

const fkSpec = fc.record({
  from: fc.nat(),
  to: fc.nat(),
  /** Which of the referenced table's keys: primary key, unique constraint or full unique index. */
  key: fc.nat(),
  rotate: fc.nat({ max: 2 }),
  reverse: fc.boolean(),
  named: fc.boolean(),
});

/** What a random design is built from (printed by fast-check when a case fails). */
export const uniqueIndexKeyRecipe = fc.record({
  tables: fc.array(tableSpec, { minLength: 1, maxLength: 4 }),
  fks: fc.array(fkSpec, { minLength: 1, maxLength: 6 }),
  /** Sort keys for the tables' order in the design: DDL order must not depend on it. */
  order: fc.array(fc.nat(), { minLength: 4, maxLength: 4 }),
});

type Recipe = typeof uniqueIndexKeyRecipe extends fc.Arbitrary<infer T> ? T : never;
type UniqueSpec = typeof uniqueSpec extends fc.Arbitrary<infer T> ? T : never;

/** A key a foreign key can reference: its column ids on the referenced table. */
type Key = string[];

/** The design a recipe describes. */
export function buildUniqueIndexKeyDesign(recipe: Recipe): Design {
  const tables: Table[] = [];
  const keys: Key[][] = [];
  recipe.tables.forEach((spec, t) => {
    const name = `t${t}`;
    const columns: Column[] = [
      col(`c${t}_id`, 'id', 'bigint', false),
      ...spec.types.map((type, i) => col(`c${t}_${i}`, `a${i}`, type, i % 2 === 1)),
    ];
    const at = (positions: readonly number[]) => [
      ...new Set(positions.map((p) => `c${t}_${p % spec.types.length}`)),
    ];
    const constraints: Constraint[] = [pk(`k${t}_pk`, `c${t}_id`)];
    const tableKeys: Key[] = [[`c${t}_id`]];
    if (spec.constraint) {
      const columnIds = at(spec.constraint.columns);
      constraints.push({
        id: `k${t}_uq`,
        kind: 'unique',
        columnIds,
        deferrable: spec.constraint.deferrable ? 'initiallyDeferred' : 'notDeferrable',
        include: [],
      });
      if (!spec.constraint.deferrable) tableKeys.push(columnIds);
    }
    const indexes = spec.uniques.map((u, i) =>
      uniqueIndex(u, `i${t}_${i}`, `${name}_u${i}`, at(u.columns), columns),
    );
    for (const u of spec.uniques) if (u.kind === 'full') tableKeys.push(at(u.columns));
    tables.push({
      id: `t${t}`,
      schemaId: 's_public',
      name,
      columns,
      constraints,
      indexes,
      inherits: [],
      storageParameters: [],
    });
    keys.push(tableKeys);
  });
  recipe.fks.forEach((spec, f) => {
    const from = tables[spec.from % tables.length] as Table;
    const toIndex = spec.to % tables.length;
    const to = tables[toIndex] as Table;
    const tableKeys = keys[toIndex] as Key[];
    // Indexes more often than the primary key: they are what this is about.
    const key = tableKeys[
      tableKeys.length > 1 ? 1 + (spec.key % (tableKeys.length - 1)) : 0
    ] as Key;
    let refColumnIds = [
      ...key.slice(spec.rotate % key.length),
      ...key.slice(0, spec.rotate % key.length),
    ];
    if (spec.reverse) refColumnIds = refColumnIds.reverse();
    const columnIds = refColumnIds.map((id, i) => {
      const type = to.columns.find((c) => c.id === id)?.type ?? 'bigint';
      const column = col(`c_f${f}_${i}`, `f${f}_${i}`, type);
      from.columns.push(column);
      return column.id;
    });
    from.constraints.push(
      fk(`k_f${f}`, columnIds, to.id, refColumnIds, spec.named ? { name: `fk_rails_${f}` } : {}),
    );
  });
  const order = tables
    .map((t, i) => ({ t, key: recipe.order[i] ?? 0 }))
    .sort((a, b) => a.key - b.key);
  return designOf(
    'unique index keys',
    order.map((o) => o.t),
  );
}

/**
 * A unique index of one of the kinds: full (referenceable; DESC, INCLUDE and NULLS NOT DISTINCT
 * do not change that), partial, or with an expression as its first key (neither referenceable).
 */
function uniqueIndex(
  u: UniqueSpec,
  id: string,
  name: string,
  columnIds: string[],
  columns: readonly Column[],
): Index {
  const elements: IndexElement[] = columnIds.map((columnId) => ({
    kind: 'column',
    columnId,
    ...(u.descending ? { descending: true } : {}),
  }));
  const first = columns.find((c) => c.id === columnIds[0]);
  if (u.kind === 'expression' && first)
    elements[0] = { kind: 'expression', expression: `(${first.name} IS NULL)` };
  const index: Index = { id, unique: true, method: 'btree', elements, include: [] };
  if (u.named) index.name = name;
  if (u.kind === 'partial' && first) index.where = `${first.name} IS NOT NULL`;
  const other = columns.find((c) => c.name !== 'id' && !columnIds.includes(c.id));
  if (u.include && other) index.include = [other.id];
  if (u.nullsNotDistinct) index.nullsNotDistinct = true;
  return index;
}

/** Random valid designs with foreign keys onto unique indexes. */
export const uniqueIndexKeyDesign: fc.Arbitrary<Design> =
  uniqueIndexKeyRecipe.map(buildUniqueIndexKeyDesign);
