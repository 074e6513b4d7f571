import * as Y from 'yjs';
import { fromBase64Url, toBase64Url } from '../core/share/base64url';

/**
 * The room's shared document as this browser last had it, by room id: what lets edits made
 * offline survive closing the tab and merge when the link is opened again (the Yjs state holds
 * them as this replica's own changes, which the room has not seen). Plaintext, like the stored
 * designs: it never leaves the browser.
 */
export interface RoomCache {
  load(roomId: string): Uint8Array | undefined;
  save(roomId: string, state: Uint8Array): void;
  forget(roomId: string): void;
}

const PREFIX = 'tablewright.room.';

/** In localStorage: written synchronously, so a tab closed right after an edit keeps it. */
export function browserRoomCache(storage: Storage | undefined): RoomCache {
  return {
    load(roomId) {
      try {
        const text = storage?.getItem(PREFIX + roomId);
        return text ? fromBase64Url(text) : undefined;
      } catch {
        return undefined;
      }
    },
    save(roomId, state) {
      try {
        storage?.setItem(PREFIX + roomId, toBase64Url(state));
      } catch {
        // Full or refused: the room and the stored design still hold the work.
      }
    },
    forget(roomId) {
      try {
        storage?.removeItem(PREFIX + roomId);
      } catch {
        // Nothing stored.
      }
    },
  };
}

/**
 * Keeps `plain` in the cache while in the room: 300 ms after a burst of changes, and at once when
 * the page is hidden (a tab closed right after an edit). Returns the stop, which also forgets it.
 */
export function keepRoomCached(plain: Y.Doc, cache: RoomCache, roomId: string): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const saveNow = () => {
    clearTimeout(timer);
    timer = undefined;
    cache.save(roomId, Y.encodeStateAsUpdate(plain));
  };
  const onUpdate = () => {
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
