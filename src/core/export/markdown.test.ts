import { join } from 'node:path';
import { createRequire } from 'node:module';
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { displayName, exampleDocument, type Design } from '../model';
import { FIXTURE_NAMES, fixtureDesign } from '../../test/fixtureDesigns';
import { expectGolden } from '../../test/golden';
import { sortedTables } from './mermaid';
import { toMarkdown } from './markdown';
import { mdCode, mdParagraph, mdText } from './markdownText';
import { EXPORT_GOLDEN_DIR, loadNastyDesign } from '../../test/export/mermaidTestDesigns';

// jsdom has no type declarations here (no @types/jsdom); require gives it the one type we use.
const { JSDOM } = createRequire(import.meta.url)('jsdom') as {
  JSDOM: new (html: string) => { window: { document: Document } };
};

/** The Markdown rendered by a real GFM renderer (marked), as a DOM. */
function render(markdown: string): Document {
  const html = marked.parse(markdown, { gfm: true, async: false });
  return new JSDOM(html).window.document;
}

/**
 * Rendered, every table heading reads as the table's name, and its columns table has one row per
 * column whose cells read as the column's name, type and comment: the escaping survived a renderer.
 */
function expectRendersLikeDesign(design: Design, markdown: string): void {
  const doc = render(markdown);
  const headings = [...doc.querySelectorAll('h2')].filter((h) => h.textContent !== 'Enum types');
  const tables = sortedTables(design);
  expect(headings.map((h) => h.textContent)).toEqual(tables.map((t) => displayName(design, t)));
  headings.forEach((h, i) => {
    const table = tables[i];
    if (!table || table.columns.length === 0) return;
    let el = h.nextElementSibling;
    while (el && el.tagName !== 'TABLE') el = el.nextElementSibling;
    const rows = [...(el?.querySelectorAll('tbody tr') ?? [])].map((tr) =>
      [...tr.querySelectorAll('td')].map((td) => td.textContent ?? ''),
    );
    expect(rows.map((r) => r.length)).toEqual(table.columns.map(() => 6));
    expect(rows.map((r) => [r[0], r[1], r[5]])).toEqual(
      table.columns.map((c) => [
        c.name.replace(/\r?\n/g, ' '),
        c.type.replace(/\r?\n/g, ' '),
        (c.comment ?? '').replace(/\r\n|\r|\n/g, '').trim(),
      ]),
    );
  });
}

const goldens: { name: string; design: () => Design }[] = [
  { name: 'example', design: () => exampleDocument().design },
  { name: 'nasty-names', design: loadNastyDesign },
];

describe('toMarkdown golden files', () => {
  for (const golden of goldens) {
    it(golden.name, () => {
      const design = golden.design();
      const text = toMarkdown(design);
      const path = join(EXPORT_GOLDEN_DIR, `${golden.name}.md`);
      expectGolden(path, text);
      expectRendersLikeDesign(design, text);
    });
  }
});

describe('Markdown escaping, read back by a renderer', () => {
  const textOf = (md: string) => render(md).body.textContent?.trim();

  it('free text renders as written', () => {
    for (const s of [
      'a | b',
      '*not bold*',
      '_not em_',
      '`tick`',
      '<b>x</b>',
      '&amp;',
      '# h',
      '[link](x)',
      'a\\b',
      '~~s~~',
    ]) {
      expect(textOf(mdParagraph(s))).toBe(s);
    }
    expect(textOf(mdParagraph('- not a list'))).toBe('- not a list');
    expect(textOf(mdParagraph('1. not a list'))).toBe('1. not a list');
  });

  it('code spans keep backticks and pipes, in and out of tables', () => {
    expect(textOf(mdCode('a`b', false))).toBe('a`b');
    expect(textOf(mdCode('``x', false))).toBe('``x');
    const cell = render(`| h |\n| --- |\n| ${mdCode('a|b`c')} |\n`).querySelector(
      'td',
    )?.textContent;
    expect(cell).toBe('a|b`c');
    expect(
      render(`| h |\n| --- |\n| ${mdText('x | *y*')} |\n`).querySelector('td')?.textContent,
    ).toBe('x | *y*');
  });

  it('an unescaped pipe would break the table, so the check can fail', () => {
    const cells = render('| h |\n| --- |\n| a | b |\n').querySelectorAll('td');
    expect([...cells].map((c) => c.textContent)).not.toEqual(['a | b']);
  });
});

describe('toMarkdown with subject areas', () => {
  it('lists each area with its tables, as a table a renderer reads back', () => {
    const design = exampleDocument().design;
    const md = toMarkdown({
      ...design,
      areas: [
        {
          id: 'a_1',
          name: 'Sales | *orders* 🛒',
          color: 'amber',
          tableIds: ['t_orders', 't_order_items'],
        },
        { id: 'a_2', name: 'Empty', color: 'teal', tableIds: [] },
      ],
    });
    const doc = render(md);
    const heading = [...doc.querySelectorAll('h2')].map((h) => h.textContent);
    expect(heading[0]).toBe('Subject areas');
    const rows = [...doc.querySelectorAll('table')[0]!.querySelectorAll('tbody tr')].map((tr) =>
      [...tr.querySelectorAll('td')].map((td) => td.textContent),
    );
    expect(rows).toEqual([
      ['Sales | *orders* 🛒', 'orders, order_items'],
      ['Empty', 'No tables.'],
    ]);
    expect(toMarkdown(design)).not.toContain('Subject areas');
  });
});

describe('toMarkdown on the real-world fixtures', () => {
  for (const name of FIXTURE_NAMES) {
    it(name, async () => {
      const design = await fixtureDesign(name);
      expectRendersLikeDesign(design, toMarkdown(design));
    });
  }
});

describe('toMarkdown with discussion threads', () => {
  it('lists threads under their table, open first, resolved marked, text escaped', () => {
    const design = exampleDocument().design;
    const message = (id: string, author: string, text: string) => ({
      id,
      author,
      text,
      createdAt: '2026-12-07T09:05:31.000Z',
    });
    const md = toMarkdown({
      ...design,
      threads: [
        {
          id: 'h_1',
          target: { tableId: 't_customers' },
          resolved: true,
          messages: [message('m_1', 'Ada', 'Rename to *clients*?')],
        },
        {
          id: 'h_2',
          target: { tableId: 't_customers', columnId: 'c_customers_email' },
          resolved: false,
          messages: [message('m_2', 'Bob', 'Unique | per tenant?'), message('m_3', 'Ada', 'Yes')],
        },
      ],
    });
    const doc = render(md);
    const heading = [...doc.querySelectorAll('h2')].find((h) => h.textContent === 'customers')!;
    let el = heading.nextElementSibling;
    while (el && el.tagName !== 'UL') el = el.nextElementSibling;
    const items = [...el!.querySelectorAll(':scope > li')].map((li) =>
      li.textContent!.replace(/\s+/g, ' ').trim(),
    );
    expect(items).toEqual([
      'On column email — open Bob (2026-12-07 09:05 UTC): Unique | per tenant? Ada (2026-12-07 09:05 UTC): Yes',
      'On the table — resolved Ada (2026-12-07 09:05 UTC): Rename to *clients*?',
    ]);
    expect(toMarkdown(design)).not.toContain('Discussion');
  });
});
