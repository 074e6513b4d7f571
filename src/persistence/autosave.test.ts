import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DesignDocument } from '../core/model';
import type { AutosaveRepo, SaveStatus } from './autosaveTypes';
import type { DesignRepo } from './designRepo';
import type { PageEventSources } from './pageLifecycle';
import {
  autosaveOf,
  createTestStore,
  fakeDocument,
  freshIndexedDB,
  openTestRepo,
  sampleDoc,
  settle,
} from './test/helpers';

beforeEach(() => {
  // setImmediate stays real: fake-indexeddb runs its transactions on it.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
});
afterEach(() => {
  vi.useRealTimers();
});

/** A repo with a stored design and a store showing it; `saves` records every save call's time. */
async function setup(
  wrap?: (repo: DesignRepo) => AutosaveRepo,
  events: PageEventSources = { document: null, window: null },
) {
  const repo = await openTestRepo();
  const doc = sampleDoc('Shop', 2);
  await repo.create(doc);
  const store = createTestStore(doc);
  const statuses: SaveStatus[] = [];
  const saves: number[] = [];
  const base = wrap ? wrap(repo) : repo;
  const counted: AutosaveRepo = {
    ...base,
    save: (d, o) => {
      saves.push(Date.now());
      return base.save(d, o);
    },
  };
  const autosave = autosaveOf(counted, doc, store, {
    onStatus: (s) => statuses.push(s),
    events,
  });
  const stored = async () => {
    const r = await repo.load(autosave.designId());
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };
  const firstTableName = (d: DesignDocument) => Object.values(d.design.tables)[0]?.name;
  return { repo, doc, store, statuses, saves, autosave, stored, firstTableName };
}

