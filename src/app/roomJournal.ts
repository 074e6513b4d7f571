import * as Y from 'yjs';
import { fromBase64Url, toBase64Url } from '../core/share/base64url';
import { isQuotaError } from '../persistence/errors';

/** The part of `Storage` the room journal uses (injectable for tests; absent where refused). */
export type RoomJournalStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key'> & {
  readonly length: number;
};

const JOURNAL_PREFIX = 'tablewright.roomJournal.v1.';
/** Where builds before the IndexedDB room cache kept a room's whole state. */
const LEGACY_PREFIX = 'tablewright.room.';
/**
 * The most the journal holds for one room. localStorage's ~5 MB is shared with the designs' own
 * journal and the person's settings; a room's first sync (the whole design, already in the room)
 * is committed by the IndexedDB save and never journaled.
 */
export const ROOM_JOURNAL_MAX_BYTES = 128 * 1024;

/**
 * The synchronous half of the room cache: the room updates not yet committed to IndexedDB, in
 * localStorage, written in the same task as the edit. Best effort by design: when it cannot be
 * written the asynchronous save still runs, and a stale journal is harmless (Yjs updates apply
 * any number of times).
 */
export function roomJournal(storage: RoomJournalStorage | undefined) {
  const get = (key: string) => {
    try {
      return storage?.getItem(key) ?? undefined;
    } catch {
      return undefined;
    }
  };
  const remove = (key: string) => {
    try {
      storage?.removeItem(key);
    } catch {
      // Refused storage holds nothing to remove.
    }
  };
  return {
    /** Journals `updates` (merged) instead of what was journaled; none clears it. */
    write(roomId: string, updates: Uint8Array[]): void {
      if (!updates.length) return remove(JOURNAL_PREFIX + roomId);
      const merged = updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates);
      // Too big to keep here: the previous journal (fewer updates) stays, the save carries all.
      if (merged.length > ROOM_JOURNAL_MAX_BYTES) return;
      try {
        storage?.setItem(JOURNAL_PREFIX + roomId, toBase64Url(merged));
      } catch {
        // Full or refused: the IndexedDB save still runs.
      }
    },
    read(roomId: string): Uint8Array | undefined {
      const text = get(JOURNAL_PREFIX + roomId);
      if (!text) return undefined;
      const bytes = fromBase64Url(text);
      if (!bytes) remove(JOURNAL_PREFIX + roomId);
      return bytes;
    },
    clear(roomId: string): void {
      remove(JOURNAL_PREFIX + roomId);
    },
    legacyCopy(roomId: string): Uint8Array | undefined {
      const text = get(LEGACY_PREFIX + roomId);
      return text ? fromBase64Url(text) : undefined;
    },
    /** Every room an older build kept; unreadable ones are removed. */
    legacyCopies(): { roomId: string; state: Uint8Array }[] {
      const keys: string[] = [];
      try {
        for (let i = 0; storage && i < storage.length; i++) {
          const key = storage.key(i);
          if (key?.startsWith(LEGACY_PREFIX)) keys.push(key);
        }
      } catch {
        return [];
      }
      const copies: { roomId: string; state: Uint8Array }[] = [];
      for (const key of keys) {
        const state = fromBase64Url(get(key) ?? '');
        if (state?.length) copies.push({ roomId: key.slice(LEGACY_PREFIX.length), state });
        else remove(key);
      }
      return copies;
    },
    dropLegacy(roomId: string): void {
      remove(LEGACY_PREFIX + roomId);
    },
  };
}

export type RoomJournal = ReturnType<typeof roomJournal>;

/** What the person reads, once, when the browser will not keep a room's copy. */
export function roomCacheRefusal(e: unknown): string {
  const openError = (e as { cause?: { kind?: unknown } } | undefined)?.cause?.kind;
  const why = isQuotaError(e)
    ? 'the browser’s storage is full'
    : openError === 'blocked'
      ? 'another Tablewright tab is holding the browser’s storage open'
      : 'the browser refuses to store data here (private browsing or storage disabled)';
  return (
    `This room’s copy cannot be kept offline in this browser: ${why}. ` +
    'Your work is still in the room; edits made while offline reach it only if this tab stays open until you are back online.'
  );
}
