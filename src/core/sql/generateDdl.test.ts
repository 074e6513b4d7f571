import { describe, expect, it } from 'vitest';
import { emptyDesign, type Column, type Design, type Table } from '../model';
import { generateDdl, generateTableDdl } from './generateDdl';

const column = (
  id: string,
  name: string,
  type = 'integer',
  extra: Partial<Column> = {},
): Column => ({ id, name, type, nullable: true, ...extra });

function designWith(tables: Table[], patch: Partial<Design> = {}): Design {
  const design = emptyDesign('test', 'd_test');
  return { ...design, ...patch, tables: Object.fromEntries(tables.map((t) => [t.id, t])) };
}

const customers: Table = {
  id: 't_customers',
  schemaId: 's_public',
  name: 'customers',
  columns: [
    column('c_id', 'id', 'bigint', { nullable: false, identity: 'always' }),
    column('c_email', 'email', 'text', { nullable: false }),
  ],
  constraints: [{ id: 'k_pk', kind: 'primaryKey', columnIds: ['c_id'], include: [] }],
  indexes: [],
  comment: 'People 📦',
  inherits: [],
  storageParameters: [],
};
const orders: Table = {
  id: 't_orders',
  schemaId: 's_public',
  name: 'orders',
  columns: [
    column('c_oid', 'id', 'bigint', { nullable: false }),
    column('c_cust', 'customer_id', 'bigint'),
  ],
  constraints: [
    { id: 'k_opk', name: '', kind: 'primaryKey', columnIds: ['c_oid'], include: [] },
    {
      id: 'k_fk',
      kind: 'foreignKey',
      columnIds: ['c_cust'],
      refTableId: 't_customers',
      refColumnIds: ['c_id'],
      onDelete: 'cascade',
      onUpdate: 'noAction',
      deferrable: 'notDeferrable',
    },
  ],
  indexes: [
    {
      id: 'i_cust',
      unique: false,
      method: 'btree',
      elements: [{ kind: 'column', columnId: 'c_cust' }],
      include: [],
    },
  ],
  inherits: [],
  storageParameters: [],
};

describe('generateDdl', () => {
  it('gives empty text for an empty design', () => {
    expect(generateDdl(emptyDesign('x', 'd_x'))).toEqual({
      text: '',
      statements: [],
      problems: [],
    });
  });

  it('records each statement with its kind, owner and exact range', () => {
    const out = generateDdl(designWith([customers, orders]));
    expect(out.statements.map((s) => [s.kind, s.entityId])).toEqual([
      ['table', 't_customers'],
      ['table', 't_orders'],
      ['foreignKey', 't_orders'],
      ['index', 't_orders'],
      ['comment', 't_customers'],
    ]);
    for (const s of out.statements) expect(out.text.slice(s.from, s.to)).toBe(s.sql);
    // Ranges are in UTF-16 units, so an emoji before a statement shifts it by two.
    expect(out.text.slice(out.statements.at(-1)?.from)).toBe(
      "COMMENT ON TABLE customers IS 'People 📦';\n",
    );
  });

  it('is deterministic', () => {
    const design = designWith([customers, orders]);
    expect(generateDdl(design)).toEqual(generateDdl(structuredClone(design)));
  });

  it('treats an empty constraint name as no name', () => {
    expect(generateDdl(designWith([customers, orders])).text).toContain('  PRIMARY KEY (id)\n');
  });

  it('leaves out a foreign key whose referenced key is left out', () => {
    const named = {
      ...customers,
      constraints: [
        {
          id: 'k_pk',
          name: 'p'.repeat(64),
          kind: 'primaryKey' as const,
          columnIds: ['c_id'],
          include: [],
        },
      ],
    };
    const out = generateDdl(designWith([named, orders]));
    expect(out.text).not.toContain('FOREIGN KEY');
    expect(out.problems.map((p) => [p.entityId, p.partId])).toEqual([
      ['t_customers', 'k_pk'],
      ['t_orders', 'k_fk'],
    ]);
  });

  it('leaves out columns of an enum that is left out, and what uses them', () => {
    const design = designWith(
      [
        {
          ...customers,
          columns: [...customers.columns, column('c_mood', 'mood', 'sales.mood[]')],
          indexes: [
            {
              id: 'i_mood',
              unique: false,
              method: 'gin',
              elements: [{ kind: 'column', columnId: 'c_mood' }],
              include: [],
            },
          ],
        },
      ],
      {
        schemas: {
          s_public: { id: 's_public', name: 'public' },
          s_sales: { id: 's_sales', name: 'sales' },
        },
        enums: {
          e_mood: { id: 'e_mood', schemaId: 's_sales', name: 'mood', values: ['x'.repeat(64)] },
        },
      },
    );
    const out = generateDdl(design);
    expect(out.problems.map((p) => p.partId ?? p.entityId)).toEqual(['e_mood', 'c_mood', 'i_mood']);
    expect(out.text).not.toMatch(/mood/);
    expect(out.text).toContain('CREATE SCHEMA sales;');
  });

  it('generates one table with its foreign keys, indexes and comments', () => {
    const out = generateTableDdl(designWith([customers, orders]), 't_orders');
    expect(out.statements.map((s) => s.kind)).toEqual(['table', 'foreignKey', 'index']);
    expect(out.statements[0]?.from).toBe(0);
  });
});

describe('generateDdl with raw objects', () => {
  it('places each by its kind, later when it depends on a table or on a later object', () => {
    const design = designWith([customers], {
      extras: [
        {
          id: 'x_evt',
          kind: 'eventTrigger',
          name: 'audit',
          sql: 'CREATE EVENT TRIGGER audit ON ddl_command_end EXECUTE FUNCTION f();',
          dependsOn: [],
        },
        {
          id: 'x_ext',
          kind: 'extension',
          name: 'citext',
          sql: 'CREATE EXTENSION IF NOT EXISTS citext WITH SCHEMA public;',
          dependsOn: [],
        },
        {
          id: 'x_dom',
          kind: 'domain',
          name: 'email',
          sql: 'CREATE DOMAIN email AS citext;',
          dependsOn: [],
        },
        {
          id: 'x_rows',
          kind: 'function',
          name: 'all_customers()',
          sql: 'CREATE FUNCTION all_customers() RETURNS SETOF customers LANGUAGE sql AS $$ SELECT * FROM customers $$;',
          dependsOn: ['t_customers'],
        },
        {
          id: 'x_view',
          kind: 'view',
          name: 'v',
          sql: 'CREATE VIEW v AS SELECT * FROM all_customers();',
          dependsOn: ['x_rows'],
        },
        {
          id: 'x_count',
          kind: 'function',
          name: 'n()',
          sql: 'CREATE FUNCTION n() RETURNS bigint LANGUAGE sql AS $$ SELECT count(*) FROM v $$;',
          dependsOn: ['x_view'],
        },
      ],
    });
    const out = generateDdl(design);
    const order = out.statements.map((s) =>
      s.kind === 'extra' ? s.entityId : `${s.kind}:${s.entityId}`,
    );
    expect(order).toEqual([
      'setting:d_test',
      'x_ext',
      'x_dom',
      'table:t_customers',
      'x_rows',
      'x_view',
      'x_count',
      'comment:t_customers',
      'x_evt',
    ]);
  });
});
