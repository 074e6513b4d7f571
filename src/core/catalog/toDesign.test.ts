import { describe, expect, it } from 'vitest';
import type { CatalogRows } from './toDesign';
import { toDesign } from './toDesign';
import { checkExpression } from './toConstraint';

/** Rows as node-postgres returns them: oids as strings, json as text. */
const rows: CatalogRows = {
  schemas: [
    { oid: '2200', name: 'public', comment: 'standard public schema' },
    { oid: '16384', name: 'Sales', comment: "it's" },
  ],
  enums: [
    { oid: '16385', schema_oid: '16384', name: 'mood', labels: '["ok","fine"]', comment: null },
  ],
  tables: [{ oid: '16390', schema_oid: '16384', name: 'order', relkind: 'r', comment: null }],
  columns: [
    {
      table_oid: '16390',
      attnum: 1,
      name: 'id',
      type: 'bigint',
      not_null: true,
      identity: 'a',
      generated: '',
      default_expr: null,
      generated_expr: null,
      collation: null,
      is_serial: null,
      default_sequence: null,
      type_kind: 'b',
      builtin_type: true,
      comment: null,
    },
    {
      table_oid: '16390',
      attnum: 2,
      name: 'mood',
      type: '"Sales".mood',
      not_null: false,
      identity: '',
      generated: '',
      default_expr: '\'ok\'::"Sales".mood',
      generated_expr: '\'ok\'::"Sales".mood',
      collation: null,
      is_serial: null,
      default_sequence: null,
      type_kind: 'e',
      builtin_type: false,
      comment: 'How',
    },
  ],
  constraints: [
    {
      table_oid: '16390',
      name: 'order_pkey',
      kind: 'p',
      definition: 'PRIMARY KEY (id)',
      columns: '[1]',
      ref_table_oid: '0',
      ref_columns: null,
      on_update: ' ',
      on_delete: ' ',
      match_type: 's',
      deferrable: false,
      deferred: false,
      nulls_not_distinct: false,
      has_delete_set_columns: false,
    },
  ],
  indexes: [
    {
      table_oid: '16390',
      name: 'order_mood_bloom',
      method: 'bloom',
      is_unique: false,
      nulls_not_distinct: false,
      key_count: 1,
      keys: '[2]',
      options: '[0]',
      key_defs: '["mood"]',
      opclasses: '[null]',
      predicate: null,
    },
  ],
};

describe('toDesign', () => {
  it('accepts driver values as text, keeps order and names, and notes what it drops', () => {
    const { design, notes } = toDesign(rows, { designId: 'd_x', designName: 'X' });
    expect(design.id).toBe('d_x');
    expect(design.schemas.s_public).toEqual({ id: 's_public', name: 'public' });
    expect(Object.values(design.schemas)[1]).toMatchObject({ name: 'Sales', comment: "it's" });
    expect(Object.values(design.enums)[0]?.values).toEqual(['ok', 'fine']);
    const table = Object.values(design.tables)[0];
    expect(table?.columns.map((c) => [c.name, c.identity, c.default, c.comment])).toEqual([
      ['id', 'always', undefined, undefined],
      ['mood', undefined, '\'ok\'::"Sales".mood', 'How'],
    ]);
    expect(table?.constraints).toEqual([
      {
        id: expect.stringMatching(/^k_/),
        name: 'order_pkey',
        kind: 'primaryKey',
        columnIds: [table?.columns[0]?.id],
      },
    ]);
    expect(table?.indexes).toEqual([]);
    expect(notes).toEqual([
      { entityId: table?.id, message: expect.stringContaining('bloom method') },
    ]);
  });

  it('derives the same ids from the same names', () => {
    expect(toDesign(rows).design).toEqual(toDesign(rows).design);
  });
});

describe('checkExpression', () => {
  it('takes the text inside CHECK (...), ignoring what follows', () => {
    expect(checkExpression('CHECK (a > 0)')).toBe('a > 0');
    expect(checkExpression("CHECK ((a)::text <> ')'::text) NOT VALID")).toBe(
      "(a)::text <> ')'::text",
    );
    expect(checkExpression('CHECK (a > 0) NO INHERIT')).toBe('a > 0');
  });
});
