import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { toBase64Url } from '../core/share/base64url';
import { err } from '../core/result';
import { browserOpenRoomsDb, idbRoomRecords, type RoomRecords } from '../persistence/roomRecords';
import { durableRoomCache, keepRoomCached, type RoomCache } from './roomCache';
import type { RoomJournalStorage } from './roomJournal';

/** localStorage as a browser has it, optionally with a quota (in characters) it refuses beyond. */
class MapStorage implements RoomJournalStorage {
  readonly items = new Map<string, string>();
  constructor(private readonly quota = Infinity) {}
  get length() {
    return this.items.size;
  }
  key(i: number) {
    return [...this.items.keys()][i] ?? null;
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    let used = value.length;
    for (const [k, v] of this.items) if (k !== key) used += v.length;
    if (used > this.quota)
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

/** Lets fake-indexeddb (which schedules on setImmediate) finish what was started. */
async function settle(rounds = 40): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

/** One browser profile: its IndexedDB and its localStorage, outliving any tab. */
function browserProfile(quota?: number) {
  const factory = new IDBFactory();
  return {
    storage: new MapStorage(quota),
    records: idbRoomRecords(browserOpenRoomsDb({ indexedDB: factory })),
  };
}

/** A tab: its own cache over the profile's storage, and what it told the person. */
function tab(profile: { storage: MapStorage; records: RoomRecords }, records = profile.records) {
  const told: string[] = [];
  const cache = durableRoomCache({
    records,
    storage: profile.storage,
    onUnavailable: (text) => told.push(text),
  });
  return { cache, told };
}

/** Records whose writes never finish from some point on: the tab was closed, its work cut off. */
function cutOff(records: RoomRecords) {
  let closed = false;
  const wrapped: RoomRecords = {
    get: (id) => records.get(id),
    put: (id, state) => (closed ? new Promise<void>(() => {}) : records.put(id, state)),
    delete: (id) => (closed ? new Promise<void>(() => {}) : records.delete(id)),
  };
  return { records: wrapped, close: () => (closed = true) };
}

function refusing(records: RoomRecords, error: unknown): RoomRecords {
  return { ...records, put: () => Promise.reject(error) };
}

function roomDoc(tables: string[]): Y.Doc {
  const doc = new Y.Doc();
  const map = doc.getMap<string>('tables');
  for (const name of tables) map.set(name, name);
  return doc;
}

async function loaded(cache: RoomCache, roomId: string): Promise<string[]> {
  const state = await cache.load(roomId);
  if (!state) return [];
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return [...doc.getMap<string>('tables').keys()].sort();
}

const quotaError = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

describe('the room cache in IndexedDB', () => {
  // setImmediate stays real: fake-indexeddb runs its transactions on it.
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }));
  afterEach(() => vi.useRealTimers());

  it('keeps the room between visits, and forgets it when the room is left', async () => {
    const profile = browserProfile();
    const first = tab(profile);
    const doc = roomDoc(['customers']);
    const stop = keepRoomCached(doc, first.cache, 'r1');
    doc.getMap('tables').set('orders', 'orders');
    vi.advanceTimersByTime(300); // the burst is over: the whole state is saved
    await settle();
    expect(await loaded(tab(profile).cache, 'r1')).toEqual(['customers', 'orders']);
    // Committed: nothing is left in the journal.
    expect([...profile.storage.items.keys()]).toEqual([]);

    stop();
    await settle();
    expect(await profile.records.get('r1')).toBeUndefined();
    expect(await loaded(tab(profile).cache, 'r1')).toEqual([]);
    expect(first.told).toEqual([]);
  });

  it('a tab closed right after an edit keeps it: the journal is replayed on the next load', async () => {
    const profile = browserProfile();
    const cut = cutOff(profile.records);
    const first = tab(profile, cut.records);
    const doc = roomDoc(['customers']);
    keepRoomCached(doc, first.cache, 'r1');
    await settle(); // the first save is committed
    cut.close(); // the tab is gone: nothing more reaches IndexedDB
    doc.getMap('tables').set('offline_edit', 'offline_edit');
    doc.getMap('tables').delete('customers');

    const next = tab(profile);
    expect(await loaded(next.cache, 'r1')).toEqual(['offline_edit']);
    // Without the journal the edit would be gone: IndexedDB still has the state before it.
    const stored = new Y.Doc();
    Y.applyUpdate(stored, (await profile.records.get('r1'))!);
    expect([...stored.getMap('tables').keys()]).toEqual(['customers']);

    // The next save commits it, and the journal is emptied.
    const again = roomDoc([]);
    Y.applyUpdate(again, (await next.cache.load('r1'))!);
    keepRoomCached(again, next.cache, 'r1');
    await settle();
    expect([...profile.storage.items.keys()]).toEqual([]);
    expect(await loaded(tab(profile).cache, 'r1')).toEqual(['offline_edit']);
  });

