import { describe, expect, it } from 'vitest';
import { buildDesign } from '../../test/migrationArbitraries';
import { deepEqual, shareUnchanged } from './shareUnchanged';

const recipe = [0, 1, 2].map(() => ({
  columns: [{ type: 2, nullable: true, defaulted: false }],
  pkNamed: true,
  uniques: [],
  indexes: [],
  fks: [],
}));

describe('shareUnchanged', () => {
  it('keeps the previous object of every unchanged table and only those; the result equals next', () => {
    const prev = buildDesign(recipe).design;
    const next = structuredClone(prev);
    const [changedId, keptId] = Object.keys(next.tables) as [string, string];
    next.tables[changedId]!.name = 'renamed';
    const shared = shareUnchanged(prev, next);
    expect(shared).toEqual(next);
    expect(shared.tables[keptId]).toBe(prev.tables[keptId]);
    expect(shared.tables[changedId]).not.toBe(prev.tables[changedId]);
    expect(shared.tables[changedId]!.name).toBe('renamed');
  });

  it('compares plain data as JSON does: key order and undefined keys do not matter', () => {
    expect(deepEqual({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1, d: undefined })).toBe(
      true,
    );
    expect(deepEqual({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
    expect(deepEqual({ a: 1 }, { a: '1' })).toBe(false);
  });
});
