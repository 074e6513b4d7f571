import * as Y from 'yjs';
import { browserOpenRoomsDb, idbRoomRecords } from '../persistence/roomRecords';
import type { RoomRecords } from '../persistence/roomRecords';
import {
  ROOM_JOURNAL_MAX_BYTES,
  roomCacheRefusal,
  roomJournal,
  type RoomJournalStorage,
} from './roomJournal';

/**
 * The room's shared document as this browser last had it, by room id: what lets edits made
 * offline survive closing the tab and merge when the link is opened again (the Yjs state holds
 * them as this replica's own changes, which the room has not seen). Plaintext, like the stored
 * designs: it never leaves the browser.
 */
export interface RoomCache {
  load(roomId: string): Promise<Uint8Array | undefined> | Uint8Array | undefined;
  /** Keeps the whole state (possibly asynchronously): what `load` returns next time. */
  save(roomId: string, state: Uint8Array): void | Promise<void>;
  /**
   * An update made since the last `save`, kept at once (synchronously) so that a tab closed
   * before the save completes still has it next time.
   */
  note?(roomId: string, update: Uint8Array): void;
  forget(roomId: string): void;
}

export interface DurableRoomCacheOptions {
  records: RoomRecords;
  /** Where the journal (and the copies kept by older builds) are: localStorage in a browser. */
  storage: RoomJournalStorage | undefined;
  /** Said once per cache: the browser will not keep rooms (storage full or refused). */
  onUnavailable: (message: string) => void;
}

/**
 * In IndexedDB, with a synchronous journal in localStorage of the updates not yet committed
 * there (IndexedDB commits asynchronously; a tab closed right after an edit never finishes it).
 * A copy kept by an older build in localStorage moves into IndexedDB on the first load.
 */
export function durableRoomCache(options: DurableRoomCacheOptions): RoomCache {
  const { records, storage } = options;
  const journal = roomJournal(storage);
  /** Per room, the updates journaled since the last committed save, oldest first. */
  const unsaved = new Map<string, Uint8Array[]>();
  // One IndexedDB operation at a time, in order: a forget is never overtaken by an earlier save.
  let queue: Promise<unknown> = Promise.resolve();
  const inOrder = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work);
    queue = next.catch(() => undefined);
    return next;
  };
  let told = false;
  const refused = (e: unknown) => {
    if (told) return;
    told = true;
    options.onUnavailable(roomCacheRefusal(e));
  };

  let migrated: Promise<void> | undefined;
  /** Copies an older build kept in localStorage (5 MB shared by everything) move to IndexedDB. */
  const migrate = () =>
    (migrated ??= (async () => {
      for (const { roomId, state } of journal.legacyCopies()) {
        try {
          await inOrder(async () => {
            const stored = await records.get(roomId);
            await records.put(roomId, stored ? Y.mergeUpdates([stored, state]) : state);
          });
          journal.dropLegacy(roomId);
        } catch (e) {
          refused(e); // kept where it is, and still read by `load`
          return;
        }
      }
    })());

  return {
    async load(roomId) {
      await migrate();
      const parts: Uint8Array[] = [];
      try {
        const stored = await inOrder(() => records.get(roomId));
        if (stored) parts.push(stored);
      } catch (e) {
        refused(e);
      }
      const legacy = journal.legacyCopy(roomId);
      if (legacy) parts.push(legacy);
      const journaled = journal.read(roomId);
      // Still unsaved until the next save commits them (or this visit ends before it does).
      if (journaled) unsaved.set(roomId, [journaled]);
      if (journaled) parts.push(journaled);
      const usable = parts.filter(isYjsUpdate);
      return usable.length ? Y.mergeUpdates(usable) : undefined;
    },
    save(roomId, state) {
      const pending = unsaved.get(roomId);
      const covered = pending?.length ?? 0;
      return inOrder(() => records.put(roomId, state)).then(
        () => {
          journal.dropLegacy(roomId);
          // The updates noted meanwhile (after this state was taken) stay journaled.
          if (unsaved.get(roomId) !== pending || !pending) return;
          pending.splice(0, covered);
          journal.write(roomId, pending);
        },
        (e: unknown) => refused(e),
      );
    },
    note(roomId, update) {
      // A room's sync (its whole design) is in the room already, and in the next save.
      if (update.length > ROOM_JOURNAL_MAX_BYTES) return;
      let pending = unsaved.get(roomId);
      if (!pending) unsaved.set(roomId, (pending = []));
      pending.push(update);
      journal.write(roomId, pending);
    },
    forget(roomId) {
      unsaved.delete(roomId);
      journal.clear(roomId);
      journal.dropLegacy(roomId);
      void inOrder(() => records.delete(roomId)).catch(() => undefined);
    },
  };
}

/** True when Yjs can read the bytes as an update (a damaged journal or record is left out). */
function isYjsUpdate(update: Uint8Array): boolean {
  try {
    Y.applyUpdate(new Y.Doc(), update);
    return true;
  } catch {
    return false;
  }
}

/** The studio's: IndexedDB (the designs' database) with its journal in localStorage. */
export function browserRoomCache(
  storage: RoomJournalStorage | undefined,
  onUnavailable: (message: string) => void,
): RoomCache {
  return durableRoomCache({
    records: idbRoomRecords(browserOpenRoomsDb()),
    storage,
    onUnavailable,
  });
}

/**
 * Keeps `plain` in the cache while in the room: each update journaled at once, the whole state
 * 300 ms after a burst of changes and when the page is hidden. Returns the stop, which also
 * forgets it.
 */
export function keepRoomCached(plain: Y.Doc, cache: RoomCache, roomId: string): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const saveNow = () => {
    clearTimeout(timer);
    timer = undefined;
    void cache.save(roomId, Y.encodeStateAsUpdate(plain));
  };
  const onUpdate = (update: Uint8Array) => {
    cache.note?.(roomId, update);
    if (timer === undefined) timer = setTimeout(saveNow, 300);
  };
  plain.on('update', onUpdate);
  globalThis.addEventListener?.('pagehide', saveNow);
  saveNow();
  return () => {
    globalThis.removeEventListener?.('pagehide', saveNow);
    clearTimeout(timer);
    plain.off('update', onUpdate);
    cache.forget(roomId);
  };
}
