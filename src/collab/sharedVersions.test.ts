import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { exampleDocument } from '../core/model';
import {
  addSharedVersion,
  DEFAULT_VERSION_LIMITS,
  listSharedVersions,
  loadSharedVersion,
  onlyVersionsChanged,
  packVersion,
  removeSharedVersion,
  sharedVersionsCheck,
  VERSIONS,
} from './sharedVersions';

const ann = { name: 'Ann', colour: '#0090ff' };
const version = (id: string, name = 'v1', savedAt = 1000) => ({
  id,
  name,
  savedBy: ann,
  savedAt,
  doc: exampleDocument(),
});
const stored = (data: Uint8Array, extra: Record<string, unknown> = {}) => ({
  v: 1,
  name: 'n',
  by: 'Mallory',
  colour: '#e5484d',
  at: 1,
  tables: 1,
  data,
  ...extra,
});

describe('shared versions in the room’s document', () => {
  it('are added, listed newest first, opened as the design they keep, and removed', () => {
    const doc = new Y.Doc();
    expect(addSharedVersion(doc, version('x_one', 'First', 1000)).ok).toBe(true);
    expect(addSharedVersion(doc, version('x_two', '  Second  ', 2000)).ok).toBe(true);
    expect(listSharedVersions(doc).map((v) => [v.name, v.savedBy.name])).toEqual([
      ['Second', 'Ann'],
      ['First', 'Ann'],
    ]);
    const opened = loadSharedVersion(doc, 'x_one');
    expect(opened.ok && opened.value.doc.design).toEqual(exampleDocument().design);
    removeSharedVersion(doc, 'x_one');
    expect(listSharedVersions(doc).map((v) => v.id)).toEqual(['x_two']);
    expect(loadSharedVersion(doc, 'x_one')).toEqual({
      ok: false,
      error: 'This version is no longer in the room.',
    });
  });

  it('are kept compressed', () => {
    const doc = new Y.Doc();
    const added = addSharedVersion(doc, version('x_one'));
    const json = JSON.stringify(exampleDocument()).length;
    expect(added.ok && added.value.bytes).toBeLessThan(json / 2);
  });

  it('are refused when unnamed, too large, or past the room’s budget for versions', () => {
    const doc = new Y.Doc();
    expect(addSharedVersion(doc, version('x_a', '   '))).toEqual({
      ok: false,
      error: 'A shared version needs a name.',
    });
    const size = packVersion(exampleDocument()).length;
    const tight = { ...DEFAULT_VERSION_LIMITS, maxVersionBytes: size - 1 };
    const big = addSharedVersion(doc, version('x_b'), tight);
    expect(!big.ok && big.error).toMatch(/more than the \d+ KB a shared version may take/);
    const budget = { ...DEFAULT_VERSION_LIMITS, maxTotalBytes: size * 2 + 1 };
    expect(addSharedVersion(doc, version('x_c'), budget).ok).toBe(true);
    expect(addSharedVersion(doc, version('x_d'), budget).ok).toBe(true);
    const over = addSharedVersion(doc, version('x_e'), budget);
    expect(!over.ok && over.error).toMatch(/Delete an old shared version first\.$/);
    expect(listSharedVersions(doc)).toHaveLength(2);
  });

  it('a check refuses what is not a valid version, and passes valid ones', () => {
    const check = sharedVersionsCheck({ ...DEFAULT_VERSION_LIMITS, maxInflatedBytes: 100_000 });
    const doc = new Y.Doc();
    expect(check(doc)).toBeUndefined();
    addSharedVersion(doc, version('x_ok'));
    expect(check(doc)).toBeUndefined();
    const versions = doc.getMap(VERSIONS);
    const cases: [unknown, RegExp][] = [
      ['a string', /not laid out as a version/],
      [stored(new Uint8Array([1, 2, 3])), /does not decode|cut off/],
      [stored(deflateSync(new Uint8Array(1_000_000))), /expands to more than/],
      [stored(deflateSync(new TextEncoder().encode('{"tables": 5}'))), /design is not valid/],
      [stored(packVersion(exampleDocument()), { colour: 'red' }), /colour is not a colour/],
      [stored(packVersion(exampleDocument()), { name: 'x'.repeat(201) }), /longer than 200/],
      [stored(packVersion(exampleDocument()), { v: 2 }), /format this studio does not read/],
    ];
    for (const [value, message] of cases) {
      versions.set('x_bad', value);
      expect(check(doc)).toMatch(message);
      versions.delete('x_bad');
    }
    versions.set('bad id!', stored(packVersion(exampleDocument())));
    expect(check(doc)).toMatch(/an id no version has/);
    versions.delete('bad id!');
    const small = sharedVersionsCheck({ ...DEFAULT_VERSION_LIMITS, maxVersionBytes: 100 });
    versions.set('x_big', stored(packVersion(exampleDocument())));
    expect(small(doc)).toMatch(/is over the 1 KB a version may take/);
  });

  it('tells a transaction that changed only versions from a design change', () => {
    const doc = new Y.Doc();
    const seen: boolean[] = [];
    doc.on('afterTransaction', (tr: Y.Transaction) => seen.push(onlyVersionsChanged(tr)));
    addSharedVersion(doc, version('x_one'));
    doc.getMap('design').set('name', 'x');
    expect(seen).toEqual([true, false]);
  });
});
