import fc from 'fast-check';
import type { Column, Constraint, Design, Table } from '../core/model';
import { emptyDesign } from '../core/model';

/**
 * Random small designs and random edits for the migration property test. Recipes are plain
 * numbers and flags (so fast-check shrinks them); `buildDesign` and `applyEdits` turn them into
 * designs deterministically. Ids and names come from one counter per design, so no two things
 * collide and renames never swap names.
 */

export const TYPES = [
  'integer',
  'bigint',
  'text',
  'varchar(10)',
  'varchar(20)',
  'numeric(10,2)',
  'boolean',
  'timestamptz',
  'mood',
] as const;

/** Type changes an edit may make (the down migration makes the reverse ones). */
const RETYPES: Record<string, string> = {
  'varchar(10)': 'varchar(20)',
  'varchar(20)': 'text',
  text: 'varchar(20)',
  integer: 'bigint',
  bigint: 'integer',
  'numeric(10,2)': 'numeric(12,2)',
  'numeric(12,2)': 'numeric(10,2)',
  mood: 'text',
  boolean: 'text',
  timestamptz: 'timestamp',
};

const DEFAULTS: Record<string, string> = {
  integer: '0',
  bigint: '0',
  text: "'x'::text",
  'varchar(10)': "'x'::character varying",
  'varchar(20)': "'x'::character varying",
  'numeric(10,2)': '0',
  boolean: 'false',
  timestamptz: 'now()',
  mood: "'a'::mood",
};

const columnRecipe = fc.record({
  type: fc.nat(TYPES.length - 1),
  nullable: fc.boolean(),
  defaulted: fc.boolean(),
});
const tableRecipe = fc.record({
  columns: fc.array(columnRecipe, { minLength: 1, maxLength: 3 }),
  pkNamed: fc.boolean(),
  uniques: fc.array(fc.record({ col: fc.nat(), named: fc.boolean() }), { maxLength: 1 }),
  indexes: fc.array(fc.record({ col: fc.nat(), named: fc.boolean(), unique: fc.boolean() }), {
    maxLength: 2,
  }),
  fks: fc.array(fc.record({ ref: fc.nat(), named: fc.boolean() }), { maxLength: 1 }),
});
export const designRecipe = fc.array(tableRecipe, { minLength: 1, maxLength: 3 });
export type DesignRecipe = typeof designRecipe extends fc.Arbitrary<infer R> ? R : never;

const n = fc.nat(50);
export const editRecipe = fc.oneof(
  fc.record({ kind: fc.constant('renameTable' as const), t: n }),
  fc.record({ kind: fc.constant('renameColumn' as const), t: n, c: n }),
  fc.record({
    kind: fc.constant('addColumn' as const),
    t: n,
    type: fc.nat(TYPES.length - 1),
    nullable: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('dropColumn' as const), t: n, c: n }),
  fc.record({ kind: fc.constant('retype' as const), t: n, c: n }),
  fc.record({ kind: fc.constant('toggleNull' as const), t: n, c: n }),
  fc.record({
    kind: fc.constant('addIndex' as const),
    t: n,
    c: n,
    named: fc.boolean(),
    unique: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('dropIndex' as const), t: n, i: n }),
  fc.record({ kind: fc.constant('addForeignKey' as const), t: n, ref: n, named: fc.boolean() }),
  fc.record({ kind: fc.constant('dropConstraint' as const), t: n, k: n }),
  fc.record({ kind: fc.constant('addUnique' as const), t: n, c: n, named: fc.boolean() }),
  fc.record({ kind: fc.constant('addCheck' as const), t: n, c: n, named: fc.boolean() }),
  fc.record({ kind: fc.constant('renameKey' as const), t: n, k: n }),
  fc.record({ kind: fc.constant('addTable' as const), fk: fc.boolean() }),
  fc.record({ kind: fc.constant('dropTable' as const), t: n }),
  fc.record({ kind: fc.constant('addEnumValue' as const), at: n }),
  fc.record({ kind: fc.constant('setDefault' as const), t: n, c: n }),
  fc.record({ kind: fc.constant('comment' as const), t: n, c: n }),
  fc.record({ kind: fc.constant('moveTable' as const), t: n }),
  fc.record({ kind: fc.constant('renameEnum' as const) }),
  fc.record({ kind: fc.constant('foreignKeyAction' as const), t: n, k: n }),
  fc.record({ kind: fc.constant('addCompositeIndex' as const), t: n, c: n, named: fc.boolean() }),
);
export type Edit = typeof editRecipe extends fc.Arbitrary<infer E> ? E : never;
export const editsRecipe = fc.array(editRecipe, { minLength: 1, maxLength: 6 });

