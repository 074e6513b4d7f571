import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BLOBS } from '../collab/encryptedRoom';
import { createRoom, readOnlyInvite } from '../collab/roomKeys';
import { sealBlob } from '../collab/sealedBlobs';
import { exampleDocument } from '../core/model';
import { renameTable, updateColumn } from '../core/ops';
import {
  contains,
  design,
  edit,
  ROOMY_LIMITS,
  SMALL_LIMITS,
  tableName,
  useRelayClients,
} from '../test/relayClients';
import { until } from '../test/until';
import {
  growPastRoomCap,
  longComment,
  newcomerWithinRoomCap,
  sendPastMessageCap,
} from '../test/relayCaps';
import { sqliteRoomStore } from './roomStore';

/**
 * The relay as teams run it (Hocuspocus with the SQLite store, on 127.0.0.1) and clients as the
 * studio connects them (HocuspocusProvider over the `ws` WebSocket, encrypted rooms).
 */

const dir = mkdtempSync(join(tmpdir(), 'tw-relay-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const rooms = useRelayClients({ expectNoRefusals: true });
const { client, refusals } = rooms;
const relayOn = (file: string, port?: number, limits?: typeof ROOMY_LIMITS) =>
  rooms.startRelay(sqliteRoomStore(file), port, limits);

describe('the relay', () => {
  it('carries live edits both ways between three clients, storing ciphertext only', async () => {
    const file = join(dir, 'live.sqlite');
    const relay = await relayOn(file);
    expect(relay.url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+$/);
    const invite = await createRoom();
    const a = await client(relay.url, invite, exampleDocument());
    await until(() => a.collab.allSent(), 'the seed to reach the relay');
    const b = await client(relay.url, invite);
    const c = await client(relay.url, invite);
    await until(
      () => tableName(b) === 'customers' && tableName(c) === 'customers',
      'B and C to get the design',
    );

    edit(b, (d) => ({ ...d, design: renameTable(d.design, 't_customers', 'patrons') }));
    await until(
      () => tableName(a) === 'patrons' && tableName(c) === 'patrons',
      'A and C to see B’s rename',
    );
    edit(a, (d) => ({ ...d, design: renameTable(d.design, 't_orders', 'purchases') }));
    await until(() => tableName(b, 't_orders') === 'purchases', 'B to see A’s rename');
    await until(() => JSON.stringify(design(c)) === JSON.stringify(design(a)), 'C to match A');

    // Presence crosses too, sealed.
    await a.collab.presence.set({ name: 'Ada', color: 'teal' });
    await until(
      () =>
        [...b.collab.presence.current().values()].some(
          (p) => (p as { name?: string }).name === 'Ada',
        ),
      'B to see Ada',
    );

    await until(() => a.collab.allSent() && b.collab.allSent(), 'every change to reach the relay');
    rooms.leaveAll();
    await rooms.stopRelay(relay);
    const stored = await sqliteRoomStore(file).fetch(invite.roomId);
    expect(stored!.length).toBeGreaterThan(1000);
    for (const name of ['patrons', 'purchases', 'customers', 'order_items', 'Online shop', 'Ada'])
      expect(contains(stored!, name)).toBe(false);
  });

  it('keeps rooms across a restart mid-session; clients reconnect and send what they did meanwhile', async () => {
    const file = join(dir, 'restart.sqlite');
    const relay = await relayOn(file);
    const invite = await createRoom();
    const a = await client(relay.url, invite, exampleDocument());
    edit(a, (d) => ({ ...d, design: renameTable(d.design, 't_customers', 'before_restart') }));
    await until(() => a.collab.allSent(), 'A’s edit to reach the relay');
    await rooms.stopRelay(relay);
    await until(() => a.collab.status() !== 'connected', 'A to notice the relay is gone');
    edit(a, (d) => ({ ...d, design: renameTable(d.design, 't_orders', 'while_down') }));

    const again = await relayOn(file, relay.port);
    await until(
      () => a.collab.status() === 'connected' && a.collab.allSent(),
      'A to reconnect and send',
      30_000,
    );
    // A newcomer sees both edits; the one before the restart came from the SQLite file.
    const b = await client(again.url, invite);
    await until(
      () => tableName(b, 't_orders') === 'while_down',
      'B to get the edit made while the relay was down',
    );
    expect(tableName(b)).toBe('before_restart');

    // And the file alone holds the room: a relay restarted with nobody connected still has it.
    rooms.leaveAll();
    await rooms.stopRelay(again);
    const third = await relayOn(file, relay.port);
    const c = await client(third.url, invite);
    await until(() => tableName(c, 't_orders') === 'while_down', 'C to get the room from the file');
  });

  it('merges the edits of a client that was offline for a while', async () => {
    const relay = await relayOn(join(dir, 'offline.sqlite'));
    const invite = await createRoom();
    const a = await client(relay.url, invite, exampleDocument());
    const b = await client(relay.url, invite);
    await until(() => tableName(b) === 'customers', 'B to get the design');
    const column = design(a)!.design.tables.t_customers!.columns[1]!;

    b.collab.goOffline();
    await until(() => b.collab.status() === 'offline', 'B to be offline');
    edit(a, (d) => ({ ...d, design: renameTable(d.design, 't_orders', 'purchases') }));
    edit(a, (d) => ({
      ...d,
      design: updateColumn(d.design, 't_customers', column.id, { name: 'from_a' }),
    }));
    for (let i = 0; i < 20; i++)
      edit(b, (d) => ({ ...d, design: renameTable(d.design, 't_products', `goods_${i}`) }));
    edit(b, (d) => ({
      ...d,
      design: updateColumn(d.design, 't_customers', column.id, { name: 'from_b' }),
    }));
    await until(() => a.collab.allSent(), 'A’s edits to reach the relay');
    expect(tableName(b, 't_orders')).toBe('orders');

    b.collab.goOnline();
    await until(() => tableName(b, 't_orders') === 'purchases', 'B to get A’s edits');
    await until(() => tableName(a, 't_products') === 'goods_19', 'A to get B’s edits');
    await until(
      () => JSON.stringify(design(a)) === JSON.stringify(design(b)),
      'one design on both',
    );
    // Both renamed one column: one name wins, the same on both screens.
    expect(['from_a', 'from_b']).toContain(design(a)!.design.tables.t_customers!.columns[1]!.name);
  });

  it('refuses writes from a read-only connection, and the reader still follows', async () => {
    const relay = await relayOn(join(dir, 'readonly.sqlite'));
    const invite = await createRoom();
    const a = await client(relay.url, invite, exampleDocument());
    const reader = await client(relay.url, readOnlyInvite(invite));
    await until(() => tableName(reader) === 'customers', 'the reader to get the design');
    const blobsAtA = () => a.collab.sealed.getArray(BLOBS).length;
    const before = blobsAtA();

    // A modified reader appends a blob signed with a key of its own: the relay does not take it.
    const forger = await createRoom();
    const { openRoomKeys } = await import('../collab/roomKeys');
    const forgerKeys = await openRoomKeys(forger);
    if (!forgerKeys.ok) throw new Error(forgerKeys.error.message);
    const blob = await sealBlob(
      { ...reader.collab.keys, signingKey: forgerKeys.value.signingKey },
      'update',
      new Uint8Array([0, 0]),
    );
    reader.collab.sealed.getArray<Uint8Array>(BLOBS).push([blob]);

    edit(a, (d) => ({ ...d, design: renameTable(d.design, 't_customers', 'after_forgery') }));
    await until(() => tableName(reader) === 'after_forgery', 'the reader to follow A');
    expect(blobsAtA()).toBe(before + 1); // A's own edit only: the forged blob never reached A
    const c = await client(relay.url, invite);
    await until(() => tableName(c) === 'after_forgery', 'a newcomer to get the room');
    expect(c.collab.sealed.getArray(BLOBS).length).toBe(before + 1);
    // The forger's own copy refuses its blob too: peers check signatures whatever the relay does.
    expect(refusals.splice(0)).toEqual([expect.objectContaining({ reason: 'badSignature' })]);
  });

  it('closes a connection that sends a message past the message cap, keeping nothing of it', async () => {
    const relay = await relayOn(join(dir, 'caps.sqlite'), 0, SMALL_LIMITS);
    const big = await sendPastMessageCap(rooms, relay.url);
    const kept = await newcomerWithinRoomCap(rooms, relay.url, big);
    expect(kept.t_orders!.comment ?? '').not.toContain(longComment(1024));
  });

  it('refuses changes that would grow a room past its cap', async () => {
    const relay = await relayOn(join(dir, 'full.sqlite'), 0, SMALL_LIMITS);
    const full = await growPastRoomCap(rooms, relay.url);
    const kept = await newcomerWithinRoomCap(rooms, relay.url, full);
    expect(Object.values(kept).filter((t) => t.comment?.startsWith('xxx')).length).toBeLessThan(4);
  });
});
