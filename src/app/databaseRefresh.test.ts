import { describe, expect, it } from 'vitest';
import { exampleDocument, makeDocument, emptyLayout, serializeDocument } from '../core/model';
import { createStudioStore } from '../state/store';
import { createDatabaseRefresh } from './databaseRefresh';
import type { ReadSql } from './importer';

// Design files need no database; SQL readings are covered by the e2e spec (real PGlite).
const noSql: ReadSql = () => {
  throw new Error('a design file must not be read as SQL');
};

describe('Update from database with a pulled design file', () => {
  it('previews, then applies as one undo step that keeps the layout', async () => {
    const store = createStudioStore(exampleDocument());
    const refresh = createDatabaseRefresh({ store, readSql: noSql });
    const before = store.getState();
    // What `tablewright pull` writes: the same database, laid out at the origin, one table less.
    const pulled = structuredClone(before.design);
    const addresses = Object.values(pulled.tables).find((t) => t.name === 'addresses');
    if (!addresses) throw new Error('the example has addresses');
    delete pulled.tables[addresses.id];
    for (const t of Object.values(pulled.tables))
      t.constraints = t.constraints.filter(
        (k) => k.kind !== 'foreignKey' || k.refTableId !== addresses.id,
      );
    const text = serializeDocument(makeDocument({ ...pulled, name: 'pulled' }, emptyLayout()));

    const preview = await refresh.preview(text, 'pulled.json', () => undefined);
    if (!preview.ok) throw new Error(preview.error.message);
    expect(preview.value.summary.removed).toEqual(['public.addresses']);
    expect(preview.value.summary.added).toEqual([]);
    // Nothing changes before the person confirms.
    expect(store.getState().design).toBe(before.design);

    refresh.apply(preview.value);
    const after = store.getState();
    expect(Object.values(after.design.tables).map((t) => t.name)).not.toContain('addresses');
    expect(after.design.name).toBe(before.design.name);
    for (const id of Object.keys(after.design.tables))
      expect(after.layout.tables[id]).toEqual(before.layout.tables[id]);
    expect(after.history.past.length).toBe(before.history.past.length + 1);
    store.getState().undo();
    expect(store.getState().design).toEqual(before.design);
  });

  it('says what it reads when given something else, and an empty reading is refused', async () => {
    const store = createStudioStore(exampleDocument());
    const refresh = createDatabaseRefresh({ store, readSql: noSql });
    const dbml = await refresh.preview('Table a {\n id int\n}', 'a.dbml', () => undefined);
    expect(dbml).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('pg_dump --schema-only') },
    });
    const empty = serializeDocument(
      makeDocument({ ...store.getState().design, tables: {}, extras: [] }, emptyLayout()),
    );
    expect(await refresh.preview(empty, 'x.json', () => undefined)).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('has no table') },
    });
  });
});
