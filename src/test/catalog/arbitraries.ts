import fc from 'fast-check';
import { utf8ByteLength } from '../../core/sql/quote';

/**
 * Recipes for random designs: plain data (picks, flags, names) that `buildDesign` turns into a
 * valid design. Keeping the arbitrary this dumb lets fast-check shrink a failure to a small case.
 */

/** Names people actually give things, and the ones that break naive generators. */
const AWKWARD_NAMES = [
  'user',
  'order',
  'select',
  'table',
  'group',
  'check',
  'default',
  'from',
  'all',
  'limit',
  'int',
  'values',
  'position',
  'left',
  'join',
  'natural',
  'name',
  'data',
  'comment',
  'type',
  'Customer',
  'ID',
  'MixedCase',
  'first name',
  ' leading',
  'trailing ',
  'say "hi"',
  '"',
  "it's",
  'café',
  'naïve',
  '日本語',
  '📦',
  'box 📦',
  'a$b',
  '1st',
  'a.b',
  'back\\slash',
  'x',
  'é'.repeat(31) + 'x', // 63 bytes
  '📦'.repeat(15) + 'abc', // 63 bytes
  'n'.repeat(63),
];

/** Characters for random names and labels: letters, case, spaces, quotes, multi-byte, emoji. */
const NAME_UNITS = [
  'a',
  'b',
  'z',
  'Q',
  ' ',
  '"',
  "'",
  'é',
  '日',
  '📦',
  '_',
  '$',
  '1',
  '-',
  '.',
  '\\',
];

const randomName = fc
  .string({ unit: fc.constantFrom(...NAME_UNITS), minLength: 1, maxLength: 20 })
  .filter((s) => utf8ByteLength(s) <= 63);

export const nameArbitrary = fc.oneof(
  { arbitrary: fc.constantFrom(...AWKWARD_NAMES), weight: 3 },
  { arbitrary: randomName, weight: 2 },
);

const labelArbitrary = fc.oneof(
  fc.constantFrom('happy', "it's", 'back\\slash', '🙂', 'Upper Case', '', 'ü'.repeat(31) + 'x'),
  fc.string({ unit: fc.constantFrom(...NAME_UNITS), minLength: 1, maxLength: 8 }),
);

export const commentArbitrary = fc.oneof(
  fc.constantFrom(
    "It's the customer's.",
    'Back\\slash and "quotes"',
    'Line one\nline two',
    'café ☕ 📦',
  ),
  fc.string({ unit: fc.constantFrom(...NAME_UNITS, '\n'), minLength: 1, maxLength: 12 }),
);

/** `arb`'s value with probability `present`, otherwise undefined. */
const sometimes = <T>(arb: fc.Arbitrary<T>, present: number) =>
  fc.oneof(
    { arbitrary: fc.constant(undefined), weight: Math.round((1 - present) * 100) },
    { arbitrary: arb, weight: Math.round(present * 100) },
  );
const action = fc.constantFrom('noAction', 'restrict', 'cascade', 'setNull', 'setDefault' as const);

export const columnRecipe = fc.record({
  type: fc.nat(),
  nullable: fc.boolean(),
  identity: sometimes(fc.constantFrom('always', 'byDefault' as const), 0.3),
  generated: fc.nat({ max: 5 }).map((n) => n === 0),
  defaultPick: sometimes(fc.nat(), 0.5),
  collate: fc.nat({ max: 3 }).map((n) => n === 0),
  comment: sometimes(commentArbitrary, 0.2),
});
export type ColumnRecipe = typeof columnRecipe extends fc.Arbitrary<infer T> ? T : never;

const picks = fc.array(fc.nat(), { minLength: 1, maxLength: 2 });

export const indexRecipe = fc.record({
  method: fc.constantFrom(
    'btree',
    'btree',
    'btree',
    'hash',
    'gin',
    'gist',
    'spgist',
    'brin' as const,
  ),
  elements: fc.array(
    fc.record({
      pick: fc.nat(),
      expression: fc.boolean(),
      descending: fc.boolean(),
      nulls: sometimes(fc.constantFrom('first', 'last' as const), 0.4),
      opclass: fc.boolean(),
    }),
    { minLength: 1, maxLength: 2 },
  ),
  unique: fc.boolean(),
  include: sometimes(fc.nat(), 0.3),
  where: fc.nat({ max: 3 }).map((n) => n === 0),
  named: fc.boolean(),
});
export type IndexRecipe = typeof indexRecipe extends fc.Arbitrary<infer T> ? T : never;

export const tableRecipe = fc.record({
  schema: fc.nat(),
  columns: fc.array(columnRecipe, { minLength: 1, maxLength: 6 }),
  primaryKey: sometimes(fc.record({ picks, named: fc.boolean() }), 0.7),
  unique: sometimes(fc.record({ picks, named: fc.boolean(), nullsNotDistinct: fc.boolean() }), 0.4),
  check: sometimes(fc.record({ pick: fc.nat(), template: fc.nat(), named: fc.boolean() }), 0.4),
  exclude: sometimes(fc.record({ named: fc.boolean() }), 0.5),
  foreignKeys: fc.array(
    fc.record({
      target: fc.nat(),
      named: fc.boolean(),
      onDelete: action,
      onUpdate: action,
      deferrable: fc.constantFrom(
        'notDeferrable',
        'initiallyImmediate',
        'initiallyDeferred' as const,
      ),
      matchFull: fc.boolean(),
      nullable: fc.boolean(),
    }),
    { maxLength: 2 },
  ),
  indexes: fc.array(indexRecipe, { maxLength: 2 }),
  comment: sometimes(commentArbitrary, 0.3),
});
export type TableRecipe = typeof tableRecipe extends fc.Arbitrary<infer T> ? T : never;

export const designRecipe = fc.record({
  names: fc.array(nameArbitrary, { minLength: 24, maxLength: 24 }),
  extraSchema: fc.boolean(),
  schemaComment: sometimes(commentArbitrary, 0.3),
  enums: fc.array(
    fc.record({
      schema: fc.nat(),
      labels: fc.uniqueArray(labelArbitrary, { minLength: 1, maxLength: 4 }),
      comment: sometimes(commentArbitrary, 0.3),
    }),
    { maxLength: 2 },
  ),
  tables: fc.array(tableRecipe, { minLength: 1, maxLength: 4 }),
});
export type DesignRecipe = typeof designRecipe extends fc.Arbitrary<infer T> ? T : never;