  it('a full IndexedDB is said once; the room and the journaled edits are kept', async () => {
    const profile = browserProfile();
    const { cache, told } = tab(profile, refusing(profile.records, quotaError()));
    const doc = roomDoc(['customers']);
    const inTheRoom = Y.encodeStateAsUpdate(doc);
    keepRoomCached(doc, cache, 'r1');
    doc.getMap('tables').set('orders', 'orders');
    vi.advanceTimersByTime(300); // the burst is over: the whole state is saved
    doc.getMap('tables').set('items', 'items');
    vi.advanceTimersByTime(300); // the burst is over: the whole state is saved
    await settle();
    expect(told).toHaveLength(1);
    expect(told[0]).toMatch(
      /cannot be kept offline in this browser: the browser’s storage is full/,
    );
    expect(told[0]).toMatch(/Your work is still in the room/);
    // Nothing in the tab was touched, and what fits the journal survives a closed tab.
    expect([...doc.getMap('tables').keys()].sort()).toEqual(['customers', 'items', 'orders']);
    // (The journaled edits build on the room's state, which the room gives back on joining.)
    const rejoined = new Y.Doc();
    Y.applyUpdate(rejoined, (await tab(profile).cache.load('r1'))!);
    Y.applyUpdate(rejoined, inTheRoom);
    expect([...rejoined.getMap('tables').keys()].sort()).toEqual(['customers', 'items', 'orders']);
  });

  it('storage refused altogether is said once too, as refused rather than full', async () => {
    const profile = browserProfile();
    const records = idbRoomRecords(async () =>
      err({ kind: 'unavailable' as const, message: 'IndexedDB is not available' }),
    );
    const { cache, told } = tab(profile, records);
    expect(await cache.load('r1')).toBeUndefined();
    const doc = roomDoc(['customers']);
    keepRoomCached(doc, cache, 'r1');
    await settle();
    expect(told).toHaveLength(1);
    expect(told[0]).toMatch(/refuses to store data here/);
  });

  it('storage held open by another tab says so', async () => {
    const profile = browserProfile();
    const records = idbRoomRecords(async () =>
      err({ kind: 'blocked' as const, message: 'another tab is holding the storage open' }),
    );
    const { cache, told } = tab(profile, records);
    await cache.load('r1');
    expect(told).toEqual([expect.stringMatching(/another Tablewright tab is holding/)]);
  });

  it('a full localStorage only loses the journal: the save to IndexedDB still keeps the room', async () => {
    const profile = browserProfile(10);
    const { cache, told } = tab(profile);
    const doc = roomDoc(['customers']);
    keepRoomCached(doc, cache, 'r1');
    doc.getMap('tables').set('orders', 'orders');
    expect(profile.storage.items.size).toBe(0);
    vi.advanceTimersByTime(300); // the burst is over: the whole state is saved
    await settle();
    expect(await loaded(tab(profile).cache, 'r1')).toEqual(['customers', 'orders']);
    expect(told).toEqual([]);
  });

  it('a damaged journal is left out; the stored room still loads', async () => {
    const profile = browserProfile();
    const doc = roomDoc(['customers']);
    keepRoomCached(doc, tab(profile).cache, 'r1');
    await settle();
    profile.storage.setItem(
      'tablewright.roomJournal.v1.r1',
      toBase64Url(new Uint8Array([9, 9, 9, 9])),
    );
    expect(await loaded(tab(profile).cache, 'r1')).toEqual(['customers']);
    profile.storage.setItem('tablewright.roomJournal.v1.r1', '!not base64!');
    expect(await loaded(tab(profile).cache, 'r1')).toEqual(['customers']);
  });

  it('a copy an older build kept in localStorage moves to IndexedDB on the first load', async () => {
    const profile = browserProfile();
    const legacy = (tables: string[]) => toBase64Url(Y.encodeStateAsUpdate(roomDoc(tables)));
    profile.storage.setItem('tablewright.room.r1', legacy(['customers']));
    profile.storage.setItem('tablewright.room.r2', legacy(['invoices']));
    profile.storage.setItem('tablewright.profile', '{"name":"Ada"}');

    expect(await loaded(tab(profile).cache, 'r1')).toEqual(['customers']);
    // Both rooms moved (the other room too), and localStorage's 5 MB are free again.
    expect([...profile.storage.items.keys()]).toEqual(['tablewright.profile']);
    expect(await loaded(tab(profile).cache, 'r2')).toEqual(['invoices']);
    const stored = new Y.Doc();
    Y.applyUpdate(stored, (await profile.records.get('r1'))!);
    expect([...stored.getMap('tables').keys()]).toEqual(['customers']);
  });

  it('a copy an older build kept stays where it is while IndexedDB refuses, and still loads', async () => {
    const profile = browserProfile();
    profile.storage.setItem(
      'tablewright.room.r1',
      toBase64Url(Y.encodeStateAsUpdate(roomDoc(['customers']))),
    );
    const { cache, told } = tab(profile, refusing(profile.records, quotaError()));
    expect(await loaded(cache, 'r1')).toEqual(['customers']);
    expect(profile.storage.getItem('tablewright.room.r1')).not.toBeNull();
    expect(told).toHaveLength(1);
  });

  it('leaving while a save is under way still forgets the room', async () => {
    const profile = browserProfile();
    const { cache } = tab(profile);
    const doc = roomDoc(['customers']);
    const stop = keepRoomCached(doc, cache, 'r1');
    doc.getMap('tables').set('orders', 'orders');
    stop();
    await settle();
    expect(await profile.records.get('r1')).toBeUndefined();
    expect(profile.storage.items.size).toBe(0);
  });
});
