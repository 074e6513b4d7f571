import { describe, expect, it } from 'vitest';
import { exampleDocument, parseDesign, repairNotice, serializeDocument } from './index';

/** The example as stored JSON (mutable), for damaging one reference at a time. */
type Doc = ReturnType<typeof base>;
const base = () =>
  JSON.parse(serializeDocument(exampleDocument())) as {
    design: {
      tables: Record<string, Record<string, unknown> & { constraints: Record<string, unknown>[] }>;
      extras: Record<string, unknown>[];
    } & Record<string, unknown>;
    layout: { tables: Record<string, unknown> };
  };
const orders = (d: Doc) => d.design.tables.t_orders!;
const fkOf = (d: Doc) => orders(d).constraints.find((k) => k.kind === 'foreignKey')!;

/** Each kind of dangling reference, what must be gone after repair, and the notice's words. */
const CASES: {
  name: string;
  damage: (d: Doc) => void;
  refusedAs: RegExp;
  repairedAs: RegExp;
  check: (design: ReturnType<typeof exampleDocument>['design']) => void;
}[] = [
  {
    name: 'a foreign key to a table that does not exist',
    damage: (d) => (fkOf(d).refTableId = 't_gone'),
    refusedAs: /foreign key on "orders" points at a table or column that does not exist/,
    repairedAs:
      /Dropped the foreign key "orders_customer_id_fkey" of "orders": it pointed at a table/,
    check: (design) =>
      expect(design.tables.t_orders?.constraints.map((k) => k.id)).not.toContain(
        'k_orders_customer_id_fkey',
      ),
  },
  {
    name: 'a foreign key to a column that does not exist',
    damage: (d) => (fkOf(d).refColumnIds = ['c_gone']),
    refusedAs: /foreign key on "orders" points at a table or column/,
    repairedAs: /Dropped the foreign key "orders_customer_id_fkey" of "orders"/,
    check: (design) =>
      expect(design.tables.t_orders?.constraints.some((k) => k.kind === 'foreignKey')).toBe(
        true, // the other foreign key of orders is kept
      ),
  },
  {
    name: 'a primary key on a column that does not exist',
    damage: (d) => (orders(d).constraints[0]!.columnIds = ['c_gone']),
    refusedAs: /a constraint on "orders" names a column that does not exist/,
    repairedAs: /Dropped the primary key "orders_pkey" of "orders": it named a column/,
    check: (design) =>
      expect(design.tables.t_orders?.constraints.some((k) => k.kind === 'primaryKey')).toBe(false),
  },
  {
    name: 'a key INCLUDE of a column that does not exist',
    damage: (d) => (orders(d).constraints[0]!.include = ['c_orders_status', 'c_gone']),
    refusedAs: /a constraint on "orders" includes a column that does not exist/,
    repairedAs:
      /Dropped the INCLUDE columns that no longer exist from the primary key "orders_pkey"/,
    check: (design) => {
      const pk = design.tables.t_orders?.constraints.find((k) => k.kind === 'primaryKey');
      expect(pk?.kind === 'primaryKey' && pk.include).toEqual(['c_orders_status']);
    },
  },
  {
    name: 'an index on a column that does not exist',
    damage: (d) =>
      ((orders(d).indexes as { elements: { columnId: string }[] }[])[0]!.elements[0]!.columnId =
        'c_gone'),
    refusedAs: /an index on "orders" names a column that does not exist/,
    repairedAs: /Dropped the index "orders_customer_id_idx" of "orders": it was on a column/,
    check: (design) =>
      expect(design.tables.t_orders?.indexes.map((ix) => ix.name)).toEqual([
        'orders_shipping_address_id_idx',
      ]),
  },
  {
    name: 'an index INCLUDE of a column that does not exist',
    damage: (d) => ((orders(d).indexes as { include: string[] }[])[0]!.include = ['c_gone']),
    refusedAs: /an index on "orders" names a column that does not exist/,
    repairedAs:
      /Dropped the INCLUDE columns that no longer exist from index "orders_customer_id_idx"/,
    check: (design) => expect(design.tables.t_orders?.indexes[0]?.include).toEqual([]),
  },
  {
    name: 'a partition of a table that does not exist',
    damage: (d) => (orders(d).partitionOf = { tableId: 't_gone', bound: 'DEFAULT' }),
    refusedAs: /table "orders" is a partition of a table that does not exist/,
    repairedAs: /Dropped the tie to a partitioned parent of "orders"/,
    check: (design) => expect(design.tables.t_orders?.partitionOf).toBeUndefined(),
  },
  {
    name: 'a trigger on a table that does not exist',
    damage: (d) =>
      d.design.extras.push({
        id: 'x_trigger',
        kind: 'trigger',
        tableId: 't_gone',
        name: 'audit',
        sql: 'CREATE TRIGGER audit AFTER INSERT ON gone FOR EACH ROW EXECUTE FUNCTION f();',
        dependsOn: [],
      }),
    refusedAs: /trigger "audit" belongs to a table that does not exist/,
    repairedAs: /Dropped trigger "audit": it belonged to a table that no longer exists/,
    check: (design) => expect(design.extras.map((x) => x.id)).not.toContain('x_trigger'),
  },
  {
    name: 'a subject area naming a table that does not exist',
    damage: (d) =>
      ((d.design.areas as unknown[]) = [
        { id: 'a_sales', name: 'Sales “€” 🛒', color: 'amber', tableIds: ['t_orders', 't_gone'] },
      ]),
    refusedAs: /subject area "Sales “€” 🛒" names a table that does not exist/,
    repairedAs: /Took a table out of subject area “Sales “€” 🛒”/,
    check: (design) =>
      expect(design.areas).toEqual([
        { id: 'a_sales', name: 'Sales “€” 🛒', color: 'amber', tableIds: ['t_orders'] },
      ]),
  },
  {
    name: 'a table in two subject areas',
    damage: (d) =>
      ((d.design.areas as unknown[]) = [
        { id: 'a_1', name: 'One', color: 'blue', tableIds: ['t_orders'] },
        { id: 'a_2', name: 'Two', color: 'green', tableIds: ['t_products', 't_orders'] },
      ]),
    refusedAs: /table "orders" is in subject area "One" and again in "Two"/,
    repairedAs: /Took a table out of subject area “Two”/,
    check: (design) =>
      expect(design.areas.map((a) => a.tableIds)).toEqual([['t_orders'], ['t_products']]),
  },
];

