import type { Result } from '../core/result';
import type { OpenError } from './errors';
import { openTablewrightDb, type OpenDbOptions, type TablewrightDb } from './openDb';

/**
 * The `rooms` store: each live room's Yjs state as this browser last committed it. The bytes are
 * opaque here (the app layer merges and checks them with Yjs). Every operation rejects with what
 * IndexedDB threw, or with the open error (an `Error` whose `cause` is the OpenError), so the
 * caller can tell a full disk from storage refused altogether.
 */
export interface RoomRecords {
  get(roomId: string): Promise<Uint8Array | undefined>;
  put(roomId: string, state: Uint8Array): Promise<void>;
  delete(roomId: string): Promise<void>;
}

export type OpenRoomsDb = () => Promise<Result<TablewrightDb, OpenError>>;

/** The studio's own database (the one designs are in), opened on first use and reopened if closed. */
export function browserOpenRoomsDb(options: Pick<OpenDbOptions, 'indexedDB'> = {}): OpenRoomsDb {
  return () => openTablewrightDb('tablewright', options);
}

export function idbRoomRecords(open: OpenRoomsDb, now: () => number = Date.now): RoomRecords {
  let connection: Promise<TablewrightDb> | undefined;
  const db = (): Promise<TablewrightDb> => {
    connection ??= open().then((opened) => {
      if (opened.ok) {
        // Closed by the browser or for another tab's upgrade: the next operation opens it again.
        opened.value.addEventListener('close', () => (connection = undefined));
        opened.value.addEventListener('versionchange', () => (connection = undefined));
        return opened.value;
      }
      connection = undefined; // refused now; perhaps not after the person frees some space
      throw new Error(opened.error.message, { cause: opened.error });
    });
    return connection;
  };
  return {
    async get(roomId) {
      const record: unknown = await (await db()).get('rooms', roomId);
      const state = (record as { state?: unknown } | undefined)?.state;
      // Whatever was stored is checked by Yjs before use; anything but bytes is not a room.
      return ArrayBuffer.isView(state)
        ? new Uint8Array(state.buffer, state.byteOffset, state.byteLength)
        : undefined;
    },
    async put(roomId, state) {
      await (await db()).put('rooms', { roomId, state, savedAt: now() });
    },
    async delete(roomId) {
      await (await db()).delete('rooms', roomId);
    },
  };
}
