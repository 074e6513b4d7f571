import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleDocument, type Design } from '../model';
import { FIXTURE_NAMES, fixtureDesign } from '../../test/fixtureDesigns';
import { expectGolden } from '../../test/golden';
import { toDbml, type DbmlOptions } from './dbml';
import { designFromDbml } from './dbmlImport';
import { checkIntegrity } from '../model/integrity';
import { expectParsedLikeDesign, expectRoundTrip, parseDbml } from '../../test/export/dbmlReadBack';
import { EXPORT_GOLDEN_DIR, loadNastyDesign } from '../../test/export/mermaidTestDesigns';

const goldens: { file: string; design: () => Design; options?: DbmlOptions }[] = [
  { file: 'example.dbml', design: () => exampleDocument().design },
  { file: 'nasty-names.dbml', design: loadNastyDesign },
  {
    file: 'example.areas.dbml',
    design: exampleWithAreas,
    // Areas win over the per-schema groups: DBML holds a table in one group only.
    options: { tableGroups: true },
  },
  {
    file: 'nasty-names.groups.dbml',
    design: loadNastyDesign,
    options: { tableGroups: true, project: false },
  },
];

/** The example with subject areas whose names DBML must quote; two share a name, one is empty. */
function exampleWithAreas(): Design {
  const design = exampleDocument().design;
  return {
    ...design,
    areas: [
      {
        id: 'a_sales',
        name: 'Sales "orders" \\ \'q\' 🛒',
        color: 'amber',
        tableIds: ['t_orders', 't_order_items', 't_customers'],
      },
      { id: 'a_catalog', name: 'Catalog', color: 'teal', tableIds: ['t_products'] },
      { id: 'a_catalog2', name: 'Catalog', color: 'violet', tableIds: ['t_addresses'] },
      { id: 'a_empty', name: 'Table', color: 'slate', tableIds: [] },
    ],
  };
}

describe('toDbml golden files', () => {
  for (const golden of goldens) {
    it(golden.file, () => {
      const design = golden.design();
      const text = toDbml(design, golden.options);
      const path = join(EXPORT_GOLDEN_DIR, golden.file);
      expectGolden(path, text);
      expectParsedLikeDesign(design, text);
      expectRoundTrip(design, text);
    });
  }
});

describe('subject areas as TableGroups', () => {
  it('are read by @dbml/core with their names, colours and tables', () => {
    const db = parseDbml(toDbml(exampleWithAreas()));
    const groups = db.schemas.flatMap((s) => s.tableGroups);
    expect(groups.map((g) => [g.name, g.color, g.tables.map((t) => t.name)])).toEqual([
      ['Sales "orders" \\ \'q\' 🛒', '#d97706', ['orders', 'order_items', 'customers']],
      ['Catalog', '#0d9488', ['products']],
      ['Catalog (2)', '#7c3aed', ['addresses']],
      ['Table', '#64748b', []],
    ]);
  });

  it('come back as areas when the DBML is imported', () => {
    const back = designFromDbml(toDbml(exampleWithAreas()));
    if (!back.ok) throw new Error(back.error.message);
    const design = back.value;
    expect(
      design.areas.map((a) => [a.name, a.color, a.tableIds.map((id) => design.tables[id]?.name)]),
    ).toEqual([
      ['Sales "orders" \\ \'q\' 🛒', 'amber', ['orders', 'order_items', 'customers']],
      ['Catalog', 'teal', ['products']],
      ['Catalog (2)', 'violet', ['addresses']],
      ['Table', 'slate', []],
    ]);
  });

  it('reads groups written by others: schema-qualified tables, any colour, none', () => {
    const back = designFromDbml(
      [
        'Table shop.orders { id int }',
        'Table users { id int }',
        'TableGroup billing [color: #ff0000] {\n  shop.orders\n}',
        'TableGroup people {\n  users\n}',
      ].join('\n'),
    );
    if (!back.ok) throw new Error(back.error.message);
    const design = back.value;
    expect(checkIntegrity(design)).toBeUndefined();
    expect(
      design.areas.map((a) => [a.name, a.color, a.tableIds.map((id) => design.tables[id]?.name)]),
    ).toEqual([
      ['billing', 'red', ['orders']],
      ['people', 'blue', ['users']],
    ]);
  });
});

describe('toDbml, read back by @dbml/core', () => {
  it('the parser rejects broken DBML, so the checks here can fail', () => {
    expect(() => parseDbml('Table t {\n  "a b c int\n}\n')).toThrow();
    expect(() => parseDbml('Table t {\n  a int\n}\nRef: t.a > u.id\n')).toThrow();
  });

  it('keeps cardinality and actions', () => {
    const db = parseDbml(toDbml(loadNastyDesign()));
    const refs = db.schemas.flatMap((s) => s.refs);
    const byName = new Map(refs.map((r) => [r.name, r]));
    const toUser = byName.get('items → user');
    expect(toUser?.onDelete).toBe('set null');
    expect(toUser?.onUpdate).toBe('cascade');
    expect(toUser?.endpoints.map((e) => e.relation)).toEqual(['*', '1']);
    // emoji_user_fkey's column is unique: one-to-one.
    expect(byName.get('emoji_user_fkey')?.endpoints.map((e) => e.relation)).toEqual(['1', '1']);
    const composite = refs.find((r) => r.endpoints[0]?.fieldNames.length === 2);
    expect(composite?.endpoints.map((e) => e.fieldNames)).toEqual([
      ['order id', 'line no'],
      ['order id', 'line no'],
    ]);
  });

  it('writes a duplicated foreign key once (DBML refuses two references with the same endpoints)', () => {
    const design = exampleDocument().design;
    const orders = design.tables.t_orders;
    const fk = orders?.constraints.find((k) => k.kind === 'foreignKey');
    if (!orders || !fk) throw new Error('example changed');
    orders.constraints.push({ ...fk, id: 'k_dup', name: 'orders_customer_dup' });
    const text = toDbml(design);
    expect(text).toContain('// duplicate of an earlier reference: Ref orders_customer_dup');
    expect(parseDbml(text).schemas[0]?.refs).toHaveLength(5);
  });
});

describe('toDbml on the real-world fixtures', () => {
  for (const name of FIXTURE_NAMES) {
    it(name, async () => {
      const design = await fixtureDesign(name);
      const text = toDbml(design, { tableGroups: true });
      expectParsedLikeDesign(design, text);
      expectRoundTrip(design, text);
    });
  }
});
