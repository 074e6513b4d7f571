import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { emptyLayout, exampleDocument, makeDocument, type DesignDocument } from '../model';
import { generateDdl } from '../sql';
import { designRecipe } from '../../test/catalog/arbitraries';
import { buildDesign } from '../../test/catalog/buildDesign';
import { toBase64Url } from './base64url';
import {
  COMFORTABLE_LINK_CHARS,
  decodeShare,
  encodeShare,
  LINK_FORMAT,
  linkReach,
  MAX_INFLATED_BYTES,
  MAX_LINK_CHARS,
  MAX_OPENABLE_LINK_CHARS,
  shareLink,
  sharePayload,
} from './codec';
import { pack, type Json } from './pack';
import { layoutForTest } from './testLayout';
import { propertyParameters } from '../../test/propertySeed';

/** Structure modulo ids: packing numbers ids in order of appearance, so equal designs pack equal. */
// Field order is the writer's (zod's is the schema's); records keyed by id keep their order.
const RECORDS = new Set(['schemas', 'enums', 'tables', 'notes']);
const sortKeys = (v: unknown, key = ''): unknown => {
  if (Array.isArray(v)) return v.map((x) => sortKeys(x));
  if (!v || typeof v !== 'object') return v;
  const keys = RECORDS.has(key) ? Object.keys(v) : Object.keys(v).sort();
  return Object.fromEntries(
    keys.map((k) => [k, sortKeys((v as Record<string, unknown>)[k], RECORDS.has(key) ? '' : k)]),
  );
};
const shape = (doc: DesignDocument) =>
  JSON.stringify(pack(sortKeys(JSON.parse(JSON.stringify(doc))) as Json));

function decodeOk(payload: string): DesignDocument {
  const r = decodeShare(payload);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** A payload from raw JSON text, as a hostile link maker would write it. */
/** Two subject areas over a design's tables (alternating), so random designs carry some. */
function withTestAreas(design: DesignDocument['design']): { design: DesignDocument['design'] } {
  const ids = Object.keys(design.tables);
  if (ids.length < 2) return { design };
  const areas = [0, 1].map((part) => ({
    id: `a_part${part}`,
    name: part ? 'Écrit "deux" ✍️' : 'one',
    color: part ? ('green' as const) : ('blue' as const),
    tableIds: ids.filter((_, i) => i % 2 === part),
  }));
  return { design: { ...design, areas } };
}

const craft = (json: string, version = LINK_FORMAT) =>
  `v${version}.${toBase64Url(deflateSync(new TextEncoder().encode(json)))}`;

describe('share link codec', () => {
  it('round-trips random designs with their layout (property)', () => {
    fc.assert(
      fc.property(designRecipe, (recipe) => {
        const { design } = withTestAreas(buildDesign(recipe, new Set()).design);
        const doc = makeDocument(design, layoutForTest(design, emptyLayout()));
        const back = decodeOk(encodeShare(doc));
        expect(shape(back)).toBe(shape(doc));
        expect(generateDdl(back.design).text).toBe(generateDdl(design).text);
      }),
      propertyParameters({ numRuns: 150 }),
    );
  });

  it('carries subject areas: names as typed, tables by their fresh ids', () => {
    const doc = exampleDocument();
    const name = "Ventes “clients” '🛒' <b>&";
    const areas = [
      { id: 'a_sales', name, color: 'amber' as const, tableIds: ['t_orders', 't_customers'] },
      { id: 'a_empty', name: '空', color: 'teal' as const, tableIds: [] },
    ];
    const back = decodeOk(encodeShare({ ...doc, design: { ...doc.design, areas } }));
    expect(back.design.areas.map((a) => [a.name, a.color])).toEqual([
      [name, 'amber'],
      ['空', 'teal'],
    ]);
    const tableNames = back.design.areas[0]!.tableIds.map((id) => back.design.tables[id]?.name);
    expect(tableNames).toEqual(['orders', 'customers']);
    expect(back.design.areas[0]!.id).not.toBe('a_sales');
    expect(back.design.areas[0]!.id).toMatch(/^a_/);
  });

  it('refuses a link whose area names a table it does not carry', () => {
    const doc = exampleDocument();
    const areas = [{ id: 'a_x', name: 'x', color: 'blue', tableIds: ['t_nothere000'] }];
    const json = JSON.stringify({ ...doc, design: { ...doc.design, areas } });
    const r = decodeShare(craft(json, 1));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.kind).toBe('invalid');
      expect(r.error.message).toMatch(/subject area "x" names a table that does not exist/);
    }
  });

  it('gives the opened design fresh ids, consistent everywhere', () => {
    const doc = exampleDocument();
    const back = decodeOk(encodeShare(doc));
    const ids = Object.keys(back.design.tables);
    expect(ids.some((id) => doc.design.tables[id])).toBe(false);
    expect(Object.keys(back.layout.tables).sort()).toEqual([...ids].sort());
  });

  it('keeps names that look like ids or short ids as names', () => {
    const doc = exampleDocument();
    const [first] = Object.values(doc.design.tables);
    const renamed: DesignDocument = {
      ...doc,
      design: {
        ...doc.design,
        tables: {
          ...doc.design.tables,
          [first!.id]: { ...first!, name: 't1', comment: 'c_abcdefghij' },
        },
      },
    };
    const back = decodeOk(encodeShare(renamed));
    const names = Object.values(back.design.tables).map((t) => t.name);
    expect(names).toContain('t1');
    expect(Object.values(back.design.tables).find((t) => t.name === 't1')?.comment).toBe(
      'c_abcdefghij',
    );
  });

  it('builds links and reads them back from a location hash or a whole URL', () => {
    const doc = exampleDocument();
    const link = shareLink('https://studio.example/#old', doc);
    expect(link.startsWith('https://studio.example/#design=v2.')).toBe(true);
    expect(sharePayload(new URL(link).hash)).toBe(encodeShare(doc));
    expect(shape(decodeOk(link))).toBe(shape(doc));
    expect(sharePayload('#something-else')).toBeUndefined();
  });

  it('keeps opening links of the first format (golden v1 link)', () => {
    const v1 = readFileSync(new URL('./__golden__/link-v1.txt', import.meta.url), 'utf8').trim();
    const doc = decodeOk(v1);
    expect(
      Object.values(doc.design.tables)
        .map((t) => t.name)
        .sort(),
    ).toEqual(['addresses', 'customers', 'order_items', 'orders', 'products']);
  });
});

