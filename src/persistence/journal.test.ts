import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createJournal, journalVerdict, type JournalStorage } from './journal';
import { autosaveOf, createTestStore, openTestRepo, sampleDoc } from './test/helpers';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
});
afterEach(() => {
  vi.useRealTimers();
});

function memoryStorage(): JournalStorage & { items: Map<string, string>; refuse: boolean } {
  const items = new Map<string, string>();
  return {
    items,
    refuse: false,
    getItem: (k) => items.get(k) ?? null,
    setItem(k, v) {
      if (this.refuse) throw new DOMException('full', 'QuotaExceededError');
      items.set(k, v);
    },
    removeItem: (k) => void items.delete(k),
  };
}

async function setup() {
  const repo = await openTestRepo();
  const doc = sampleDoc('Shop', 2);
  await repo.create(doc);
  const store = createTestStore(doc);
  const storage = memoryStorage();
  const journal = createJournal(storage);
  const autosave = autosaveOf(repo, doc, store, { journal });
  return { repo, doc, store, storage, journal, autosave };
}

describe('the synchronous journal', () => {
  it('holds an edit from the moment it is made until IndexedDB has it, then is cleared', async () => {
    const { doc, store, journal, autosave } = await setup();
    store.edit('renamed');
    // Same task as the edit: nothing asynchronous has run yet, and the edit is already journaled.
    const entry = journal.read(doc.design.id);
    expect(entry?.baseRevision).toBe(1);
    expect(Object.values(entry?.doc.design.tables ?? {})[0]?.name).toBe('renamed');
    await autosave.flush();
    expect(autosave.status().state).toBe('saved');
    expect(journal.read(doc.design.id)).toBeUndefined();
  });

  it('a tab closed before the save: the journal replays onto exactly the revision it was made on', async () => {
    const { repo, doc, store, journal } = await setup();
    store.edit('unsaved_edit');
    const entry = journal.read(doc.design.id);
    if (!entry) throw new Error('no journal entry');
    const stored = await repo.load(doc.design.id);
    if (!stored.ok) throw new Error(stored.error.message);
    expect(journalVerdict(entry, stored.value)).toBe('replay');
    // Stored meanwhile by this tab: nothing to replay.
    expect(journalVerdict(entry, { revision: 2, doc: entry.doc })).toBe('same');
    // Another tab stored something else since: kept as a copy, never over theirs.
    expect(journalVerdict(entry, { revision: 2, doc: stored.value.doc })).toBe('copy');
  });

  it('a full or refused storage loses nothing else: the save still runs', async () => {
    const { doc, store, storage, journal, autosave } = await setup();
    storage.refuse = true;
    store.edit('x');
    expect(journal.read(doc.design.id)).toBeUndefined();
    await autosave.flush();
    expect(autosave.status().state).toBe('saved');
  });

  it('an unreadable or foreign entry is dropped, never loaded', () => {
    const storage = memoryStorage();
    const journal = createJournal(storage);
    storage.items.set('tablewright.journal.v1.d_1', '{not json');
    expect(journal.read('d_1')).toBeUndefined();
    expect(storage.items.size).toBe(0);
    const doc = sampleDoc('Other', 1);
    storage.items.set(
      'tablewright.journal.v1.d_1',
      JSON.stringify({ baseRevision: 1, writtenAt: 0, doc }),
    );
    expect(journal.read('d_1')).toBeUndefined();
  });
});
