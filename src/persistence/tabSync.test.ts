import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DesignDocument } from '../core/model';
import type { DesignRepo } from './designRepo';
import {
  createTabSync,
  openTabChannel,
  readTabMessage,
  type BroadcastChannelLike,
  type DesignChangeEvent,
  type TabSync,
} from './tabSync';
import {
  autosaveOf,
  createChannelHub,
  createTestStore,
  freshIndexedDB,
  openTestRepo,
  sampleDoc,
  settle,
} from './test/helpers';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});

describe('tabSync', () => {
  it("broadcasts this tab's committed changes and delivers other tabs' ones", async () => {
    const hub = createChannelHub();
    const factory = freshIndexedDB();
    const repoA = await openTestRepo(factory);
    const repoB = await openTestRepo(factory);
    const a = createTabSync({ repo: repoA, channel: hub.open(), tabId: 'tab_a' });
    const b = createTabSync({ repo: repoB, channel: hub.open(), tabId: 'tab_b' });
    cleanups.push(a.close, b.close);
    const seenByA: DesignChangeEvent[] = [];
    const seenByB: DesignChangeEvent[] = [];
    a.subscribe((e) => seenByA.push(e));
    b.subscribe((e) => seenByB.push(e));

    const doc = sampleDoc();
    await repoA.create(doc, { origin: 'x' });
    await repoA.softDelete(doc.design.id);
    await settle(2);
    expect(seenByA).toEqual([
      {
        type: 'saved',
        designId: doc.design.id,
        revision: 1,
        origin: 'x',
        fromThisTab: true,
        tabId: 'tab_a',
      },
      { type: 'deleted', designId: doc.design.id, fromThisTab: true, tabId: 'tab_a' },
    ]);
    expect(seenByB).toEqual([
      { type: 'saved', designId: doc.design.id, revision: 1, fromThisTab: false, tabId: 'tab_a' },
      { type: 'deleted', designId: doc.design.id, fromThisTab: false, tabId: 'tab_a' },
    ]);
  });

  it('reads only well-formed messages', () => {
    expect(readTabMessage({ type: 'saved', designId: 'd_1', revision: 2, tabId: 't' })).toEqual({
      type: 'saved',
      designId: 'd_1',
      revision: 2,
      tabId: 't',
    });
    expect(readTabMessage({ type: 'hello', designId: 'd_1', tabId: 't' })).toBeUndefined();
    expect(readTabMessage({ type: 'saved', designId: 3, tabId: 't' })).toBeUndefined();
    expect(readTabMessage('saved')).toBeUndefined();
  });

  it('works over a real BroadcastChannel', async () => {
    const channelA = openTabChannel('tablewright-test-real');
    const channelB: BroadcastChannelLike | undefined = new BroadcastChannel(
      'tablewright-test-real',
    );
    if (!channelA) throw new Error('Node should have BroadcastChannel');
    const repo = await openTestRepo();
    const a = createTabSync({ repo, channel: channelA });
    const b = createTabSync({ channel: channelB });
    cleanups.push(a.close, b.close);
    const received = new Promise<DesignChangeEvent>((resolve) => b.subscribe(resolve));
    const doc = sampleDoc();
    await repo.create(doc);
    expect(await received).toMatchObject({
      type: 'saved',
      designId: doc.design.id,
      revision: 1,
      fromThisTab: false,
      tabId: a.tabId,
    });
  });
});

describe('autosave with tabSync', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] }));
  afterEach(() => vi.useRealTimers());

  /** Two tabs with the same design open, connected by an in-memory BroadcastChannel. */
  async function twoConnectedTabs() {
    const hub = createChannelHub();
    const factory = freshIndexedDB();
    const doc = sampleDoc('Shared', 1);
    const tab = async (create: boolean) => {
      const repo = await openTestRepo(factory);
      if (create) await repo.create(doc);
      const sync = createTabSync({ repo, channel: hub.open() });
      const store = createTestStore(doc);
      const external: number[] = [];
      const saves: number[] = [];
      const counting: DesignRepo = {
        ...repo,
        save: (d, o) => (saves.push(o.baseRevision), repo.save(d, o)),
      };
      const autosave = autosaveOf(counting, doc, store, {
        sync,
        // What the UI does: load the newer version into the store as is.
        onExternalChange: (newer: DesignDocument, revision: number) => {
          external.push(revision);
          store.load(newer);
        },
      });
      cleanups.push(sync.close);
      return { repo, sync: sync as TabSync, store, autosave, external, saves };
    };
    return { doc, a: await tab(true), b: await tab(false) };
  }
  const nameOf = (d: DesignDocument) => Object.values(d.design.tables)[0]?.name;

  it("an idle tab takes the other tab's save silently, without writing it back", async () => {
    const { a, b } = await twoConnectedTabs();
    a.store.edit('from A');
    await a.autosave.flush();
    await settle();
    expect(b.external).toEqual([2]);
    expect(nameOf(b.store.getDoc())).toBe('from A');
    expect(b.autosave.status()).toMatchObject({ state: 'saved', revision: 2 });
    await vi.advanceTimersByTimeAsync(2000);
    await settle();
    expect(b.saves).toEqual([]); // no ping-pong
    expect(a.external).toEqual([]);

    b.store.edit('B continues');
    await b.autosave.flush();
    expect(b.autosave.status()).toMatchObject({ state: 'saved', revision: 3 });
    await settle();
    expect(nameOf(a.store.getDoc())).toBe('B continues');
    expect(a.autosave.revision()).toBe(3);
  });

  it('a tab with unsaved changes goes to conflict as soon as the other tab saves', async () => {
    const { a, b } = await twoConnectedTabs();
    b.store.edit('B typing'); // debounced, not yet saved
    a.store.edit('from A');
    await a.autosave.flush();
    await settle();
    expect(b.autosave.status()).toMatchObject({ state: 'conflict', theirRevision: 2 });
    await vi.advanceTimersByTimeAsync(2000);
    expect(b.saves).toEqual([]); // it did not even try
    expect(b.external).toEqual([]);
    expect(b.autosave.hasUnsavedWork()).toBe(true);
  });

  it("a rename from this tab's designs list reaches the open editor too", async () => {
    const { doc, a } = await twoConnectedTabs();
    await a.repo.rename(doc.design.id, 'Renamed from the list');
    await settle();
    expect(a.external).toEqual([2]);
    expect(a.store.getDoc().design.name).toBe('Renamed from the list');
    a.store.edit('after rename');
    await a.autosave.flush();
    expect(a.autosave.status()).toMatchObject({ state: 'saved', revision: 3 });
  });
});
