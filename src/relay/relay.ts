import { Database } from '@hocuspocus/extension-database';
import { Server, type Document } from '@hocuspocus/server';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { writeTokenOpens } from '../collab/roomKeys';
import type { RoomStore } from './roomStore';

/**
 * The collaboration relay: Hocuspocus, unmodified, persisting rooms through its database
 * extension. It sees ciphertext only (src/collab/encryptedRoom.ts) and tells writers from readers
 * by the write token (src/collab/roomKeys.ts), so it needs no accounts and no keys.
 */
export interface RelayOptions {
  port: number;
  /** The address to listen on: 127.0.0.1 for this machine only, 0.0.0.0 for the network. */
  host: string;
  store: RoomStore;
  /** Largest room state (bytes) the relay keeps; changes that would grow a room past it are refused. */
  maxRoomBytes: number;
  /** Largest WebSocket message (bytes); a larger one closes the connection (code 1009). */
  maxMessageBytes: number;
  /** How long after a change the room is written to the store (ms). */
  storeDelayMs?: number;
  log?: (line: string) => void;
}

export const DEFAULT_RELAY_LIMITS = {
  maxRoomBytes: 64 * 1024 * 1024,
  maxMessageBytes: 16 * 1024 * 1024,
};

export interface RunningRelay {
  /** ws://host:port, what the studio is configured with. */
  url: string;
  port: number;
  /** Closes connections, writes every open room to the store, closes the store. */
  stop(): Promise<void>;
}

/** WebSocket close code for a change refused because its room is full (4000-4999: application). */
export const ROOM_FULL_CLOSE_CODE = 4413;
const ROOM_ID = /^[A-Za-z0-9_-]{16,64}$/;
const SYNC_MESSAGE = 0;
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

export async function startRelay(options: RelayOptions): Promise<RunningRelay> {
  const log = options.log ?? (() => {});
  /** Each room's size as last measured plus what was accepted since: exact when near the cap. */
  const roomBytes = new Map<string, number>();

  const server = new Server(
    {
      port: options.port,
      address: options.host,
      quiet: true,
      stopOnSignals: false,
      debounce: options.storeDelayMs ?? 1000,
      maxDebounce: Math.max(options.storeDelayMs ?? 1000, 5000),
      extensions: [
        new Database({
          fetch: ({ documentName }) => options.store.fetch(documentName),
          store: ({ documentName, state }) => options.store.store(documentName, state),
        }),
      ],
      async onAuthenticate({ documentName, token, connectionConfig }) {
        if (!ROOM_ID.test(documentName)) throw new Error('Not a Tablewright room.');
        // No token or another one: a reader. Readers still sync and share (sealed) presence.
        connectionConfig.readOnly = !(await writeTokenOpens(documentName, token));
      },
      async afterLoadDocument({ documentName, document }) {
        roomBytes.set(documentName, Y.encodeStateAsUpdate(document).length);
      },
      async beforeHandleMessage({ documentName, document, update }) {
        const change = changeIn(update);
        if (!change) return;
        const known = roomBytes.get(documentName) ?? 0;
        if (known + change.length <= options.maxRoomBytes) {
          roomBytes.set(documentName, known + change.length);
          return;
        }
        // Near the cap: measure what the room would really be (a compaction shrinks it).
        const after = sizeWith(document, change);
        if (after > options.maxRoomBytes) {
          log(
            `Refused a change to room ${documentName}: it would be ${after} bytes, over the ${options.maxRoomBytes}-byte cap.`,
          );
          throw Object.assign(new Error('room full'), {
            code: ROOM_FULL_CLOSE_CODE,
            reason: 'room-full',
          });
        }
        roomBytes.set(documentName, after);
      },
      async afterUnloadDocument({ documentName }) {
        roomBytes.delete(documentName);
      },
    },
    { maxPayload: options.maxMessageBytes },
  );
  // Not server.listen(): it passes the address as `address`, which Node ignores (so it listens on
  // every interface), and it leaves a port in use as an unhandled 'error' event.
  await new Promise<void>((resolve, reject) => {
    server.httpServer.once('error', reject);
    server.httpServer.listen({ port: options.port, host: options.host }, () => {
      server.httpServer.off('error', reject);
      resolve();
    });
  });
  const port = server.address.port;
  const shownHost = options.host === '0.0.0.0' ? 'localhost' : options.host;
  return {
    url: `ws://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${port}`,
    port,
    async stop() {
      await server.destroy();
      // Hocuspocus closes its documents but leaves the sockets open: a stopped relay must be
      // gone for its clients, so they go offline and reconnect to the next one.
      for (const socket of server.webSocketServer.clients) socket.terminate();
      server.httpServer.closeAllConnections();
      await options.store.close();
    },
  };
}

/** The Yjs update a sync message carries (step 2 or update), or undefined for anything else. */
function changeIn(message: Uint8Array): Uint8Array | undefined {
  try {
    const decoder = decoding.createDecoder(message);
    decoding.readVarString(decoder);
    if (decoding.readVarUint(decoder) !== SYNC_MESSAGE) return undefined;
    const kind = decoding.readVarUint(decoder);
    if (kind !== SYNC_STEP_2 && kind !== SYNC_UPDATE) return undefined;
    return decoding.readVarUint8Array(decoder);
  } catch {
    return undefined;
  }
}

function sizeWith(document: Document, change: Uint8Array): number {
  const trial = new Y.Doc();
  try {
    Y.applyUpdate(trial, Y.encodeStateAsUpdate(document));
    Y.applyUpdate(trial, change);
    return Y.encodeStateAsUpdate(trial).length;
  } catch {
    return Number.POSITIVE_INFINITY;
  } finally {
    trial.destroy();
  }
}
