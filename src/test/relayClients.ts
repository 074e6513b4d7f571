import { afterEach, expect } from 'vitest';
import * as Y from 'yjs';
import { joinRoom, type Collaboration } from '../app/collaboration';
import type { RoomInvite } from '../collab/roomKeys';
import { readSharedDocument, writeSharedDocument } from '../collab/sharedDesign';
import type { DesignDocument } from '../core/model';
import { startRelay, type RunningRelay } from '../relay/relay';
import type { RoomStore } from '../relay/roomStore';
import { NodeWebSocket } from './nodeWebSocket';
import { until } from './until';

/**
 * Relays as teams run them (Hocuspocus on 127.0.0.1, over a room store) and clients as the studio
 * connects them (HocuspocusProvider over the `ws` WebSocket, encrypted rooms), without a studio:
 * each client is a plain Yjs document holding the design. Call `useRelayClients()` at the top of a
 * test file; after each test it has every client leave and every relay stop.
 */

/** Room and message caps roomy enough that no ordinary test meets them. */
export const ROOMY_LIMITS = { maxRoomBytes: 4 * 1024 * 1024, maxMessageBytes: 1024 * 1024 };
/** Caps small enough for a test to reach with a few long table comments. */
export const SMALL_LIMITS = { maxRoomBytes: 96 * 1024, maxMessageBytes: 48 * 1024 };

export interface RelayClient {
  plain: Y.Doc;
  collab: Collaboration;
}

/** What `useRelayClients()` gives a test file. */
export type RelayClients = ReturnType<typeof useRelayClients>;

export function useRelayClients(options: { expectNoRefusals?: boolean } = {}) {
  const open: Collaboration[] = [];
  const relays: RunningRelay[] = [];
  /** Whatever any client refused or failed at: honest clients through an honest relay refuse nothing. */
  const refusals: unknown[] = [];
  afterEach(async () => {
    const refused = refusals.splice(0);
    for (const c of open.splice(0)) c.leave();
    for (const r of relays.splice(0)) await r.stop().catch(() => {});
    if (options.expectNoRefusals) expect(refused).toEqual([]);
  });
  return {
    /** What clients refused or failed at so far in this test (with `expectNoRefusals`). */
    refusals,
    /** A relay on `port` (0: any free one) that stores rooms shortly after a change. */
    async startRelay(store: RoomStore, port = 0, limits = ROOMY_LIMITS): Promise<RunningRelay> {
      const relay = await startRelay({
        port,
        host: '127.0.0.1',
        store,
        ...limits,
        storeDelayMs: 50,
      });
      relays.push(relay);
      return relay;
    },
    /** Stops one relay now (its clients go on trying to reconnect). */
    async stopRelay(relay: RunningRelay): Promise<void> {
      relays.splice(relays.indexOf(relay), 1);
      await relay.stop();
    },
    /** A client in the room, synced; `seed` is the design it brings, `closed` collects why the relay closed on it. */
    async client(
      relayUrl: string,
      invite: RoomInvite,
      seed?: DesignDocument,
      closed?: (number | string)[],
    ): Promise<RelayClient> {
      const plain = new Y.Doc();
      if (seed) writeSharedDocument(plain, seed, 'local');
      const joined = await joinRoom({
        relayUrl,
        invite,
        plain,
        WebSocketPolyfill: NodeWebSocket,
        ...(options.expectNoRefusals
          ? { onRefused: (r) => refusals.push(r), onError: (e) => refusals.push(e) }
          : {}),
        onClosed: (code, reason) => closed?.push(code, reason),
      });
      if (!joined.ok) throw new Error(joined.error.message);
      open.push(joined.value);
      await joined.value.synced();
      return { plain, collab: joined.value };
    },
    /** Every client started so far leaves now. */
    leaveAll(): void {
      for (const c of open.splice(0)) c.leave();
    },
  };
}

/** The design a client holds, as the studio would read it. */
export const design = (c: RelayClient) => {
  const r = readSharedDocument(c.plain);
  return r.ok ? r.value.doc : undefined;
};

export const tableName = (c: RelayClient, id = 't_customers') => design(c)?.design.tables[id]?.name;

/** A local edit of the client's design, as the studio writes one. */
export function edit(c: RelayClient, change: (d: DesignDocument) => DesignDocument): void {
  const before = design(c)!;
  writeSharedDocument(c.plain, change(before), 'local', before);
}

/** Until `c`'s changes are sealed (asynchronously) and the relay has them all. */
export async function sent(c: RelayClient, what: string): Promise<void> {
  await c.collab.room.idle();
  await until(() => c.collab.allSent(), what);
}

/** Whether `text` stands anywhere in what a store keeps: a relay must see ciphertext only. */
export const contains = (bytes: Uint8Array, text: string) =>
  Buffer.from(bytes).includes(Buffer.from(text));
