import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { exampleDocument, type DesignDocument } from '../core/model';
import { renameTable } from '../core/ops';
import { BLOBS, EncryptedRoom, type RoomRefusal } from './encryptedRoom';
import {
  createRoom,
  inviteFragment,
  openRoomKeys,
  parseInviteFragment,
  readOnlyInvite,
  writeTokenOpens,
  type RoomInvite,
  type RoomKeys,
} from './roomKeys';
import { openPresence, sealBlob, sealPresence } from './sealedBlobs';
import { readSharedDocument, writeSharedDocument } from './sharedDesign';

async function keysOf(invite: RoomInvite): Promise<RoomKeys> {
  const keys = await openRoomKeys(invite);
  if (!keys.ok) throw new Error(keys.error.message);
  return keys.value;
}

interface Member {
  plain: Y.Doc;
  sealed: Y.Doc;
  room: EncryptedRoom;
  refusals: RoomRefusal[];
}

function member(keys: RoomKeys): Member {
  const plain = new Y.Doc();
  const sealed = new Y.Doc();
  const refusals: RoomRefusal[] = [];
  const room = new EncryptedRoom({
    keys,
    plain,
    sealed,
    onRefused: (r) => refusals.push(r),
    onError: (e) => {
      throw e;
    },
  });
  return { plain, sealed, room, refusals };
}

/** What a relay does: every member's public doc gets the others' blobs. */
async function relay(...members: Member[]) {
  for (let round = 0; round < 2; round++) {
    for (const m of members) await m.room.idle();
    for (const a of members)
      for (const b of members)
        if (a !== b)
          Y.applyUpdate(b.sealed, Y.encodeStateAsUpdate(a.sealed, Y.encodeStateVector(b.sealed)));
  }
  for (const m of members) await m.room.idle();
}

function design(m: Member): DesignDocument | undefined {
  const r = readSharedDocument(m.plain);
  return r.ok ? r.value.doc : undefined;
}

function edit(m: Member, change: (d: DesignDocument) => DesignDocument) {
  const before = design(m)!;
  writeSharedDocument(m.plain, change(before), 'local', before);
}

const contains = (haystack: Uint8Array, text: string) =>
  Buffer.from(haystack).includes(Buffer.from(text));

describe('room invites', () => {
  it('round-trip through a link fragment, and a read-only one has no signing key', async () => {
    const invite = await createRoom();
    const parsed = parseInviteFragment(`#${inviteFragment(invite)}`);
    expect(parsed.ok && parsed.value).toEqual(invite);
    const reader = parseInviteFragment(inviteFragment(readOnlyInvite(invite)));
    expect(reader.ok && reader.value.sign).toBeUndefined();
    expect((await keysOf(reader.ok ? reader.value : invite)).access).toBe('read');
    const writer = await keysOf(invite);
    expect(writer.access).toBe('write');
    expect(await writeTokenOpens(invite.roomId, writer.writeToken!)).toBe(true);
    expect(await writeTokenOpens(invite.roomId, 'x'.repeat(43))).toBe(false);
  });

  it('refuses damaged invites with a sentence', async () => {
    const invite = await createRoom();
    const text = inviteFragment(invite);
    for (const broken of [
      '',
      'room=short',
      text.replace(/key=[^&]+/, 'key=abc'),
      text.replace(/sign=.*/, 'sign=AAAA'),
    ]) {
      const r = parseInviteFragment(broken);
      expect(r.ok).toBe(false);
      expect(r.ok ? '' : r.error.message).toMatch(/room|invite/);
    }
    // Someone else's signing key on this room id.
    const other = await createRoom();
    const mixed = await openRoomKeys({ ...invite, sign: other.sign! });
    expect(mixed.ok).toBe(false);
  });
});