describe('repairing a stored design with dangling references', () => {
  for (const c of CASES) {
    it(`${c.name}: refused from elsewhere, opened without it when stored`, () => {
      const doc = base();
      c.damage(doc);
      const refused = parseDesign(doc);
      expect(refused.ok).toBe(false);
      if (!refused.ok) expect(refused.error.message).toMatch(c.refusedAs);

      const stored = parseDesign(doc, { clampLayout: true, repair: true });
      if (!stored.ok) throw new Error(stored.error.message);
      const { doc: repaired, repairs } = stored.value;
      expect(repairs.map((r) => r.message).join('\n')).toMatch(c.repairedAs);
      c.check(repaired.design);
      // What opened is sound: it reads back as it is, without repair, and says nothing more.
      expect(parseDesign(serializeDocument(repaired))).toEqual({ ok: true, value: repaired });
    });
  }

  it('lists layout of tables that no longer exist, which every document drops', () => {
    const doc = base();
    doc.layout.tables.t_gone = { x: 1, y: 2 };
    expect(parseDesign(doc).ok).toBe(true);
    const stored = parseDesign(doc, { repair: true });
    expect(stored.ok && stored.value.repairs).toEqual([
      {
        message: 'Dropped the position of a table that no longer exists.',
        path: 'layout.tables.t_gone',
      },
    ]);
  });

  it('drops INHERITS parents and a CLUSTER ON index that do not exist', () => {
    const doc = base();
    Object.assign(orders(doc), { inherits: ['t_customers', 't_gone'], clusterOn: 'i_gone' });
    const stored = parseDesign(doc, { repair: true });
    if (!stored.ok) throw new Error(stored.error.message);
    const t = stored.value.doc.design.tables.t_orders;
    expect(t?.inherits).toEqual(['t_customers']);
    expect(t?.clusterOn).toBeUndefined();
    expect(stored.value.repairs.map((r) => r.path)).toEqual([
      'design.tables.t_orders.inherits',
      'design.tables.t_orders.clusterOn',
    ]);
  });

  it('changes nothing in a sound design', () => {
    const doc = exampleDocument();
    const stored = parseDesign(serializeDocument(doc), { repair: true });
    expect(stored).toEqual({ ok: true, value: { doc, repairs: [] } });
  });

  it('still refuses what dropping cannot mend: a duplicate id', () => {
    const doc = base();
    const columns = orders(doc).columns as { id: string }[];
    columns[1]!.id = columns[0]!.id;
    const stored = parseDesign(doc, { repair: true });
    expect(stored.ok).toBe(false);
    if (!stored.ok) expect(stored.error.message).toMatch(/used twice/);
  });

  it('says what was dropped, naming the design, in a few sentences', () => {
    const repairs = Array.from({ length: 7 }, (_, i) => ({ message: `Dropped ${i}.`, path: '' }));
    expect(repairNotice('Shop', repairs)).toBe(
      '“Shop” referred to things that no longer exist; it was opened without them. ' +
        'Dropped 0. Dropped 1. Dropped 2. Dropped 3. Dropped 4. …and 2 more.',
    );
  });
});

describe('discussion threads whose target is gone', () => {
  const thread = (id: string, target: { tableId: string; columnId?: string }) => ({
    id,
    target,
    resolved: false,
    messages: [
      { id: `m${id}`, author: 'Ada', text: `About ${id}`, createdAt: '2026-12-07T09:00:00.000Z' },
    ],
  });
  const withThreads = () => {
    const doc = JSON.parse(serializeDocument(exampleDocument()));
    doc.design.threads = [
      thread('h_ok', { tableId: 't_customers', columnId: 'c_customers_email' }),
      thread('h_table', { tableId: 't_gone' }),
      thread('h_column', { tableId: 't_customers', columnId: 'c_gone' }),
    ];
    return doc;
  };

  it('a stored design opens without them, with a notice for each', () => {
    const r = parseDesign(withThreads(), { repair: true });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.doc.design.threads.map((t) => t.id)).toEqual(['h_ok']);
    expect(r.value.repairs.map((x) => x.message)).toEqual([
      'Dropped the discussion “About h_table”: its table no longer exists.',
      'Dropped the discussion “About h_column”: its column of "customers" no longer exists.',
    ]);
  });

  it('a link or file is refused, naming the discussion', () => {
    const r = parseDesign(withThreads());
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.message).toMatch(
        /discussion “About h_table” is about something that does not exist/,
      );
      expect(r.error.path).toBe('design.threads.1.target');
    }
  });

  it('refuses an oversized message and a time that is not ISO', () => {
    const big = withThreads();
    big.design.threads = [thread('h_ok', { tableId: 't_customers' })];
    big.design.threads[0].messages[0].text = 'x'.repeat(4_001);
    expect(parseDesign(big).ok).toBe(false);
    const late = withThreads();
    late.design.threads = [thread('h_ok', { tableId: 't_customers' })];
    late.design.threads[0].messages[0].createdAt = 'yesterday';
    expect(parseDesign(late).ok).toBe(false);
  });
});
