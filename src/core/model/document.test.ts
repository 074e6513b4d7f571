import { describe, expect, it } from 'vitest';
import {
  DOCUMENT_FORMAT,
  DOCUMENT_VERSION,
  exampleDocument,
  LAYOUT_BOUNDS,
  parseDesign,
  serializeDocument,
} from './index';

describe('parseDesign', () => {
  it('round-trips the example document through JSON', () => {
    const doc = exampleDocument();
    const parsed = parseDesign(serializeDocument(doc));
    expect(parsed).toEqual({ ok: true, value: doc });
  });

  it('keeps decoding the version-1 golden document', async () => {
    const { readFile } = await import('node:fs/promises');
    const text = await readFile(new URL('./__golden__/design-v1.json', import.meta.url), 'utf8');
    const parsed = parseDesign(text);
    expect(parsed.ok).toBe(true);
    if (parsed.ok)
      expect(Object.values(parsed.value.design.tables).map((t) => t.name)).toEqual([
        'customers',
        'orders',
      ]);
  });

  it('keeps decoding a version-1 document the studio wrote (import, saved query, disabled rule, note)', async () => {
    const { readFile } = await import('node:fs/promises');
    const text = await readFile(
      new URL('./__golden__/design-v1-studio.json', import.meta.url),
      'utf8',
    );
    const parsed = parseDesign(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const { design, layout } = parsed.value;
    expect(Object.values(design.tables).map((t) => t.name)).toEqual(['person', 'employee', 'post']);
    expect(design.queries?.map((q) => q.name)).toEqual(['Posts by author']);
    expect(design.review?.disabledRules).toEqual(['missing-table-comment']);
    expect(design.extras?.map((x) => x.kind)).toEqual(['extension', 'function', 'view']);
    expect(Object.keys(layout.notes)).toEqual(['n_golden']);
  });

  it('reads version-1 documents with the fields import added (raw objects, partitions)', async () => {
    const { readFile } = await import('node:fs/promises');
    const design = JSON.parse(
      await readFile(
        new URL('../sql/__golden__/extras-and-partitions.json', import.meta.url),
        'utf8',
      ),
    );
    const parsed = parseDesign({ format: DOCUMENT_FORMAT, version: 1, design });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const tables = Object.values(parsed.value.design.tables);
    expect(tables.filter((t) => t.partitionOf).map((t) => t.name)).toEqual([
      'invoice_2024',
      'invoice_rest',
    ]);
    expect(
      parsed.value.design.extras?.some((x) => x.kind === 'materializedView' && x.columns?.length),
    ).toBe(true);
  });

  it('refuses raw objects that belong to a missing table or repeat an id', () => {
    const doc = JSON.parse(serializeDocument(exampleDocument()));
    doc.design.extras = [
      {
        id: 'x_1',
        kind: 'trigger',
        tableId: 't_gone',
        name: 'tr',
        sql: 'CREATE TRIGGER tr ...;',
        dependsOn: [],
      },
    ];
    const missing = parseDesign(doc);
    expect(!missing.ok && missing.error.message).toMatch(
      /trigger "tr" belongs to a table that does not exist/,
    );
    doc.design.extras = [
      { id: 't_orders', kind: 'view', name: 'v', sql: 'CREATE VIEW v AS SELECT 1;', dependsOn: [] },
    ];
    const duplicate = parseDesign(doc);
    expect(!duplicate.ok && duplicate.error.message).toMatch(/used twice/);
  });

  it('refuses malformed JSON with a readable message', () => {
    const r = parseDesign('{"format": ');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/JSON is malformed/);
  });

  it('refuses things that are not designs', () => {
    for (const input of [null, 42, [], 'null', {}, { format: 'other', version: 1 }]) {
      const r = parseDesign(input);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.message).toMatch(/not a Tablewright design/);
    }
  });

  it('says when a design comes from a newer studio', () => {
    const r = parseDesign({ format: DOCUMENT_FORMAT, version: 99, design: {} });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/newer Tablewright \(format version 99/);
  });

  it('rejects prototype-pollution keys anywhere', () => {
    const doc = JSON.parse(serializeDocument(exampleDocument()));
    const text = JSON.stringify(doc).replace(
      '"tables":{',
      '"tables":{"__proto__":{"polluted":true},',
    );
    const r = parseDesign(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/forbidden key/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('rejects NaN positions, dangling references and duplicate ids', () => {
    const base = () => JSON.parse(serializeDocument(exampleDocument()));
    const nan = base();
    nan.layout.tables.t_orders.x = 'NaN';
    expect(parseDesign(nan).ok).toBe(false);
    // Infinity (as a link's JSON can only carry it: a huge literal) names the table, not its id.
    const infinite = parseDesign(
      JSON.parse(serializeDocument(exampleDocument()).replace('"x": 420', '"x": 1e999')),
    );
    expect(infinite.ok).toBe(false);
    if (!infinite.ok)
      expect(infinite.error.message).toMatch(
        /at the position of table "orders" \(layout\.tables\.t_orders\.x\)/,
      );

    const dangling = base();
    dangling.design.tables.t_orders.constraints[1].refTableId = 't_missing';
    const d = parseDesign(dangling);
    expect(d.ok).toBe(false);
    if (!d.ok)
      expect(d.error.message).toMatch(
        /foreign key on "orders" points at a table or column that does not exist/,
      );

    const dup = base();
    dup.design.tables.t_orders.columns[1].id = dup.design.tables.t_orders.columns[0].id;
    const u = parseDesign(dup);
    expect(u.ok).toBe(false);
    if (!u.ok) expect(u.error.message).toMatch(/used twice/);
  });

  it('refuses extreme but finite layout numbers, with the path, and accepts the edges of the range', () => {
    const base = () => JSON.parse(serializeDocument(exampleDocument()));
    const cases: [(doc: ReturnType<typeof base>) => void, string, RegExp][] = [
      [
        (d) => (d.layout.tables.t_orders.x = 1e308),
        'layout.tables.t_orders.x',
        /1e\+308 is outside what the canvas can show \(-1,000,000 to 1,000,000\)/,
      ],
      [
        (d) => (d.layout.tables.t_orders.y = -1_000_001),
        'layout.tables.t_orders.y',
        /-1000001 is outside/,
      ],
      [
        (d) => (d.layout.tables.t_orders.width = 1e6),
        'layout.tables.t_orders.width',
        /\(40 to 4,000\)/,
      ],
      [
        (d) => (d.layout.tables.t_orders.width = 5e-324),
        'layout.tables.t_orders.width',
        /5e-324 is outside/,
      ],
      [
        (d) => (d.layout.viewport.zoom = 5e-324),
        'layout.viewport.zoom',
        /5e-324 is outside what the canvas can show \(0.02 to 2.5\)/,
      ],
      [(d) => (d.layout.viewport.zoom = 1e6), 'layout.viewport.zoom', /\(0.02 to 2.5\)/],
      [(d) => (d.layout.viewport.x = -1e300), 'layout.viewport.x', /outside/],
      [
        (d) => (
          (d.design.notes = { n_1: { id: 'n_1', text: 'hi' } }),
          (d.layout.notes = { n_1: { x: 0, y: 1e9 } })
        ),
        'layout.notes.n_1.y',
        /outside/,
      ],
    ];
    for (const [edit, path, message] of cases) {
      const doc = base();
      edit(doc);
      const r = parseDesign(doc);
      expect(r.ok, path).toBe(false);
      if (!r.ok) {
        expect(r.error.path, path).toBe(path);
        expect(r.error.message, path).toMatch(message);
      }
      // One's own stored design is never made impossible to open: the value is brought into range.
      const stored = parseDesign(doc, { clampLayout: true });
      expect(stored.ok, `stored ${path}`).toBe(true);
      if (stored.ok) {
        const l = stored.value.layout;
        const numbers = [
          l.viewport.x,
          l.viewport.y,
          l.viewport.zoom,
          ...Object.values(l.tables).flatMap((t) => [t.x, t.y, t.width ?? 260]),
          ...Object.values(l.notes).flatMap((n) => [n.x, n.y]),
        ];
        expect(
          numbers.every((n) => Math.abs(n) <= LAYOUT_BOUNDS.viewportOffset),
          `stored ${path}`,
        ).toBe(true);
        expect(l.viewport.zoom).toBeGreaterThanOrEqual(LAYOUT_BOUNDS.zoom.min);
      }
    }
    const edges = base();
    Object.assign(edges.layout.tables.t_orders, {
      x: -LAYOUT_BOUNDS.position,
      y: LAYOUT_BOUNDS.position,
      width: LAYOUT_BOUNDS.width.min,
    });
    edges.layout.viewport = {
      x: LAYOUT_BOUNDS.viewportOffset,
      y: -LAYOUT_BOUNDS.viewportOffset,
      zoom: LAYOUT_BOUNDS.zoom.min,
    };
    expect(parseDesign(edges).ok).toBe(true);
    edges.layout.viewport.zoom = LAYOUT_BOUNDS.zoom.max;
    edges.layout.tables.t_orders.width = LAYOUT_BOUNDS.width.max;
    expect(parseDesign(edges).ok).toBe(true);
    // A stale entry is dropped, not judged: it draws nothing.
    const stale = base();
    stale.layout.tables.t_gone = { x: 1e308, y: 0 };
    expect(parseDesign(stale).ok).toBe(true);
  });

  it('tolerates a missing layout and drops layout entries of tables that no longer exist', () => {
    const doc = JSON.parse(serializeDocument(exampleDocument()));
    delete doc.layout;
    const r = parseDesign(doc);
    expect(r.ok && r.value.layout.tables).toEqual({});
    const stale = JSON.parse(serializeDocument(exampleDocument()));
    stale.layout.tables.t_gone = { x: 1, y: 2 };
    const s = parseDesign(stale);
    expect(s.ok && 't_gone' in s.value.layout.tables).toBe(false);
  });

  it('keeps routed lines (optional, same format version), drops those of gone keys, refuses bad ones', () => {
    const doc = JSON.parse(serializeDocument(exampleDocument()));
    const key = Object.values(
      doc.design.tables as Record<string, { constraints: { id: string; kind: string }[] }>,
    )
      .flatMap((t) => t.constraints)
      .find((k) => k.kind === 'foreignKey')!.id;
    doc.layout.routes = {
      [key]: { points: [0, 10, 40, 10, 40, 90, 80, 90] },
      k_gone: { points: [0, 0, 10, 0] },
    };
    const r = parseDesign(doc);
    expect(r.ok && r.value.layout.routes).toEqual({
      [key]: { points: [0, 10, 40, 10, 40, 90, 80, 90] },
    });
    expect(r.ok && r.value.version).toBe(DOCUMENT_VERSION);
    for (const points of [
      [0, 10, 40],
      [0, 1],
      [0, 0, Number.NaN, 0],
      [0, 0, 5e6, 0],
    ]) {
      doc.layout.routes = { [key]: { points } };
      const bad = parseDesign(JSON.parse(JSON.stringify(doc)));
      expect(bad.ok).toBe(false);
      expect(!bad.ok && bad.error.path).toContain(`layout.routes.${key}.points`);
    }
  });

  it('points at the damaged field', () => {
    const doc = JSON.parse(serializeDocument(exampleDocument()));
    doc.design.tables.t_orders.columns[0].type = 7;
    const r = parseDesign(doc);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.path).toBe('design.tables.t_orders.columns.0.type');
  });
});