describe('an encrypted room', () => {
  it('syncs two writers both ways while the public doc holds only ciphertext', async () => {
    const keys = await keysOf(await createRoom());
    const a = member(keys);
    const b = member(keys);
    writeSharedDocument(a.plain, exampleDocument(), 'local');
    await relay(a, b);
    expect(design(b)).toEqual(design(a));
    edit(b, (d) => ({ ...d, design: renameTable(d.design, 't_customers', 'patrons') }));
    await relay(a, b);
    expect(design(a)!.design.tables.t_customers!.name).toBe('patrons');
    for (const m of [a, b]) {
      const stored = Y.encodeStateAsUpdate(m.sealed);
      expect(contains(Y.encodeStateAsUpdate(m.plain), 'patrons')).toBe(true);
      for (const name of ['patrons', 'customers', 'order_items', 'Online shop'])
        expect(contains(stored, name)).toBe(false);
    }
    expect([...a.refusals, ...b.refusals]).toEqual([]);
  });

  it('cannot be read with another key: every blob is refused and the copy stays empty', async () => {
    const invite = await createRoom();
    const a = member(await keysOf(invite));
    const stranger = member(
      await keysOf({
        ...(await createRoom()),
        roomId: invite.roomId,
        sign: undefined,
      } as RoomInvite),
    );
    writeSharedDocument(a.plain, exampleDocument(), 'local');
    await relay(a, stranger);
    expect(design(stranger)).toBeUndefined();
    expect(stranger.refusals.map((r) => r.reason)).toContain('badSignature');
  });

  it('refuses a tampered blob and keeps its copy as it was', async () => {
    const keys = await keysOf(await createRoom());
    const a = member(keys);
    const b = member(keys);
    writeSharedDocument(a.plain, exampleDocument(), 'local');
    await relay(a, b);
    const before = design(b);
    edit(a, (d) => ({ ...d, design: renameTable(d.design, 't_customers', 'patrons') }));
    await a.room.idle();
    const blobs = a.sealed.getArray<Uint8Array>(BLOBS);
    const last = blobs.get(blobs.length - 1);
    const tampered = new Uint8Array(last);
    tampered[tampered.length - 1]! ^= 1;
    const forged = new Y.Doc();
    Y.applyUpdate(forged, Y.encodeStateAsUpdate(b.sealed));
    forged.getArray<Uint8Array>(BLOBS).push([tampered, new Uint8Array([1, 2, 3])]);
    Y.applyUpdate(b.sealed, Y.encodeStateAsUpdate(forged, Y.encodeStateVector(b.sealed)));
    await b.room.idle();
    expect(design(b)).toEqual(before);
    expect(b.refusals.map((r) => r.reason).sort()).toEqual(['badSignature', 'malformed']);
  });

  it('refuses a correctly signed change whose design does not fit the model (a modified client)', async () => {
    const keys = await keysOf(await createRoom());
    const a = member(keys);
    writeSharedDocument(a.plain, exampleDocument(), 'local');
    await a.room.idle();
    const before = design(a);
    // The modified client: its own plaintext doc, a table whose columns are not columns.
    const evil = new Y.Doc();
    Y.applyUpdate(evil, Y.encodeStateAsUpdate(a.plain));
    const updates: Uint8Array[] = [];
    evil.on('update', (u: Uint8Array) => updates.push(u));
    evil.getMap<Y.Map<unknown>>('design.tables').get('t_customers')!.set('name', { drop: 'table' });
    const blob = await sealBlob(keys, 'update', updates[0]!);
    a.sealed.getArray<Uint8Array>(BLOBS).push([blob]);
    await a.room.idle();
    expect(design(a)).toEqual(before);
    expect(a.refusals.map((r) => r.reason)).toEqual(['invalid']);
    // And garbage that decrypts but is no Yjs update at all.
    a.sealed
      .getArray<Uint8Array>(BLOBS)
      .push([await sealBlob(keys, 'update', new Uint8Array([255, 255, 255, 7]))]);
    await a.room.idle();
    expect(design(a)).toEqual(before);
    expect(a.refusals.map((r) => r.reason)).toEqual(['invalid', 'invalid']);
  });

  it('lets a read-only member follow, and nobody accepts what it writes', async () => {
    const invite = await createRoom();
    const a = member(await keysOf(invite));
    const reader = member(await keysOf(readOnlyInvite(invite)));
    writeSharedDocument(a.plain, exampleDocument(), 'local');
    await relay(a, reader);
    expect(design(reader)).toEqual(design(a));
    edit(reader, (d) => ({ ...d, design: renameTable(d.design, 't_customers', 'hijacked') }));
    await reader.room.idle();
    expect(reader.refusals.map((r) => r.reason)).toEqual(['readOnly']);
    // A modified reader pushes its own blob anyway: unsigned (it has no signing key).
    const readerKeys = await keysOf(readOnlyInvite(invite));
    await expect(sealBlob(readerKeys, 'update', new Uint8Array([0]))).rejects.toThrow(/read-only/);
    const unsigned = await sealBlob(
      { ...readerKeys, signingKey: (await keysOf(await createRoom())).signingKey },
      'update',
      Y.encodeStateAsUpdate(reader.plain),
    );
    reader.sealed.getArray<Uint8Array>(BLOBS).push([unsigned]);
    await relay(a, reader);
    expect(design(a)!.design.tables.t_customers!.name).toBe('customers');
    expect(a.refusals.map((r) => r.reason)).toEqual(['badSignature']);
  });

  it('compacts the room into one snapshot that a newcomer opens', async () => {
    const keys = await keysOf(await createRoom());
    const a = member(keys);
    writeSharedDocument(a.plain, exampleDocument(), 'local');
    await a.room.idle();
    for (let i = 0; i < 30; i++) {
      edit(a, (d) => ({ ...d, design: renameTable(d.design, 't_customers', `customers_${i}`) }));
      await a.room.idle();
    }
    const blobs = a.sealed.getArray<Uint8Array>(BLOBS);
    expect(blobs.length).toBe(31);
    const grown = Y.encodeStateAsUpdate(a.sealed).length;
    await a.room.compact();
    expect(blobs.length).toBe(1);
    expect(Y.encodeStateAsUpdate(a.sealed).length).toBeLessThan(grown);
    const newcomer = member(keys);
    await relay(a, newcomer);
    expect(design(newcomer)).toEqual(design(a));
    expect(design(newcomer)!.design.tables.t_customers!.name).toBe('customers_29');
  });

  it('seals presence so only members read it', async () => {
    const invite = await createRoom();
    const keys = await keysOf(invite);
    const sealed = await sealPresence(keys, { name: 'Ada', color: 'teal' });
    expect(sealed).not.toMatch(/Ada/);
    expect(await openPresence(await keysOf(readOnlyInvite(invite)), sealed, 4096)).toEqual({
      name: 'Ada',
      color: 'teal',
    });
    expect(await openPresence(await keysOf(await createRoom()), sealed, 4096)).toBeUndefined();
    expect(await openPresence(keys, 'garbage!', 4096)).toBeUndefined();
  });
});
