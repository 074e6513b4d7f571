// @vitest-environment jsdom
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import mermaid from 'mermaid';
import { beforeAll, describe, expect, it } from 'vitest';
import { exampleDocument, type Design } from '../model';
import { expectGolden } from '../../test/golden';
import { toMermaid } from './mermaid';
import { expectFaithful, parsed } from '../../test/export/mermaidReadBack';
import { loadNastyDesign } from '../../test/export/mermaidTestDesigns';

// Paths, not URLs: under jsdom the global URL is jsdom's, which node:fs does not take.
const GOLDEN = join(dirname(fileURLToPath(import.meta.url)), '__golden__');

beforeAll(() => {
  mermaid.initialize({ startOnLoad: false });
});

const goldens: { name: string; design: () => Design }[] = [
  { name: 'example', design: () => exampleDocument().design },
  { name: 'nasty-names', design: loadNastyDesign },
];

describe('toMermaid golden files', () => {
  for (const golden of goldens) {
    it(golden.name, async () => {
      const text = toMermaid(golden.design());
      const path = join(GOLDEN, `${golden.name}.mmd`);
      expectGolden(path, text);
      await expectFaithful(golden.design(), text);
    });
  }
});

describe('toMermaid, read back by mermaid', () => {
  it('mermaid.parse rejects a broken diagram, so the checks here can fail', async () => {
    await expect(mermaid.parse('erDiagram\n  a ||--o{ : "x"\n')).rejects.toThrow();
    await expect(mermaid.parse('erDiagram\n  "a"b" {\n  }\n')).rejects.toThrow();
    await expect(
      mermaid.parse('erDiagram\n  t {\n    text first name PK\n  }\n'),
    ).rejects.toThrow();
  });

  it('a comment that looks like a directive stays a comment', async () => {
    const directive = '%%{init: {"theme": "forest"}}%%';
    // Written as is, Mermaid would apply it: the check can fail.
    const raw = `erDiagram\n  t {\n    int x "${directive.replaceAll('"', "'")}"\n  }\n`;
    expect((await mermaid.parse(raw)).config).toMatchObject({ theme: 'forest' });
    const design = exampleDocument().design;
    const customers = design.tables.t_customers;
    if (!customers?.columns[0]) throw new Error('example changed');
    customers.columns[0].comment = directive;
    customers.comment = directive;
    design.name = directive;
    expect((await mermaid.parse(toMermaid(design))).config).toEqual({});
  });

  it('reads the cardinalities from the constraints', async () => {
    const db = await parsed(toMermaid(exampleDocument().design));
    const byRole = new Map(db.getRelationships().map((r) => [r.roleA, r.relSpec]));
    // orders.customer_id is NOT NULL: exactly one customer, zero or many orders.
    expect(byRole.get('customer_id')).toEqual({
      cardA: 'ZERO_OR_MORE',
      relType: 'NON_IDENTIFYING',
      cardB: 'ONLY_ONE',
    });
    // orders.shipping_address_id is nullable: zero or one address.
    expect(byRole.get('shipping_address_id')?.cardB).toBe('ZERO_OR_ONE');
    const nasty = await parsed(toMermaid(loadNastyDesign()));
    const rels = new Map(nasty.getRelationships().map((r) => [r.roleA, r.relSpec]));
    // A composite FK whose columns are unique and NOT NULL: one parent, zero or one child.
    expect(rels.get('order id, line no')).toMatchObject({
      cardA: 'ZERO_OR_ONE',
      cardB: 'ONLY_ONE',
    });
    expect(rels.get('parent id')).toMatchObject({ cardA: 'ZERO_OR_MORE', cardB: 'ZERO_OR_ONE' });
  });

  it('renders awkward names as written (jsdom has no layout, so text sizes are faked)', async () => {
    const proto = window.SVGElement.prototype as unknown as Record<string, unknown>;
    proto.getBBox = function (this: SVGElement) {
      return { x: 0, y: 0, width: (this.textContent ?? '').length * 8, height: 16 };
    };
    proto.getComputedTextLength = function (this: SVGElement) {
      return (this.textContent ?? '').length * 8;
    };
    const design = loadNastyDesign();
    const { svg } = await mermaid.render('nasty', toMermaid(design));
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    const texts = (selector: string) =>
      [...doc.querySelectorAll(selector)].map((e) => e.textContent ?? '');
    expect(texts('.label.name')).toContain('emoji 🎉 table');
    expect(texts('.label.name')).toContain('my.schema.weird.table #1');
    const names = texts('.attribute-name');
    for (const name of ['first name', 'café', '📦', '1st', 'pk', 'end', 'order#', '50% off', 'a.b'])
      expect(names).toContain(name);
    expect(texts('.attribute-type')).toContain('timestamp with time zone');
    expect(texts('.attribute-comment')).toContain(
      "He said 'hi' <b>bold</b> 100%\u200b% #1; `code` *star* _under_ | pipe",
    );
  });
});
