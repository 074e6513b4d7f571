import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { exampleDocument, type Design, type Layout } from '../model';
import { renderDiagramSvg } from './svg';
import { tableSize } from '../geometry/tableGeometry';
import { chainDesign, LONG_NAME, nastyDesign, parseSvg } from '../../test/export/svgTestDesigns';
import { cleanText, escapeXml, fitText, textWidth } from './svgText';
import { PALETTES } from './svgTheme';

/** Run with UPDATE_GOLDEN=1 to rewrite the expected file from the current renderer. */
const update = process.env.UPDATE_GOLDEN === '1';
const GOLDEN = fileURLToPath(new URL('./__golden__/example.svg', import.meta.url));

const texts = (doc: Document) =>
  [...doc.getElementsByTagName('text')].map((t) => t.textContent ?? '');
const edgeCount = (doc: Document) => doc.querySelectorAll('path.tw-edge').length;

function viewBox(doc: Document) {
  const [x, y, width, height] = (doc.documentElement.getAttribute('viewBox') ?? '')
    .split(' ')
    .map(Number);
  return { x: x ?? NaN, y: y ?? NaN, width: width ?? NaN, height: height ?? NaN };
}

/** Every drawn node's box (canvas coordinates) lies inside the viewBox. */
function expectFramed(doc: Document, design: Design, layout: Layout) {
  const vb = viewBox(doc);
  for (const t of Object.values(design.tables)) {
    const l = layout.tables[t.id];
    if (!l || t.partitionOf) continue;
    const rows = doc.querySelector(`g[transform="translate(${l.x} ${l.y})"]`);
    expect(rows, t.name).not.toBeNull();
    expect(l.x).toBeGreaterThanOrEqual(vb.x);
    expect(l.y).toBeGreaterThanOrEqual(vb.y);
    const size = tableSize(t, l);
    expect(l.x + size.width).toBeLessThanOrEqual(vb.x + vb.width);
    expect(l.y + size.height).toBeLessThanOrEqual(vb.y + vb.height);
  }
}

