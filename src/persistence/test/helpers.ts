import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import {
  emptyDesign,
  emptyLayout,
  makeDocument,
  type DesignDocument,
  type Table,
} from '../../core/model';
import { createAutosave } from '../autosave';
import type { AutosaveOptions, AutosaveRepo } from '../autosaveTypes';
import { openDesignRepo, type DesignRepo } from '../designRepo';
import type { JournalStorage } from '../journal';
import type { BroadcastChannelLike } from '../tabSync';

/** A design with `tableCount` empty tables, named `name`. */
export function sampleDoc(name = 'Shop', tableCount = 1, id?: string): DesignDocument {
  const design = emptyDesign(name, id);
  const tables: Record<string, Table> = {};
  for (let i = 0; i < tableCount; i++) {
    const tid = `t_${i}`;
    tables[tid] = {
      id: tid,
      schemaId: 's_public',
      name: `table_${i}`,
      columns: [],
      constraints: [],
      indexes: [],
      inherits: [],
      storageParameters: [],
    };
  }
  return makeDocument({ ...design, tables }, emptyLayout());
}

/** The journal's storage in memory, as localStorage keeps it. */
export function memoryJournalStorage(): JournalStorage {
  const items = new Map<string, string>();
  return {
    getItem: (k) => items.get(k) ?? null,
    setItem: (k, v) => void items.set(k, v),
    removeItem: (k) => void items.delete(k),
  };
}

/** A fresh, isolated IndexedDB per test. */
export function freshIndexedDB(): IDBFactory {
  return new IDBFactory();
}

export async function openTestRepo(
  factory: IDBFactory = freshIndexedDB(),
  now?: () => number,
): Promise<DesignRepo> {
  const opened = await openDesignRepo(
    'tablewright-test',
    now ? { indexedDB: factory, now } : { indexedDB: factory },
  );
  if (!opened.ok) throw new Error(opened.error.message);
  return opened.value;
}

/**
 * Lets IndexedDB work finish. fake-indexeddb schedules with setImmediate, which the tests leave
 * real while faking setTimeout, so this never moves the fake clock.
 */
export async function settle(rounds = 30): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

/** A minimal store like the studio's: holds a document, notifies on every set (selection too). */
export function createTestStore(doc: DesignDocument) {
  let current = doc;
  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((l) => l());
  return {
    getDoc: () => current,
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** Loads a document as the studio's store does: keeps its design and layout objects. */
    load(next: DesignDocument) {
      current = next;
      notify();
    },
    /** One edit: renames the first table to `value`, as a new design object. */
    edit(value: string) {
      const tables = { ...current.design.tables };
      const first = Object.keys(tables)[0];
      if (first && tables[first]) tables[first] = { ...tables[first], name: value };
      current = { ...current, design: { ...current.design, tables } };
      notify();
    },
    /** A store change that is not a document change (selection, history...). */
    touchSelection: notify,
    listenerCount: () => listeners.size,
  };
}

/**
 * Autosave of `doc` (stored at revision 1 in `repo`) from the test store, without the page's
 * events unless `more` gives them; `more` adds the rest (journal, tab sync, status...).
 */
export function autosaveOf(
  repo: AutosaveRepo,
  doc: DesignDocument,
  store: ReturnType<typeof createTestStore>,
  more: Partial<AutosaveOptions> = {},
) {
  return createAutosave({
    repo,
    designId: doc.design.id,
    baseRevision: 1,
    getDoc: store.getDoc,
    subscribe: store.subscribe,
    events: { document: null, window: null },
    ...more,
  });
}

/** BroadcastChannel semantics in memory: delivered to every other member, never to the sender. */
export function createChannelHub() {
  const members = new Set<{ deliver(data: unknown): void }>();
  return {
    open(): BroadcastChannelLike {
      const listeners = new Set<(event: { data: unknown }) => void>();
      const member = { deliver: (data: unknown) => listeners.forEach((l) => l({ data })) };
      members.add(member);
      return {
        postMessage(message) {
          const data = structuredClone(message);
          for (const other of members)
            if (other !== member) queueMicrotask(() => other.deliver(data));
        },
        addEventListener: (_type, listener) => listeners.add(listener),
        removeEventListener: (_type, listener) => listeners.delete(listener),
        close: () => members.delete(member),
      };
    },
  };
}

/** Stands in for `document` (visibilitychange) without a DOM. */
export function fakeDocument() {
  const target = new EventTarget() as EventTarget & { visibilityState: string };
  target.visibilityState = 'visible';
  return {
    target,
    hide() {
      target.visibilityState = 'hidden';
      target.dispatchEvent(new Event('visibilitychange'));
    },
  };
}
