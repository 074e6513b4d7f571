import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  DOCUMENT_FORMAT,
  DOCUMENT_VERSION,
  exampleDocument,
  parseDesign,
  serializeDocument,
  type Design,
} from './index';

const golden = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(`./__golden__/${name}`, import.meta.url), 'utf8')) as Record<
    string,
    unknown
  >;

function parsedDesign(input: unknown): Design {
  const parsed = parseDesign(input);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value.design;
}

describe('format version 1 -> 2', () => {
  it('is the version this build writes', () => {
    expect(DOCUMENT_VERSION).toBe(3);
    expect(exampleDocument().version).toBe(3);
  });

  it('fills every field version 1 could leave out with its empty value', () => {
    const v1 = golden('design-v1.json');
    const design = parsedDesign(v1);
    expect(design.extras).toEqual([]);
    expect(design.review).toEqual({ disabledRules: [] });
    expect(design.queries).toEqual([]);
    for (const t of Object.values(design.tables)) {
      expect(t.inherits, t.name).toEqual([]);
      expect(t.storageParameters, t.name).toEqual([]);
      for (const k of t.constraints) {
        if (k.kind === 'primaryKey' || k.kind === 'unique') expect(k.include, k.id).toEqual([]);
        // Only keys carry INCLUDE: a foreign key is left as it was.
        else expect('include' in k, k.id).toBe(false);
      }
    }
    // The input is not changed in place: it still reads as the version-1 document it was.
    expect(v1.version).toBe(1);
    expect('extras' in (v1.design as object)).toBe(false);
  });

  it('keeps what a version-1 document did hold', () => {
    const design = parsedDesign(golden('design-v1-studio.json'));
    const byName = new Map(Object.values(design.tables).map((t) => [t.name, t]));
    const person = byName.get('person');
    expect(person?.storageParameters).toEqual(['fillfactor=70']);
    expect(byName.get('employee')?.inherits).toEqual([person?.id]);
    const pk = person?.constraints.find((k) => k.kind === 'primaryKey');
    expect(pk?.kind === 'primaryKey' && pk.include.length).toBe(1);
    expect(design.review.disabledRules).toEqual(['missing-table-comment']);
    expect(design.queries.map((q) => q.name)).toEqual(['Posts by author']);
    const deps = Object.fromEntries(design.extras.map((x) => [x.kind, x.dependsOn.length]));
    expect(deps).toEqual({ extension: 0, function: 0, view: 2 });
  });

  it('writes the current version, which reads back unchanged', () => {
    const first = parseDesign(golden('design-v1-studio.json'));
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    const text = serializeDocument(first.value);
    expect(JSON.parse(text).version).toBe(DOCUMENT_VERSION);
    expect(parseDesign(text)).toEqual(first);
  });

  it('refuses a version-2 document without a field version 2 requires, with the path', () => {
    for (const [edit, path] of [
      [(d: Record<string, unknown>) => delete d.queries, 'design.queries'],
      [(d: Record<string, unknown>) => delete d.review, 'design.review'],
      [
        (d: Record<string, unknown>) =>
          delete (d.tables as Record<string, Record<string, unknown>>).t_orders?.inherits,
        'design.tables.t_orders.inherits',
      ],
    ] as const) {
      const doc = JSON.parse(serializeDocument(exampleDocument()));
      edit(doc.design);
      const r = parseDesign(doc);
      expect(r.ok, path).toBe(false);
      if (!r.ok) expect(r.error.path, path).toBe(path);
    }
  });

  it('leaves a damaged version-1 document for the schema to refuse, without throwing', () => {
    for (const design of [7, [], { tables: 7 }, { tables: { t: 7 } }, { extras: 'x' }]) {
      const r = parseDesign({ format: DOCUMENT_FORMAT, version: 1, design });
      expect(r.ok, JSON.stringify(design)).toBe(false);
      if (!r.ok) expect(r.error.message).toMatch(/damaged/);
    }
  });
});

describe('format version 2 -> 3', () => {
  it('opens a version-2 document the studio wrote, with no subject areas or threads and nothing else changed', () => {
    const v2 = golden('design-v2.json');
    const parsed = parseDesign(v2);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.version).toBe(3);
    expect(parsed.value.design.areas).toEqual([]);
    expect(parsed.value.design.threads).toEqual([]);
    const { areas: _none, threads: _noThreads, ...rest } = parsed.value.design;
    expect(rest).toEqual(v2.design);
    expect(parsed.value.layout).toEqual(v2.layout);
    expect('areas' in (v2.design as object)).toBe(false);
    expect('threads' in (v2.design as object)).toBe(false);
  });

  it('reads areas written by version 3 back unchanged, names in any script', () => {
    const doc = JSON.parse(serializeDocument(exampleDocument()));
    const areas = [
      {
        id: 'a_1',
        name: 'Ventes “clients” 🛒',
        color: 'amber',
        tableIds: ['t_orders', 't_customers'],
      },
      { id: 'a_2', name: '目录 "catalog"', color: 'teal', tableIds: [] },
    ];
    doc.design.areas = areas;
    const r = parseDesign(JSON.stringify(doc));
    expect(r.ok && r.value.design.areas).toEqual(areas);
  });

  it('refuses an area of the wrong shape with its path', () => {
    for (const [area, path] of [
      [{ id: 'a_1', name: '', color: 'blue', tableIds: [] }, 'design.areas.0.name'],
      [{ id: 'a_1', name: 'x', color: 'hotpink', tableIds: [] }, 'design.areas.0.color'],
      [{ id: 'a_1', name: 'x'.repeat(201), color: 'blue', tableIds: [] }, 'design.areas.0.name'],
      [{ id: 'a_1', name: 'x', color: 'blue' }, 'design.areas.0.tableIds'],
    ] as const) {
      const doc = JSON.parse(serializeDocument(exampleDocument()));
      doc.design.areas = [area];
      const r = parseDesign(doc);
      expect(r.ok, path).toBe(false);
      if (!r.ok) expect(r.error.path, path).toBe(path);
    }
    const doc = JSON.parse(serializeDocument(exampleDocument()));
    doc.design.areas = Array.from({ length: 501 }, (_, i) => ({
      id: `a_${i}`,
      name: 'x',
      color: 'blue',
      tableIds: [],
    }));
    expect(parseDesign(doc).ok).toBe(false);
  });
});
