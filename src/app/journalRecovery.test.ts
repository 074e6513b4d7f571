import { describe, expect, it } from 'vitest';
import { createJournal } from '../persistence/journal';
import { memoryJournalStorage, openTestRepo, sampleDoc } from '../persistence/test/helpers';
import { createStudioStore } from '../state/store';
import { recoverJournaledEdit } from './journalRecovery';

/** A stored design open in a store, a journal, and what the recovery said. */
async function setup() {
  const repo = await openTestRepo();
  const stored = sampleDoc('Shop', 1);
  const created = await repo.create(stored);
  if (!created.ok) throw new Error(created.error.message);
  const { id, revision } = created.value;
  const store = createStudioStore();
  store.getState().load(stored);
  const journal = createJournal(memoryJournalStorage());
  const said: string[] = [];
  let listChanges = 0;
  const deps = {
    store,
    journal,
    repo,
    tell: (text: string) => void said.push(text),
    listChanged: () => void listChanges++,
  };
  return { repo, id, revision, stored, store, journal, said, deps, listChanges: () => listChanges };
}

describe('recoverJournaledEdit', () => {
  it('puts back an edit journaled on the stored revision, and says so', async () => {
    const { id, revision, stored, store, journal, said, deps } = await setup();
    const edited = sampleDoc('Shop', 3, stored.design.id);
    journal.write({ designId: id, baseRevision: revision, doc: edited, writtenAt: 1 });
    await recoverJournaledEdit(deps, id, { revision, doc: stored });
    expect(Object.keys(store.getState().design.tables)).toHaveLength(3);
    expect(said).toEqual(['Your last change before the tab closed was restored.']);
  });

  it('drops an entry that matches what is stored, saying nothing', async () => {
    const { id, revision, stored, store, journal, said, deps } = await setup();
    journal.write({ designId: id, baseRevision: revision - 1, doc: stored, writtenAt: 1 });
    await recoverJournaledEdit(deps, id, { revision, doc: stored });
    expect(journal.read(id)).toBeUndefined();
    expect(said).toEqual([]);
    expect(Object.keys(store.getState().design.tables)).toHaveLength(1);
  });

  it('keeps an edit made on an older revision as a copy beside the stored design', async () => {
    const { repo, id, revision, stored, store, journal, said, deps, listChanges } = await setup();
    const edited = sampleDoc('Shop', 2, stored.design.id);
    journal.write({ designId: id, baseRevision: revision - 1, doc: edited, writtenAt: 1 });
    await recoverJournaledEdit(deps, id, { revision, doc: stored });
    // The open design stays as stored; the copy is a new stored design.
    expect(Object.keys(store.getState().design.tables)).toHaveLength(1);
    const list = await repo.list();
    expect(list.ok && list.value.map((m) => m.name).sort()).toEqual(['Shop', 'Shop (recovered)']);
    expect(journal.read(id)).toBeUndefined();
    expect(listChanges()).toBe(1);
    expect(said[0]).toMatch(/kept as “Shop \(recovered\)”/);
  });
});