describe('broken and hostile links get a message and no design', () => {
  const payload = encodeShare(exampleDocument());
  const expectRefused = (input: string, kind: string, text: RegExp) => {
    const r = decodeShare(input);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.kind).toBe(kind);
      expect(r.error.message).toMatch(text);
    }
  };

  it('truncated', () => {
    expectRefused(
      payload.slice(0, Math.floor(payload.length * 0.6)),
      'truncated',
      /cut off|damaged/,
    );
    expectRefused('v2.', 'truncated', /cut off/);
  });
  it('corrupted', () => {
    expectRefused(
      payload.slice(0, 40) + '!!*' + payload.slice(43),
      'corrupted',
      /characters a share link never has/,
    );
    const flipped = payload.slice(0, 60) + (payload[60] === 'A' ? 'B' : 'A') + payload.slice(61);
    const r = decodeShare(flipped);
    expect(r.ok).toBe(false);
    expectRefused('hello', 'corrupted', /not a Tablewright share link/);
    expectRefused(craft('{"format":'), 'corrupted', /not a readable design/);
    expectRefused(
      `v2.${toBase64Url(deflateSync(new Uint8Array([0xff, 0xfe, 0xfd])))}`,
      'corrupted',
      /not valid text/,
    );
  });
  it('a newer format says so', () => {
    expectRefused(
      'v9.' + payload.slice(3),
      'newer',
      /newer Tablewright \(link format 9; this one reads up to 2\)/,
    );
  });
  it('a decompression bomb is stopped at the cap', () => {
    const bomb = deflateSync(new Uint8Array(MAX_INFLATED_BYTES + 4 * 1024 * 1024), { level: 9 });
    expect(bomb.length).toBeLessThan(100_000);
    expectRefused(`v2.${toBase64Url(bomb)}`, 'tooLarge', /more than 32 MB/);
    expectRefused('v2.' + 'A'.repeat(8_000_001), 'tooLarge', /characters long/);
  });
  it('prototype-pollution keys are refused and pollute nothing', () => {
    const doc = JSON.parse(JSON.stringify(exampleDocument())) as {
      design: Record<string, unknown>;
    };
    for (const key of ['__proto__', 'constructor']) {
      const json = JSON.stringify(doc).replace(
        '"design":{',
        `"design":{"${key}":{"polluted":true},`,
      );
      expectRefused(craft(json, 1), 'invalid', /forbidden key/);
      expectRefused(craft(json, 2), 'invalid', /forbidden key/);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
  it('absurd values: NaN positions, dangling references, duplicate ids', () => {
    const doc = exampleDocument();
    const [tid] = Object.keys(doc.design.tables);
    const nan = JSON.stringify(doc).replace(`"${tid}":{"x":`, `"${tid}":{"x":1e999,"y0":`);
    expectRefused(craft(nan, 1), 'invalid', /cannot be opened/);
    const dangling = JSON.stringify(doc).replace(
      /"refTableId":"[^"]+"/,
      '"refTableId":"t_nothere000"',
    );
    expectRefused(craft(dangling, 1), 'invalid', /cannot be opened/);
    const t = Object.values(doc.design.tables);
    const dup = JSON.stringify(doc).replaceAll(t[1]!.columns[0]!.id, t[0]!.columns[0]!.id);
    expectRefused(craft(dup, 1), 'invalid', /cannot be opened/);
  });
  it('extreme but finite numbers: a position of 1e308, a zoom of 5e-324, a width of 1e300', () => {
    const doc = exampleDocument();
    const [tid] = Object.keys(doc.design.tables);
    const far = {
      ...doc,
      layout: { ...doc.layout, tables: { ...doc.layout.tables, [tid!]: { x: 1e308, y: 0 } } },
    };
    expectRefused(
      craft(JSON.stringify(far), 1),
      'invalid',
      new RegExp(`damaged at layout\\.tables\\.${tid}\\.x: 1e\\+308 is outside`),
    );
    const tiny = { ...doc, layout: { ...doc.layout, viewport: { x: 0, y: 0, zoom: 5e-324 } } };
    expectRefused(
      craft(JSON.stringify(tiny), 1),
      'invalid',
      /layout\.viewport\.zoom: 5e-324 is outside what the canvas can show \(0\.02 to 2\.5\)/,
    );
    const wide = {
      ...doc,
      layout: {
        ...doc.layout,
        tables: { ...doc.layout.tables, [tid!]: { x: 0, y: 0, width: 1e300 } },
      },
    };
    expectRefused(craft(JSON.stringify(wide), 1), 'invalid', /width: 1e\+300 is outside/);
    // Packed (v2) links go through the same door.
    expectRefused(encodeShare(tiny), 'invalid', /layout\.viewport\.zoom/);
  });

  it("names the lengths a link can have: refused past Chromium's 2 MB, warned past 32,000", () => {
    expect(MAX_OPENABLE_LINK_CHARS).toBe(2_097_152);
    expect(linkReach(COMFORTABLE_LINK_CHARS)).toBe('anywhere');
    expect(linkReach(COMFORTABLE_LINK_CHARS + 1)).toBe('browsersOnly');
    expect(linkReach(MAX_OPENABLE_LINK_CHARS)).toBe('browsersOnly');
    expect(linkReach(MAX_OPENABLE_LINK_CHARS + 1)).toBe('tooLong');
    expect(MAX_OPENABLE_LINK_CHARS).toBeLessThan(MAX_LINK_CHARS);
  });
});