describe('renderDiagramSvg', () => {
  it('renders the example design as a standalone, well-formed SVG with every table and foreign key', () => {
    const { design, layout } = exampleDocument();
    const out = renderDiagramSvg(design, layout, { theme: 'light' });
    const doc = parseSvg(out.svg);
    const root = doc.documentElement;
    expect(root.tagName).toBe('svg');
    expect(root.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
    expect(root.getAttribute('width')).toBe(String(out.width));
    expect(root.getAttribute('height')).toBe(String(out.height));
    expect(root.getAttribute('font-family')).toMatch(/, sans-serif$/);
    const all = texts(doc);
    for (const t of Object.values(design.tables)) {
      expect(all).toContain(t.name);
      for (const c of t.columns) expect(all).toContain(c.name);
    }
    const fks = Object.values(design.tables).flatMap((t) =>
      t.constraints.filter((k) => k.kind === 'foreignKey'),
    );
    expect(edgeCount(doc)).toBe(fks.length);
    expectFramed(doc, design, layout);
    // Standalone: nothing fetched, nothing scripted, no ids to clash with a host page.
    expect(out.svg).not.toMatch(/url\(|href|<image|@import|<script|<style|<marker|\bid="/);
    expect(renderDiagramSvg(design, layout, { theme: 'light' }).svg).toBe(out.svg);
  });

  it('matches the golden file', () => {
    const { design, layout } = exampleDocument();
    const { svg } = renderDiagramSvg(design, layout, { theme: 'light' });
    if (update) writeFileSync(GOLDEN, svg);
    expect(svg).toBe(readFileSync(GOLDEN, 'utf8'));
  });

  it('paints the dark theme on the dark background', () => {
    const { design, layout } = exampleDocument();
    const doc = parseSvg(renderDiagramSvg(design, layout, { theme: 'dark' }).svg);
    const background = doc.documentElement.getElementsByTagName('rect')[0];
    expect(background?.getAttribute('fill')).toBe(PALETTES.dark.background);
    expect(background?.getAttribute('width')).toBe(String(viewBox(doc).width));
    expect(doc.querySelector('g.tw-table rect')?.getAttribute('fill')).toBe(
      PALETTES.dark.tableBackground,
    );
  });

  it('escapes, cleans and truncates awkward names, and frames far-apart tables', () => {
    const { design, layout } = nastyDesign();
    const { svg } = renderDiagramSvg(design, layout, { theme: 'light', padding: 10 });
    const doc = parseSvg(svg);
    expect(doc.getElementsByTagName('script')).toHaveLength(0);
    // eslint-disable-next-line no-control-regex -- asserting those characters are gone
    expect(svg).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/);
    expect(svg).toContain(escapeXml('<script>alert("x")</script>'));
    const all = texts(doc);
    expect(all).toContain('<script>alert("x")</script>');
    expect(all).toContain(`it's "quoted" & <odd>`);
    expect(all).toContain(`o<&>"s'.elephant 🐘 👩‍💻 table`);
    expect(all).toContain('ctl name with breaks');
    expect(all).toContain('script_id');
    expect(all).toContain(`o<&>"s'.view <&> "v"`);
    // The long name is cut to its box, with an ellipsis, and no wider than the box allows.
    const long = all.filter((t) => t.endsWith('\u2026') && LONG_NAME.startsWith(t.slice(0, -1)));
    expect(long.length).toBeGreaterThanOrEqual(2);
    for (const t of long) expect(textWidth(t, 13, { bold: true })).toBeLessThanOrEqual(320);
    expect(doc.querySelector('title')?.textContent).toBe('<b>Nasty</b> & "quoted"  design');
    expectFramed(doc, design, layout);
    const vb = viewBox(doc);
    // The far upper-left table, its schema box (24 left, 48 top) and the 10px padding.
    expect(vb.x).toBe(-5000 - 24 - 10);
    expect(vb.y).toBe(-3000 - 48 - 10);
    expect(vb.x + vb.width).toBe(30000 + 320 + 24 + 10);
    // One edge per foreign key, the self-reference included; the unknown color falls back to slate.
    expect(edgeCount(doc)).toBe(4);
    expect(svg).toContain('fill="#64748b"');
    // Two schemas: each gets its labelled box, as on the canvas.
    expect(all).toContain('public');
    expect(all).toContain(`o<&>"s'`);
  });

  it('draws each subject area as a tinted region in its colour around its tables, with its name', () => {
    const { design, layout } = exampleDocument();
    const withAreas: Design = {
      ...design,
      areas: [
        {
          id: 'a_sales',
          name: 'Sales <&> "🛒"',
          color: 'amber',
          tableIds: ['t_orders', 't_order_items'],
        },
        { id: 'a_none', name: 'Nothing drawn', color: 'teal', tableIds: [] },
      ],
    };
    const plain = renderDiagramSvg(design, layout, { theme: 'light' }).svg;
    const { svg } = renderDiagramSvg(withAreas, layout, { theme: 'dark' });
    const doc = parseSvg(svg);
    expect(texts(doc)).toContain('Sales <&> "🛒"');
    expect(texts(doc)).not.toContain('Nothing drawn');
    const region = [...doc.querySelectorAll('rect')].find(
      (r) => r.getAttribute('stroke') === '#d97706',
    );
    expect(region).toBeDefined();
    const plainRegions = [...parseSvg(plain).querySelectorAll('rect')].filter(
      (r) => r.getAttribute('stroke') === '#d97706',
    );
    expect(plainRegions).toHaveLength(0);
    const box = {
      x: Number(region!.getAttribute('x')),
      y: Number(region!.getAttribute('y')),
      right: Number(region!.getAttribute('x')) + Number(region!.getAttribute('width')),
      bottom: Number(region!.getAttribute('y')) + Number(region!.getAttribute('height')),
    };
    for (const id of ['t_orders', 't_order_items']) {
      const l = layout.tables[id]!;
      const size = tableSize(design.tables[id]!, l);
      expect(box.x).toBeLessThan(l.x);
      expect(box.y).toBeLessThan(l.y);
      expect(box.right).toBeGreaterThan(l.x + size.width);
      expect(box.bottom).toBeGreaterThan(l.y + size.height);
    }
    // Behind the tables: the region comes before every table group in document order.
    const firstTable = doc.querySelector('g[transform]');
    expect(
      region!.compareDocumentPosition(firstTable!) & region!.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
  });

  it('draws collapsed tables with their key columns only and folds partitions into the parent', () => {
    const { design, layout } = exampleDocument();
    layout.tables.t_orders = { ...layout.tables.t_orders!, collapsed: true };
    const orders = design.tables.t_orders!;
    design.tables.t_orders_2026 = {
      ...orders,
      id: 't_orders_2026',
      name: 'orders_2026',
      partitionOf: { tableId: 't_orders', bound: 'DEFAULT' },
    };
    design.tables.t_orders = { ...orders, partitionBy: 'LIST (status)' };
    const doc = parseSvg(renderDiagramSvg(design, layout, { theme: 'light' }).svg);
    const all = texts(doc);
    expect(all).toContain('customer_id');
    expect(all).not.toContain('status');
    expect(all).toContain('1 partition \u00b7 2 more');
    expect(all).toContain('PARTITIONED');
    expect(all).not.toContain('orders_2026');
    expect(edgeCount(doc)).toBe(5);
  });

  it('renders an empty design and a design of 1,000 tables', () => {
    expect(
      parseSvg(
        renderDiagramSvg({ ...exampleDocument().design, tables: {} }, exampleDocument().layout, {
          theme: 'light',
        }).svg,
      ),
    ).toBeTruthy();
    const { design, layout } = chainDesign(1000);
    const { svg } = renderDiagramSvg(design, layout, { theme: 'dark' });
    expect(svg.match(/class="tw-table"/g)).toHaveLength(1000);
    expect(svg.match(/class="tw-edge"/g)).toHaveLength(999);
    // Not parsed: jsdom takes seconds over 2 MB, and the same code paths are parsed above.
  });
});

describe('svg text helpers', () => {
  it('removes what XML 1.0 forbids and keeps emoji whole', () => {
    expect(cleanText('a\u0000b\u0001c\ud800d\ufffee🐘')).toBe('abcde🐘');
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;',
    );
  });

  it('cuts at code points, never inside a surrogate pair', () => {
    const cut = fitText('🐘'.repeat(40), 100, 12);
    expect(cut.endsWith('\u2026')).toBe(true);
    expect(cut).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
    expect(fitText('short', 100, 12)).toBe('short');
  });
});
