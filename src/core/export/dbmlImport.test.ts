import { describe, expect, it } from 'vitest';
import { checkIntegrity } from '../model/integrity';
import {
  designSchema,
  exampleDocument,
  foreignKeysOf,
  primaryKeyOf,
  type Design,
  type Table,
} from '../model';
import { toDbml } from './dbml';
import { designFromDbml } from './dbmlImport';
import { expectRoundTrip } from '../../test/export/dbmlReadBack';

function imported(text: string): Design {
  const result = designFromDbml(text);
  if (!result.ok) throw new Error(result.error.message);
  // What comes back is a valid document: zod schema and referential integrity.
  designSchema.parse(result.value);
  expect(checkIntegrity(result.value)).toBeUndefined();
  return result.value;
}

function table(design: Design, name: string): Table {
  const t = Object.values(design.tables).find((x) => x.name === name);
  if (!t) throw new Error(`no table ${name}`);
  return t;
}

const names = (t: Table, ids: readonly string[]) =>
  ids.map((id) => t.columns.find((c) => c.id === id)?.name);

describe('designFromDbml', () => {
  it('builds tables, keys, defaults, indexes, checks, enums and references', () => {
    const design = imported(`
Project shop { database_type: 'PostgreSQL' }
Enum sales.status {
  new
  "on hold" [note: 'waiting']
}
Table sales.orders [note: 'Orders'] {
  id bigint [pk, increment]
  code "character varying(20)" [not null, unique, note: 'external code']
  status sales.status [default: 'new']
  total numeric(12,2) [default: 0]
  placed_at timestamptz [default: \`now()\`]
  paid boolean [default: false]
  customer_id int
  Indexes {
    (status, \`lower(code)\`) [name: 'orders_status_code', type: hash]
    customer_id [unique]
  }
  checks { \`total >= 0\` [name: 'total_positive'] }
}
Table customers { id int [pk] }
Table lines {
  order_id bigint
  n int
  Indexes { (order_id, n) [pk, name: 'lines_pk'] }
}
Ref: sales.orders.customer_id > customers.id [delete: set null, update: cascade]
Ref lines_order: customers.id < lines.order_id
Ref: customers.id <> lines.n
Note hello { 'a sticky note' }
`);
    expect(design.name).toBe('shop');
    const sales = Object.values(design.schemas).find((s) => s.name === 'sales');
    expect(sales).toBeDefined();
    const status = Object.values(design.enums)[0];
    expect(status).toMatchObject({
      name: 'status',
      schemaId: sales?.id,
      values: ['new', 'on hold'],
    });
    const orders = table(design, 'orders');
    expect(orders.comment).toBe('Orders');
    expect(orders.columns.map((c) => [c.name, c.type, c.nullable, c.default])).toEqual([
      ['id', 'bigint', false, undefined],
      ['code', 'character varying(20)', false, undefined],
      ['status', 'sales.status', true, "'new'"],
      ['total', 'numeric(12,2)', true, '0'],
      ['placed_at', 'timestamptz', true, 'now()'],
      ['paid', 'boolean', true, 'false'],
      ['customer_id', 'int', true, undefined],
    ]);
    expect(orders.columns[0]?.identity).toBe('byDefault');
    expect(orders.columns[1]?.comment).toBe('external code');
    expect(names(orders, primaryKeyOf(orders)?.columnIds ?? [])).toEqual(['id']);
    // The index keeps the order it was written in (the parser lists expressions first).
    const ix = orders.indexes[0];
    expect(
      ix?.elements.map((e) =>
        e.kind === 'column' ? names(orders, [e.columnId])[0] : e.expression,
      ),
    ).toEqual(['status', 'lower(code)']);
    expect(ix).toMatchObject({ name: 'orders_status_code', method: 'hash', unique: false });
    expect(orders.indexes[1]?.unique).toBe(true);
    expect(orders.constraints.find((k) => k.kind === 'check')).toMatchObject({
      name: 'total_positive',
      expression: 'total >= 0',
    });
    const [fk] = foreignKeysOf(orders);
    expect(fk).toMatchObject({
      onDelete: 'setNull',
      onUpdate: 'cascade',
      refTableId: table(design, 'customers').id,
    });
    const lines = table(design, 'lines');
    expect(primaryKeyOf(lines)).toMatchObject({ name: 'lines_pk' });
    expect(names(lines, primaryKeyOf(lines)?.columnIds ?? [])).toEqual(['order_id', 'n']);
    // `customers.id < lines.order_id`: lines is the many side, so it holds the key; `<>` has none.
    expect(foreignKeysOf(lines).map((k) => [k.name, names(lines, k.columnIds)])).toEqual([
      ['lines_order', ['order_id']],
    ]);
    expect(Object.values(design.notes).map((n) => n.text)).toEqual(['a sticky note']);
  });

  it('round-trips the example design', () => {
    const design = exampleDocument().design;
    expectRoundTrip(design, toDbml(design));
  });

  it('a round trip that changed something fails the check', () => {
    const design = exampleDocument().design;
    const changed = toDbml(design).replace('quantity integer', 'quantity bigint');
    expect(() => expectRoundTrip(design, changed)).toThrow();
  });

  it('says where a syntax error is', () => {
    // An unterminated quoted name: 1-based line and column of the quote.
    const result = designFromDbml('Table t {\n  id int [pk]\n  "name text\n}\n');
    expect(result).toEqual({
      ok: false,
      error: {
        message: 'Line 3, column 3: Invalid newline encountered while parsing',
        line: 3,
        column: 3,
      },
    });
  });

  it('says which reference is broken', () => {
    const result = designFromDbml('Table a {\n  id int\n}\nRef: a.id > b.id\n');
    expect(result).toMatchObject({ ok: false, error: { line: 4 } });
    if (!result.ok) expect(result.error.message).toMatch(/^Line 4, column \d+: .*\bb\b/);
  });

  it('counts the further problems', () => {
    const result = designFromDbml('Table t {\n  id int [pk]\n}\nTabel x {\n  a int\n}\n');
    expect(result).toMatchObject({ ok: false, error: { line: 4, column: 1 } });
    if (!result.ok) expect(result.error.message).toMatch(/\(and 2 more problems\)$/);
  });

  it('an empty text is an empty design', () => {
    const design = imported('');
    expect(Object.keys(design.tables)).toHaveLength(0);
  });
});
