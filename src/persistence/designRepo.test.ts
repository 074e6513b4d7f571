import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDesignRepo, type DesignChange } from './designRepo';
import { DB_VERSION } from './records';
import { freshIndexedDB, openTestRepo, sampleDoc } from './test/helpers';

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

function expectOk<T, E>(r: { ok: true; value: T } | { ok: false; error: E }): T {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.error)}`);
  return r.value;
}

describe('designRepo', () => {
  it('round-trips a document through create, load, save', async () => {
    const repo = await openTestRepo();
    const doc = sampleDoc('Shop', 3);
    expect(expectOk(await repo.create(doc))).toEqual({ id: doc.design.id, revision: 1 });

    const loaded = expectOk(await repo.load(doc.design.id));
    expect(loaded.doc).toEqual(doc);
    expect(loaded.revision).toBe(1);
    expect(loaded.meta).toMatchObject({
      id: doc.design.id,
      name: 'Shop',
      tableCount: 3,
      revision: 1,
    });

    const edited = { ...doc, design: { ...doc.design, name: 'Shop v2' } };
    expect(expectOk(await repo.save(edited, { baseRevision: 1 }))).toEqual({ revision: 2 });
    const reloaded = expectOk(await repo.load(doc.design.id));
    expect(reloaded.doc.design.name).toBe('Shop v2');
    expect(reloaded.meta.name).toBe('Shop v2');
    expect(reloaded.revision).toBe(2);
  });

  it('lists metas newest first, without deleted ones unless asked', async () => {
    let clock = 1000;
    const repo = await openTestRepo(freshIndexedDB(), () => clock);
    const a = sampleDoc('A', 1);
    const b = sampleDoc('B', 2);
    const c = sampleDoc('C', 0);
    await repo.create(a);
    clock = 2000;
    await repo.create(b);
    clock = 3000;
    await repo.create(c);
    clock = 4000;
    await repo.save(a, { baseRevision: 1 });

    expect(expectOk(await repo.list()).map((m) => m.name)).toEqual(['A', 'C', 'B']);
    expect(expectOk(await repo.list())[0]).toEqual({
      id: a.design.id,
      name: 'A',
      revision: 2,
      createdAt: 1000,
      updatedAt: 4000,
      tableCount: 1,
    });

    clock = 5000;
    expectOk(await repo.softDelete(c.design.id));
    expect(expectOk(await repo.list()).map((m) => m.name)).toEqual(['A', 'B']);
    const all = expectOk(await repo.list({ includeDeleted: true }));
    expect(all.map((m) => m.name)).toEqual(['A', 'C', 'B']);
    expect(all.find((m) => m.name === 'C')?.deletedAt).toBe(5000);
  });

  it('renames in the document and the meta, bumping the revision', async () => {
    const repo = await openTestRepo();
    const doc = sampleDoc('Old');
    await repo.create(doc);
    expect(expectOk(await repo.rename(doc.design.id, '  New name '))).toEqual({ revision: 2 });
    const loaded = expectOk(await repo.load(doc.design.id));
    expect(loaded.doc.design.name).toBe('New name');
    expect(expectOk(await repo.list())[0]?.name).toBe('New name');
    expect((await repo.rename('d_missing', 'x')).ok).toBe(false);
  });

  it('duplicates under a new design id, leaving the original alone', async () => {
    const repo = await openTestRepo();
    const doc = sampleDoc('Shop', 2);
    await repo.create(doc);
    const copy = expectOk(await repo.duplicate(doc.design.id));
    expect(copy.id).not.toBe(doc.design.id);
    const loadedCopy = expectOk(await repo.load(copy.id));
    expect(loadedCopy.doc.design.id).toBe(copy.id);
    expect(loadedCopy.doc.design.name).toBe('Shop (copy)');
    expect(loadedCopy.doc.design.tables).toEqual(doc.design.tables);
    expect(expectOk(await repo.load(doc.design.id)).doc).toEqual(doc);

    const named = expectOk(await repo.duplicate(doc.design.id, 'Shop staging'));
    expect(expectOk(await repo.load(named.id)).meta.name).toBe('Shop staging');
    expect(expectOk(await repo.list())).toHaveLength(3);
  });

  it('soft-deletes, restores and purges', async () => {
    const repo = await openTestRepo();
    const doc = sampleDoc();
    const id = doc.design.id;
    await repo.create(doc);
    await repo.setSession({ lastDesignId: id });
    await repo.setDesignUiState(id, { selection: ['t_0'] });

    expectOk(await repo.softDelete(id));
    expect(expectOk(await repo.list())).toEqual([]);
    expect(expectOk(await repo.load(id)).meta.deletedAt).toBeTypeOf('number');
    expectOk(await repo.restore(id));
    expect(expectOk(await repo.list()).map((m) => m.id)).toEqual([id]);
    expect(expectOk(await repo.load(id)).meta.deletedAt).toBeUndefined();

    expectOk(await repo.purge(id));
    expect(expectOk(await repo.list({ includeDeleted: true }))).toEqual([]);
    const gone = await repo.load(id);
    expect(gone.ok ? undefined : gone.error.kind).toBe('notFound');
    expect(await repo.getSession()).toEqual({});
    expect(await repo.getDesignUiState(id)).toEqual({ selection: [] });
    expect((await repo.softDelete(id)).ok).toBe(false);
  });

  it('gives a readable error value for a damaged record, and still lists it', async () => {
    const factory = freshIndexedDB();
    const repo = await openTestRepo(factory);
    const good = sampleDoc('Good');
    await repo.create(good);
    // Write damage behind the repo's back, as a bug in an old build or a disk error would.
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = factory.open('tablewright-test');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const tx = db.transaction(['designs', 'metas'], 'readwrite');
    const broken = {
      id: 'd_broken',
      name: 'Broken',
      revision: 3,
      createdAt: 1,
      updatedAt: 1,
      tableCount: 0,
    };
    tx.objectStore('designs').put({
      ...broken,
      doc: { format: 'tablewright.design', version: 1, design: { id: 'd_broken', tables: 7 } },
    });
    tx.objectStore('metas').put(broken);
    tx.objectStore('designs').put({ id: 'd_junk', doc: 'not json {' });
    await new Promise((resolve) => (tx.oncomplete = resolve));
    db.close();

    const loaded = await repo.load('d_broken');
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) {
      expect(loaded.error.kind).toBe('damaged');
      expect(loaded.error.message).toMatch(
        /^The stored design "Broken" cannot be opened: The design is damaged at design\./,
      );
    }
    expect(expectOk(await repo.readRaw('d_broken'))).toMatchObject({ design: { tables: 7 } });
    const junk = await repo.load('d_junk');
    expect(junk.ok ? undefined : junk.error.kind).toBe('damaged');
    expect(
      expectOk(await repo.list())
        .map((m) => m.name)
        .sort(),
    ).toEqual(['Broken', 'Good']);
  });

  it('refuses a save based on an old revision: two tabs never overwrite each other', async () => {
    const factory = freshIndexedDB();
    const tabA = await openTestRepo(factory);
    const tabB = await openTestRepo(factory);
    const doc = sampleDoc('Shared');
    await tabA.create(doc);
    const base = expectOk(await tabB.load(doc.design.id)).revision;

    const fromA = { ...doc, design: { ...doc.design, name: 'From A' } };
    const fromB = { ...doc, design: { ...doc.design, name: 'From B' } };
    expect(expectOk(await tabA.save(fromA, { baseRevision: base }))).toEqual({ revision: 2 });
    const refused = await tabB.save(fromB, { baseRevision: base });
    expect(refused).toEqual({
      ok: false,
      error: { kind: 'conflict', theirRevision: 2, message: expect.stringMatching(/another tab/) },
    });
    expect(expectOk(await tabB.load(doc.design.id)).doc.design.name).toBe('From A');

    // Racing saves on the same base: exactly one wins.
    const results = await Promise.all([
      tabA.save(fromA, { baseRevision: 2 }),
      tabB.save(fromB, { baseRevision: 2 }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.error.kind === 'conflict')).toHaveLength(1);
  });

  it('refuses to create over an existing id and to save a purged design', async () => {
    const repo = await openTestRepo();
    const doc = sampleDoc();
    await repo.create(doc);
    const again = await repo.create(doc);
    expect(again.ok ? undefined : again.error.kind).toBe('exists');
    await repo.purge(doc.design.id);
    const saved = await repo.save(doc, { baseRevision: 1 });
    expect(saved.ok ? undefined : saved.error.kind).toBe('notFound');
  });

  it('maps a QuotaExceededError from put() to a quota error value, and stores nothing', async () => {
    const repo = await openTestRepo();
    const doc = sampleDoc('Big');
    await repo.create(doc);
    // fake-indexeddb/auto installed its classes as the globals idb uses.
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const saved = await repo.save(
      { ...doc, design: { ...doc.design, name: 'Bigger' } },
      { baseRevision: 1 },
    );
    expect(saved).toEqual({
      ok: false,
      error: {
        kind: 'quota',
        message:
          'Your browser refused to store more data (storage full). Your latest changes are NOT saved. Export the design as a file to keep it.',
      },
    });
    vi.restoreAllMocks();
    expect(expectOk(await repo.load(doc.design.id))).toMatchObject({
      revision: 1,
      meta: { name: 'Big' },
    });
  });

  it('returns an error value when IndexedDB is missing or refuses to open', async () => {
    vi.stubGlobal('indexedDB', undefined);
    const missing = await openDesignRepo('tablewright-none');
    expect(missing.ok).toBe(false);
    if (!missing.ok)
      expect(missing.error.message).toMatch(/^Designs can't be saved in this browser window: /);
    vi.unstubAllGlobals();

    const refusing = {
      open: () => {
        throw new DOMException(
          'A mutation operation was attempted on a database that did not allow mutations.',
          'InvalidStateError',
        );
      },
    } as unknown as IDBFactory;
    const refused = await openDesignRepo('tablewright-none', { indexedDB: refusing });
    expect(refused.ok ? undefined : refused.error.kind).toBe('unavailable');
  });

  it('lets a newer build in another tab upgrade, and then says so instead of saving', async () => {
    const factory = freshIndexedDB();
    const repo = await openTestRepo(factory);
    const doc = sampleDoc();
    await repo.create(doc);
    const newer = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = factory.open('tablewright-test', DB_VERSION + 1);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const saved = await repo.save(doc, { baseRevision: 1 });
    expect(saved.ok ? undefined : saved.error).toMatchObject({
      kind: 'unavailable',
      message: expect.stringMatching(/newer version of Tablewright.*NOT saved/),
    });
    newer.close();
  });

  it('keeps session values and per-design UI state', async () => {
    const repo = await openTestRepo();
    expect(await repo.getSession()).toEqual({});
    expectOk(await repo.setSession({ lastDesignId: 'd_1' }));
    expect(await repo.getSession()).toEqual({ lastDesignId: 'd_1' });
    expectOk(await repo.setSession({ lastDesignId: undefined }));
    expect(await repo.getSession()).toEqual({});
    expectOk(await repo.setDesignUiState('d_1', { selection: ['t_a', 't_b'], columnId: 'c_1' }));
    expect(await repo.getDesignUiState('d_1')).toEqual({
      selection: ['t_a', 't_b'],
      columnId: 'c_1',
    });
  });

  it('tells subscribers about committed changes only', async () => {
    const repo = await openTestRepo();
    const changes: DesignChange[] = [];
    repo.subscribe((c) => changes.push(c));
    const doc = sampleDoc();
    const id = doc.design.id;
    await repo.create(doc, { origin: 'me' });
    await repo.save(doc, { baseRevision: 1 });
    await repo.save(doc, { baseRevision: 1 }); // refused: no event
    await repo.rename(id, 'Renamed');
    await repo.softDelete(id);
    await repo.restore(id);
    await repo.purge(id);
    expect(changes).toEqual([
      { type: 'saved', designId: id, revision: 1, origin: 'me' },
      { type: 'saved', designId: id, revision: 2, origin: undefined },
      { type: 'saved', designId: id, revision: 3 },
      { type: 'deleted', designId: id },
      { type: 'restored', designId: id },
      { type: 'purged', designId: id },
    ]);
  });
});