/** Builds names and ids: one counter per design keeps them unique. */
class Names {
  constructor(private next = 1) {}
  fresh(prefix: string): string {
    return `${prefix}${this.next++}`;
  }
}

const pick = <T>(xs: readonly T[], i: number): T | undefined =>
  xs.length === 0 ? undefined : xs[i % xs.length];

function column(names: Names, type: string, nullable: boolean, defaulted: boolean): Column {
  const name = names.fresh('c');
  const c: Column = { id: `c_${name}`, name, type, nullable };
  if (defaulted && DEFAULTS[type]) c.default = DEFAULTS[type];
  return c;
}

function newTable(names: Names, pkNamed: boolean): Table {
  const name = names.fresh('t');
  const id: Column = {
    id: `c_${name}_id`,
    name: 'id',
    type: 'bigint',
    nullable: false,
    identity: 'always',
  };
  const pk: Constraint = {
    id: `k_${name}_pk`,
    kind: 'primaryKey',
    columnIds: [id.id],
    ...(pkNamed ? { name: `pk_${name}` } : {}),
    include: [],
  };
  return {
    id: `t_${name}`,
    schemaId: 's_public',
    name,
    columns: [id],
    constraints: [pk],
    indexes: [],
    inherits: [],
    storageParameters: [],
  };
}

function addForeignKey(names: Names, t: Table, ref: Table, named: boolean): void {
  const col = column(names, 'bigint', true, false);
  t.columns.push(col);
  const k = names.fresh('fk');
  t.constraints.push({
    id: `k_${k}`,
    kind: 'foreignKey',
    columnIds: [col.id],
    refTableId: ref.id,
    refColumnIds: [ref.columns[0]!.id],
    onDelete: 'noAction',
    onUpdate: 'noAction',
    deferrable: 'notDeferrable',
    ...(named ? { name: k } : {}),
  });
}

/** Design A from its recipe; the counter it ends with goes on to name B's new things. */
export function buildDesign(recipe: DesignRecipe): { design: Design; names: Names } {
  const names = new Names();
  const tables: Table[] = [];
  for (const r of recipe) {
    const t = newTable(names, r.pkNamed);
    for (const c of r.columns)
      t.columns.push(column(names, TYPES[c.type]!, c.nullable, c.defaulted));
    const plain = t.columns.slice(1);
    for (const u of r.uniques) addUnique(names, t, pick(plain, u.col)!, u.named);
    for (const ix of r.indexes) addIndex(names, t, pick(plain, ix.col)!, ix.named, ix.unique);
    tables.push(t);
  }
  recipe.forEach((r, i) =>
    r.fks.forEach((fk) => addForeignKey(names, tables[i]!, pick(tables, fk.ref)!, fk.named)),
  );
  const design: Design = {
    ...emptyDesign('prop', 'd_prop'),
    enums: {
      e_mood: { id: 'e_mood', schemaId: 's_public', name: 'mood', values: ['a', 'b', 'c'] },
    },
    tables: Object.fromEntries(tables.map((t) => [t.id, t])),
  };
  return { design, names };
}

function addUnique(names: Names, t: Table, c: Column, named: boolean): void {
  // CREATE TABLE merges identical unique constraints into one (a lint finding, not a migration matter).
  if (t.constraints.some((k) => k.kind === 'unique' && k.columnIds.join() === c.id)) return;
  const k = names.fresh('uq');
  t.constraints.push({
    id: `k_${k}`,
    kind: 'unique',
    columnIds: [c.id],
    ...(named ? { name: k } : {}),
    include: [],
  });
}

function addIndex(names: Names, t: Table, c: Column, named: boolean, unique: boolean): void {
  const i = names.fresh('ix');
  t.indexes.push({
    id: `i_${i}`,
    unique,
    method: 'btree',
    elements: [{ kind: 'column', columnId: c.id }],
    include: [],
    ...(named ? { name: i } : {}),
  });
}

export { applyEdits } from './migrationEdits';
export { Names, addForeignKey, addIndex, addUnique, column, newTable, pick, RETYPES, DEFAULTS };

/**
 * What the studio's ops do and `applyEdits` (a deep copy) does not: tables an edit left alone
 * stay the same objects, so code that skips unchanged tables by identity can be tested.
 */
export function shareUnchanged(a: Design, b: Design): Design {
  const tables = { ...b.tables };
  for (const [id, t] of Object.entries(tables)) {
    const before = a.tables[id];
    if (before && JSON.stringify(before) === JSON.stringify(t)) tables[id] = before;
  }
  return { ...b, tables };
}
