import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleDocument, type Design } from '../model';
import { FIXTURE_NAMES, fixtureDesign } from '../../test/fixtureDesigns';
import { expectGolden } from '../../test/golden';
import { toDbml, type DbmlOptions } from './dbml';
import { expectParsedLikeDesign, expectRoundTrip, parseDbml } from '../../test/export/dbmlReadBack';
import { EXPORT_GOLDEN_DIR, loadNastyDesign } from '../../test/export/mermaidTestDesigns';

const goldens: { file: string; design: () => Design; options?: DbmlOptions }[] = [
  { file: 'example.dbml', design: () => exampleDocument().design },
  { file: 'nasty-names.dbml', design: loadNastyDesign },
  {
    file: 'nasty-names.groups.dbml',
    design: loadNastyDesign,
    options: { tableGroups: true, project: false },
  },
];

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
