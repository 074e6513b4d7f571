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
    {
      oid: '16385',
      schema_oid: '16384',
      name: 'mood',
      labels: '["ok","fine"]',
      comment: null,
      array_type: '16386',
    },
  ],
  tables: [
    {
      oid: '16390',
      schema_oid: '16384',
      name: 'order',
      relkind: 'r',
      comment: null,
      row_type: '16392',
      row_array_type: '16391',
      persistence: 'p',
      partition_parent: null,
      partition_bound: null,
      partition_key: null,
      inherits: null,
      options: null,
      row_security: false,
      force_row_security: false,
      cluster_index: null,
    },
  ],
  columns: [
    {
      table_oid: '16390',
      attnum: 1,
      name: 'id',
      type: 'bigint',
      not_null: true,
      not_null_name: 'order_id_not_null',
      identity: 'a',
      generated: '',
      default_expr: null,
      generated_expr: null,
      collation: null,
      serial_sequence: null,
      identity_sequence:
        '{"name":"order_id_seq","schema":"Sales","table":"order","table_schema":"Sales","start":"1","increment":"1","min":"1","max":"9223372036854775807","cache":"1","cycle":false}',
      comment: null,
    },
    {
      table_oid: '16390',
      attnum: 2,
      name: 'mood',
      type: '"Sales".mood',
      not_null: false,
      not_null_name: null,
      identity: '',
      generated: '',
      default_expr: '\'ok\'::"Sales".mood',
      generated_expr: '\'ok\'::"Sales".mood',
      collation: null,
      serial_sequence: null,
      identity_sequence: null,
      comment: 'How',
    },
  ],
  constraints: [
    {
      oid: '16395',
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
      include_columns: null,
      validated: true,
      no_inherit: false,
      enforced: true,
      period: false,
      comment: null,
    },
  ],
  indexes: [
    {
      oid: '16396',
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
      collations: '[null]',
      definition: 'CREATE INDEX order_mood_bloom ON "Sales"."order" USING bloom (mood)',
      parent_index: null,
      comment: null,
    },
  ],
};

describe('toDesign', () => {
  it('accepts driver values as text, keeps order and names, and keeps what it cannot model as SQL', () => {
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
        include: [],
      },
    ]);
    expect(table?.indexes).toEqual([]);
    expect(notes).toEqual([
      { entityId: table?.id, message: expect.stringContaining('bloom access method') },
    ]);
    expect(design.extras).toEqual([
      {
        id: expect.stringMatching(/^x_/),
        kind: 'index',
        schemaId: Object.values(design.schemas)[1]?.id,
        tableId: table?.id,
        name: 'order_mood_bloom',
        sql: 'CREATE INDEX order_mood_bloom ON "Sales"."order" USING bloom (mood);',
        dependsOn: [table?.id],
      },
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