describe('autosave', () => {
  it('debounces a burst of edits into one save and reports saved only after it is stored', async () => {
    const { store, statuses, saves, autosave, stored, firstTableName } = await setup();
    store.edit('a');
    await vi.advanceTimersByTimeAsync(100);
    store.edit('b');
    await vi.advanceTimersByTimeAsync(100);
    store.edit('c');
    expect(autosave.status().state).toBe('unsaved');
    await vi.advanceTimersByTimeAsync(299);
    expect(saves).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(saves).toHaveLength(1);
    expect(autosave.status().state).toBe('saving');
    await settle();
    expect(autosave.status()).toMatchObject({ state: 'saved', revision: 2 });
    expect(statuses.map((s) => s.state)).toEqual(['saved', 'unsaved', 'saving', 'saved']);
    expect(firstTableName((await stored()).doc)).toBe('c');
  });

  it('ignores store changes that are not document changes', async () => {
    const { store, saves, autosave } = await setup();
    store.touchSelection();
    await vi.advanceTimersByTimeAsync(2000);
    expect(saves).toHaveLength(0);
    expect(autosave.hasUnsavedWork()).toBe(false);
  });

  it('saves at least once a second under continuous editing', async () => {
    const { store, saves, autosave, stored, firstTableName } = await setup();
    const start = Date.now();
    for (let i = 0; i < 40; i++) {
      store.edit(`v${i}`);
      await vi.advanceTimersByTimeAsync(100);
      await settle(5);
    }
    // Every save starts within a second of the previous one (and of the first edit).
    const gaps = [saves[0]! - start, ...saves.slice(1).map((t, i) => t - saves[i]!)];
    expect(saves.length).toBeGreaterThanOrEqual(4);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(1000);
    await vi.advanceTimersByTimeAsync(300);
    await settle();
    expect(autosave.status().state).toBe('saved');
    expect(firstTableName((await stored()).doc)).toBe('v39');
  });

  it('saves right away when the page is hidden or on pagehide', async () => {
    const page = fakeDocument();
    const win = new EventTarget();
    const { store, saves, autosave, stored, firstTableName } = await setup(undefined, {
      document: page.target,
      window: win,
    });
    store.edit('before hide');
    page.hide();
    await settle();
    expect(autosave.status().state).toBe('saved');
    expect(firstTableName((await stored()).doc)).toBe('before hide');

    store.edit('before pagehide');
    win.dispatchEvent(new Event('pagehide'));
    await settle();
    expect(firstTableName((await stored()).doc)).toBe('before pagehide');
    expect(saves).toHaveLength(2); // no timer was needed
    autosave.handleHidden(); // nothing pending: no write
    await settle();
    expect(saves).toHaveLength(2);
  });

  it('asks before unload while work is unsaved', async () => {
    const win = new EventTarget();
    const { store, autosave } = await setup(undefined, { document: null, window: win });
    const unload = () => {
      const e = new Event('beforeunload', { cancelable: true });
      win.dispatchEvent(e);
      return e.defaultPrevented;
    };
    expect(unload()).toBe(false);
    store.edit('x');
    expect(unload()).toBe(true);
    await autosave.flush();
    expect(unload()).toBe(false);
  });

  it('never runs two saves at once and stores the latest after a slow one', async () => {
    let release: () => void = () => undefined;
    let running = 0;
    let maxRunning = 0;
    const { store, saves, autosave, stored, firstTableName } = await setup((repo) => ({
      ...repo,
      save: async (d, o) => {
        running++;
        maxRunning = Math.max(maxRunning, running);
        await new Promise<void>((resolve) => (release = resolve));
        const r = await repo.save(d, o);
        running--;
        return r;
      },
    }));
    store.edit('first');
    await vi.advanceTimersByTimeAsync(300);
    expect(saves).toHaveLength(1);
    for (let i = 0; i < 12; i++) {
      store.edit(`during ${i}`);
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(saves).toHaveLength(1); // queued, not overlapping
    release();
    await settle();
    expect(saves).toHaveLength(2);
    release();
    await settle();
    expect(maxRunning).toBe(1);
    expect(autosave.status().state).toBe('saved');
    expect(firstTableName((await stored()).doc)).toBe('during 11');
  });

  it("reports 'error' (never 'saved') when storage is full, and retries on the next change", async () => {
    let full = true;
    const { store, statuses, autosave, stored, firstTableName } = await setup((repo) => ({
      ...repo,
      save: async (d, o) => {
        if (full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return repo.save(d, o);
      },
    }));
    store.edit('lost?');
    await vi.advanceTimersByTimeAsync(300);
    await settle();
    expect(autosave.status()).toMatchObject({
      state: 'error',
      errorKind: 'quota',
      message: expect.stringMatching(/NOT saved/),
    });
    expect(statuses.slice(1).some((s) => s.state === 'saved')).toBe(false);
    expect(autosave.hasUnsavedWork()).toBe(true);
    expect(firstTableName((await stored()).doc)).toBe('table_0');

    full = false;
    store.edit('kept');
    expect(autosave.status().state).toBe('error'); // until a save succeeds
    await vi.advanceTimersByTimeAsync(300);
    await settle();
    expect(autosave.status().state).toBe('saved');
    expect(firstTableName((await stored()).doc)).toBe('kept');
  });

  it('refuses to write another design into this one when the store switched without dispose', async () => {
    const { store, saves, autosave, stored } = await setup();
    store.load(sampleDoc('Other design', 0));
    await vi.advanceTimersByTimeAsync(1000);
    expect(saves).toHaveLength(0);
    expect(autosave.status()).toMatchObject({ state: 'error', errorKind: 'internal' });
    expect((await stored()).doc.design.name).toBe('Shop');
  });

  it('dispose stores the work pending at the time of the call, then stops listening', async () => {
    const { store, autosave, stored, firstTableName } = await setup();
    store.edit('last words');
    const disposed = autosave.dispose();
    store.load(sampleDoc('Next design', 0));
    await disposed;
    expect(firstTableName((await stored()).doc)).toBe('last words');
    expect(store.listenerCount()).toBe(0);
  });
});

describe('autosave conflicts between two tabs', () => {
  /** Two tabs (two repos on one database) with the same design open, no BroadcastChannel. */
  async function twoTabs() {
    const factory = freshIndexedDB();
    const repoA = await openTestRepo(factory);
    const repoB = await openTestRepo(factory);
    const doc = sampleDoc('Shared', 1);
    await repoA.create(doc);
    const open = (repo: DesignRepo) => {
      const store = createTestStore(doc);
      return { store, autosave: autosaveOf(repo, doc, store) };
    };
    return { repoA, doc, a: open(repoA), b: open(repoB) };
  }
  const nameOf = (d: DesignDocument) => Object.values(d.design.tables)[0]?.name;

  it('stops writing on conflict; "keep mine as a copy" saves a new design and continues there', async () => {
    const { repoA, doc, a, b } = await twoTabs();
    a.store.edit('from A');
    await a.autosave.flush();
    b.store.edit('from B');
    await b.autosave.flush();
    expect(b.autosave.status()).toMatchObject({
      state: 'conflict',
      theirRevision: 2,
      message: expect.stringMatching(/NOT saved/),
    });

    b.store.edit('more from B');
    await vi.advanceTimersByTimeAsync(2000);
    await settle();
    const original = await repoA.load(doc.design.id);
    expect(original.ok && nameOf(original.value.doc)).toBe('from A');
    expect(b.autosave.status().state).toBe('conflict');

    const resolved = await b.autosave.resolveConflict('copy');
    if (!resolved.ok) throw new Error(resolved.error.message);
    expect(resolved.value.designId).not.toBe(doc.design.id);
    expect(resolved.value.doc.design).toMatchObject({
      id: resolved.value.designId,
      name: 'Shared (copy)',
    });
    b.store.load(resolved.value.doc);
    expect(b.autosave.status().state).toBe('saved');
    expect(b.autosave.designId()).toBe(resolved.value.designId);

    b.store.edit('B continues');
    await b.autosave.flush();
    const copy = await repoA.load(resolved.value.designId);
    expect(copy.ok && nameOf(copy.value.doc)).toBe('B continues');
    expect(copy.ok && copy.value.meta.name).toBe('Shared (copy)');
    const stillA = await repoA.load(doc.design.id);
    expect(stillA.ok && nameOf(stillA.value.doc)).toBe('from A');
  });

  it('"load their version" hands back the stored doc and saving resumes from its revision', async () => {
    const { repoA, doc, a, b } = await twoTabs();
    a.store.edit('from A');
    await a.autosave.flush();
    b.store.edit('from B');
    await b.autosave.flush();
    expect(b.autosave.status().state).toBe('conflict');

    const resolved = await b.autosave.resolveConflict('theirs');
    if (!resolved.ok) throw new Error(resolved.error.message);
    expect(nameOf(resolved.value.doc)).toBe('from A');
    b.store.load(resolved.value.doc);
    expect(b.autosave.status()).toMatchObject({ state: 'saved', revision: 2 });
    expect(b.autosave.hasUnsavedWork()).toBe(false);

    b.store.edit('B on top of A');
    await b.autosave.flush();
    expect(b.autosave.status()).toMatchObject({ state: 'saved', revision: 3 });
    const stored = await repoA.load(doc.design.id);
    expect(stored.ok && nameOf(stored.value.doc)).toBe('B on top of A');
  });

  it('reports a design purged elsewhere as a conflict that a copy resolves', async () => {
    const { repoA, doc, b } = await twoTabs();
    await repoA.purge(doc.design.id);
    b.store.edit('orphan');
    await b.autosave.flush();
    expect(b.autosave.status()).toMatchObject({
      state: 'conflict',
      message: expect.stringMatching(/deleted permanently/),
    });
    const theirs = await b.autosave.resolveConflict('theirs');
    expect(theirs.ok ? undefined : theirs.error.kind).toBe('notFound');
    const copy = await b.autosave.resolveConflict('copy');
    expect(copy.ok).toBe(true);
    if (copy.ok) {
      const stored = await repoA.load(copy.value.designId);
      expect(stored.ok && nameOf(stored.value.doc)).toBe('orphan');
    }
  });
});
