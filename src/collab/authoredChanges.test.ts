import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { exampleDocument } from '../core/model';
import { renameTable } from '../core/ops';
import { encodeAuthoredChange } from './authoredChanges';
import { BLOBS, EncryptedRoom, type RoomRefusal } from './encryptedRoom';
import { createRoom, openRoomKeys, type RoomKeys } from './roomKeys';
import { sealBlob } from './sealedBlobs';
import { readSharedDocument, writeSharedDocument } from './sharedDesign';

/** Authors sealed with changes, through encrypted rooms synced as a relay syncs them. */
async function writerKeys(): Promise<RoomKeys> {
  const keys = await openRoomKeys(await createRoom());
  if (!keys.ok) throw new Error(keys.error.message);
  return keys.value;
}

function member(keys: RoomKeys, author?: unknown) {
  const plain = new Y.Doc();
  const sealed = new Y.Doc();
  const heard: unknown[][] = [];
  const refusals: RoomRefusal[] = [];
  const room = new EncryptedRoom({
    keys,
    plain,
    sealed,
    ...(author ? { author: () => author } : {}),
    onApplying: (authors) => heard.push(authors),
    onRefused: (r) => refusals.push(r),
  });
  return { plain, sealed, room, heard, refusals };
}

type Member = ReturnType<typeof member>;

async function sync(a: Member, b: Member) {
  await a.room.idle();
  Y.applyUpdate(b.sealed, Y.encodeStateAsUpdate(a.sealed, Y.encodeStateVector(b.sealed)));
  await b.room.idle();
}

function rename(m: Member, name: string) {
  const read = readSharedDocument(m.plain);
  const before = read.ok ? read.value.doc : exampleDocument();
  const next = { ...before, design: renameTable(before.design, 't_orders', name) };
  writeSharedDocument(m.plain, next, 'local', read.ok ? before : undefined);
}

describe('changes sealed with their author', () => {
  it('tell the receiver who made them; a change sealed without one is by nobody known', async () => {
    const keys = await writerKeys();
    const ana = member(keys, { name: 'Ana', colour: '#e5484d' });
    const old = member(keys); // a studio that seals no author
    const ben = member(keys);
    rename(ana, 'by_ana');
    await sync(ana, ben);
    expect(ben.heard).toEqual([[{ name: 'Ana', colour: '#e5484d' }]]);
    await sync(ana, old);
    rename(old, 'by_old');
    await sync(old, ben);
    expect(ben.heard[1]).toEqual([undefined]);
    const read = readSharedDocument(ben.plain);
    expect(read.ok && read.value.doc.design.tables.t_orders?.name).toBe('by_old');
  });

  it('refuses a change whose author part is damaged, and keeps the copy as it was', async () => {
    const keys = await writerKeys();
    const ben = member(keys);
    const damaged = await sealBlob(keys, 'change', new Uint8Array([0xff, 0xff, 1, 2]));
    ben.sealed.getArray<Uint8Array>(BLOBS).push([damaged]);
    await ben.room.idle();
    expect(ben.refusals.map((r) => r.reason)).toEqual(['malformed']);
    expect(ben.heard).toEqual([]);
    // A well-formed author part over an update that is not one is refused as any bad update.
    const bad = await sealBlob(
      keys,
      'change',
      encodeAuthoredChange({ name: 'Eve' }, new Uint8Array([9, 9, 9])),
    );
    ben.sealed.getArray<Uint8Array>(BLOBS).push([bad]);
    await ben.room.idle();
    expect(ben.refusals.map((r) => r.reason)).toEqual(['malformed', 'invalid']);
    expect(ben.plain.store.clients.size).toBe(0);
  });
});