describe('share links carry the review discussion', () => {
  it('threads on a table and a column come back with their messages, targets by fresh ids', () => {
    const doc = exampleDocument();
    const threads = [
      {
        id: 'h_1',
        target: { tableId: 't_customers', columnId: 'c_customers_email' },
        resolved: true,
        messages: [
          {
            id: 'm_1',
            author: 'Ada “A”',
            text: 'Unique?\n<b>yes</b>',
            createdAt: '2026-12-07T09:00:00.000Z',
          },
          {
            id: 'm_2',
            author: 'Bob',
            text: 'Per tenant 🛒',
            createdAt: '2026-12-07T09:01:00.000Z',
          },
        ],
      },
      {
        id: 'h_2',
        target: { tableId: 't_orders' },
        resolved: false,
        messages: [{ id: 'm_3', author: 'Ada', text: 'ok', createdAt: '2026-12-07T09:02:00.000Z' }],
      },
    ];
    const back = decodeOk(encodeShare({ ...doc, design: { ...doc.design, threads } }));
    const [first, second] = back.design.threads;
    expect(first?.resolved).toBe(true);
    expect(first?.messages.map((m) => [m.author, m.text, m.createdAt])).toEqual(
      threads[0]!.messages.map((m) => [m.author, m.text, m.createdAt]),
    );
    const customers = back.design.tables[first!.target.tableId];
    expect(customers?.name).toBe('customers');
    expect(customers?.columns.find((c) => c.id === first!.target.columnId)?.name).toBe('email');
    expect(back.design.tables[second!.target.tableId]?.name).toBe('orders');
    expect(second?.target.columnId).toBeUndefined();
    expect(first?.id).toMatch(/^h_/);
    expect(first?.messages[0]?.id).toMatch(/^m_/);
  });

  it('refuses a link whose thread is about a table it does not carry', () => {
    const doc = exampleDocument();
    const threads = [
      {
        id: 'h_1',
        target: { tableId: 't_nothere000' },
        resolved: false,
        messages: [{ id: 'm_1', author: 'Ada', text: 'hm', createdAt: '2026-12-07T09:00:00.000Z' }],
      },
    ];
    const r = decodeShare(craft(JSON.stringify({ ...doc, design: { ...doc.design, threads } }), 1));
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.error.message).toMatch(/discussion “hm” is about something that does not exist/);
  });
});
