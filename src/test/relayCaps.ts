import { expect } from 'vitest';
import * as Y from 'yjs';
import { createRoom, type RoomInvite } from '../collab/roomKeys';
import { exampleDocument, type Design } from '../core/model';
import { setTableComment } from '../core/ops';
import { design, edit, sent, SMALL_LIMITS, tableName, type RelayClients } from './relayClients';
import { until } from './until';

/**
 * The relay's caps, as every room store must keep them: the same steps whatever the store
 * (SQLite, PostgreSQL). The relay runs with `SMALL_LIMITS`.
 */

/** A long table comment: `n` characters. */
export const longComment = (n: number) => 'x'.repeat(n);

/**
 * A client that does not keep to the relay's message cap sends one change past it: the relay
 * closes its connection (1009). Resolves with the room, once the client has left it.
 */
export async function sendPastMessageCap(
  rooms: RelayClients,
  relayUrl: string,
): Promise<RoomInvite> {
  const big = await createRoom();
  const closed: (number | string)[] = [];
  const a = await rooms.client(relayUrl, big, exampleDocument(), closed);
  await sent(a, 'the seed to reach the relay');
  edit(a, (d) => ({
    ...d,
    design: setTableComment(d.design, 't_orders', longComment(60 * 1024)),
  }));
  await until(() => closed.includes(1009), 'the relay to close on the large message');
  a.collab.leave();
  return big;
}

/**
 * Changes within the message cap, until the room is full: the relay refuses the one that would
 * grow the room past its cap (Hocuspocus closes the document with the reason `room-full`).
 * Resolves with the room, once the client has left it.
 */
export async function growPastRoomCap(rooms: RelayClients, relayUrl: string): Promise<RoomInvite> {
  const full = await createRoom();
  const refusedAt: (number | string)[] = [];
  const c = await rooms.client(relayUrl, full, exampleDocument(), refusedAt);
  for (const id of ['t_customers', 't_products', 't_addresses', 't_orders']) {
    edit(c, (d) => ({ ...d, design: setTableComment(d.design, id, longComment(30 * 1024)) }));
    await c.collab.room.idle();
  }
  await until(
    () => refusedAt.includes('room-full'),
    'the relay to refuse growing the room past its cap',
  );
  c.collab.leave();
  return full;
}

/** What a newcomer gets of the room: the example design, no larger than the room cap. */
export async function newcomerWithinRoomCap(
  rooms: RelayClients,
  relayUrl: string,
  invite: RoomInvite,
): Promise<Design['tables']> {
  const b = await rooms.client(relayUrl, invite);
  await until(() => tableName(b) === 'customers', 'a newcomer to get the room');
  expect(Y.encodeStateAsUpdate(b.collab.sealed).length).toBeLessThanOrEqual(
    SMALL_LIMITS.maxRoomBytes,
  );
  return design(b)!.design.tables;
}
