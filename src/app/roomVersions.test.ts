import 'fake-indexeddb/auto';
import { deflateSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createStore } from 'zustand/vanilla';
import { listSharedVersions, VERSIONS } from '../collab/sharedVersions';
import { parseInviteFragment } from '../collab/roomKeys';
import { exampleDocument, type DesignDocument } from '../core/model';
import { renameTable } from '../core/ops';
import { openDesignRepo } from '../persistence/designRepo';
import { memoryRoomStore } from '../relay/roomStore';
import { NodeWebSocket } from '../test/nodeWebSocket';
import { createStudioStore, type StudioStore } from '../state/store';
import {
  designsOnScreen,
  fragment,
  noticeTexts,
  quietNotices,
  until,
  useRoomStudios,
} from '../test/roomStudios';
import type { CollabSession } from './collabSession';
import { joinRoom, type Collaboration } from './collaboration';
import type { DesignSession } from './designSession';
import type { RoomCache } from './roomCache';
import { roomVersions } from './roomVersions';
import { createVersions, type Versions } from './versions';

/**
 * Named versions shared in a live room, through a real relay (Hocuspocus on 127.0.0.1, encrypted
 * rooms): each studio has its store, its own stored versions (IndexedDB) and its room session,
 * wired as the studio wires them.
 */
const room = useRoomStudios();
const rogues: Collaboration[] = [];
afterEach(() => {
  for (const r of rogues.splice(0)) r.leave();
});

interface Studio {
  store: StudioStore;
  session: CollabSession;
  versions: Versions;
  notices: (tone: 'error' | 'warning' | 'info') => string[];
  names: () => string[];
}

let dbCount = 0;
async function studio(
  url: string,
  name: string,
  options: { roomCache?: RoomCache; doc?: DesignDocument } = {},
): Promise<Studio> {
  const doc = options.doc ?? exampleDocument();
  const store = createStudioStore(doc);
  const notices = quietNotices();
  const repo = await openDesignRepo(`room-versions-${++dbCount}`, { now: () => Date.now() });
  if (!repo.ok) throw new Error(repo.error.message);
  const sessionState = createStore(() => ({ designId: doc.design.id, shared: false }));
  // Storage is real (IndexedDB, fake in Node); the design on screen is the one stored.
  const designs = designsOnScreen(store, {
    state: sessionState,
    versionStorage: () => ({ repo: repo.value, designId: store.getState().design.id }),
  });
  const versions = createVersions({
    store,
    designs: designs as unknown as DesignSession,
    notices,
  });
  const session: CollabSession = room.session(url, {
    store,
    notices,
    designs,
    ...(options.roomCache ? { roomCache: options.roomCache } : {}),
    onRoom: (r) =>
      versions.useRoom(
        r && roomVersions({ ...r, profile: () => session.state.getState().profile }),
      ),
  });
  expect(session.setProfile({ name, colour: '#0090ff' })).toBeUndefined();
  return {
    store,
    session,
    versions,
    notices: (tone) => noticeTexts(notices, tone),
    names: () => versions.state.getState().list.map((v) => v.name),
  };
}

const tableName = (s: Studio, id: string) => s.store.getState().design.tables[id]?.name;
const versionId = (s: Studio, name: string) =>
  s.versions.state.getState().list.find((v) => v.name === name)!.id;

describe('named versions in a live room', () => {
  it('are shared: a late joiner gets them, opens one, restores it for everyone, and undoes it', async () => {
    const url = await room.relayUrl();
    const a = await studio(url, 'Ann');
    await a.session.invite();
    expect(await a.versions.save('Before the rename')).toBe(true);
    expect(a.notices('info')).toContain('Saved “Before the rename” for everyone in the room.');
    a.store.getState().dispatch((d) => renameTable(d, 't_customers', 'clients'));

    const b = await studio(url, 'Ben');
    await b.session.join(fragment(a.session.state.getState().editLink));
    await until(() => b.names().includes('Before the rename'), 'the version to reach B');
    const listed = b.versions.state.getState().list.find((v) => v.name === 'Before the rename')!;
    expect(listed.shared).toEqual({ by: 'Ann', colour: '#0090ff' });
    expect(listed.tableCount).toBe(Object.keys(exampleDocument().design.tables).length);
    expect(b.versions.state.getState().room).toEqual({
      access: 'write',
      usedBytes: expect.any(Number),
      budgetBytes: 4 * 1024 * 1024,
    });
    // The room's versions are what it keeps: their compressed size is counted.
    expect(b.versions.state.getState().room!.usedBytes).toBeGreaterThan(500);
    expect(tableName(b, 't_customers')).toBe('clients');

    // Opened read-only in place of the design; the room's design is untouched.
    await b.versions.open(listed.id);
    expect(b.store.getState().preview?.label).toBe('Version “Before the rename”');
    expect(b.store.getState().design.tables.t_customers?.name).toBe('customers');
    expect(tableName(a, 't_customers')).toBe('clients');

    await b.versions.restore(listed.id);
    expect(b.store.getState().preview).toBeFalsy();
    expect(tableName(b, 't_customers')).toBe('customers');
    await until(() => tableName(a, 't_customers') === 'customers', 'B’s restore to reach A');
    // The automatic version kept before the restore stays B's own.
    expect(b.names().some((n) => n.startsWith('Before restoring'))).toBe(true);
    await new Promise((r) => setTimeout(r, 200));
    expect(a.names()).toEqual(['Before the rename']);

    // The restore is B's change: B's Undo takes it back, for everyone.
    b.store.getState().undo();
    expect(tableName(b, 't_customers')).toBe('clients');
    await until(() => tableName(a, 't_customers') === 'clients', 'B’s undo to reach A');
    expect(a.notices('error')).toEqual([]);
    expect(b.notices('error')).toEqual([]);
  });

  it('versions from before joining stay the person’s own until they share one', async () => {
    const url = await room.relayUrl();
    const a = await studio(url, 'Ann');
    expect(await a.versions.save('Mine from before')).toBe(true);
    await a.session.invite();
    const b = await studio(url, 'Ben');
    await b.session.join(fragment(a.session.state.getState().editLink));
    await a.versions.refresh();
    const mine = a.versions.state.getState().list.find((v) => v.name === 'Mine from before')!;
    expect(mine.shared).toBeUndefined();
    expect(b.names()).toEqual([]);

    await a.versions.share(mine.id);
    await until(() => b.names().includes('Mine from before'), 'the shared version to reach B');
    const onB = b.versions.state.getState().list.find((v) => v.name === 'Mine from before')!;
    expect(onB.shared?.by).toBe('Ann');
    // Shared keeps when it was saved.
    expect(onB.createdAt).toBe(mine.createdAt);

    // Deleting a shared version deletes it for everyone; A's own copy stays A's.
    await b.versions.remove(onB.id);
    await until(
      () => a.versions.state.getState().list.filter((v) => v.shared).length === 0,
      'the delete to reach A',
    );
    expect(a.names()).toEqual(['Mine from before']);
  });

  it('a read-only member sees and opens the room’s versions but cannot save or restore', async () => {
    const url = await room.relayUrl();
    const a = await studio(url, 'Ann');
    await a.session.invite();
    await a.versions.save('Release 1');
    a.store.getState().dispatch((d) => renameTable(d, 't_orders', 'purchases'));
    const c = await studio(url, 'Cleo');
    await c.session.join(fragment(a.session.state.getState().readLink));
    await until(() => c.names().includes('Release 1'), 'the version to reach C');
    expect(c.versions.state.getState().room?.access).toBe('read');

    const id = versionId(c, 'Release 1');
    expect((await c.versions.load(id))?.design.tables.t_orders?.name).toBe('orders');
    await c.versions.open(id);
    expect(c.store.getState().preview?.versionId).toBe(id);

    expect(await c.versions.save('From a reader')).toBe(false);
    await c.versions.restore(id);
    await c.versions.remove(id);
    expect(c.notices('error')).toEqual([
      'This invite is read-only: you can open and compare the room’s versions, not change them.',
      'This invite is read-only: you can open and compare the room’s versions, not change them.',
      'This invite is read-only: you can open and compare the room’s versions, not change them.',
    ]);
    await new Promise((r) => setTimeout(r, 200));
    expect(a.names()).toEqual(['Release 1']);
    expect(tableName(a, 't_orders')).toBe('purchases');
  });

  it('a hostile version is refused with a notice and never stored', async () => {
    const url = await room.relayUrl();
    const kept = new Map<string, Uint8Array>();
    const cache: RoomCache = {
      load: (id) => kept.get(id),
      save: (id, state) => {
        kept.set(id, state);
      },
      forget: () => {},
    };
    const a = await studio(url, 'Ann');
    await a.session.invite();
    const b = await studio(url, 'Ben', { roomCache: cache });
    await b.session.join(fragment(a.session.state.getState().editLink));

    // A modified client with the edit link writes a version whose design is not a design.
    const invite = parseInviteFragment(fragment(a.session.state.getState().editLink));
    if (!invite.ok) throw new Error(invite.error.message);
    const plain = new Y.Doc();
    const rogue = await joinRoom({
      relayUrl: url,
      invite: invite.value,
      plain,
      WebSocketPolyfill: NodeWebSocket,
    });
    if (!rogue.ok) throw new Error(rogue.error.message);
    rogues.push(rogue.value);
    await rogue.value.synced();
    const bad = { format: 'tablewright', version: 1, design: { tables: { t: { columns: 7 } } } };
    plain.getMap(VERSIONS).set('x_hostile', {
      v: 1,
      name: 'Looks harmless',
      by: 'Mallory',
      colour: '#e5484d',
      at: Date.now(),
      tables: 1,
      data: deflateSync(new TextEncoder().encode(JSON.stringify(bad))),
    });
    await until(
      () => b.notices('warning').some((n) => n.includes('A shared version was refused')),
      'B to refuse the version',
    );
    expect(b.names()).toEqual([]);
    // Then an honest version still arrives: the room goes on.
    await a.versions.save('Honest');
    await until(() => b.names().includes('Honest'), 'the honest version to reach B');
    expect(b.names()).toEqual(['Honest']);
    await until(() => {
      const c = new Y.Doc();
      for (const state of kept.values()) Y.applyUpdate(c, state);
      return listSharedVersions(c).length === 1;
    }, 'B’s cache to keep the honest version');
    const final = new Y.Doc();
    for (const state of kept.values()) Y.applyUpdate(final, state);
    expect(final.getMap(VERSIONS).has('x_hostile')).toBe(false);
    expect(a.names()).toEqual(['Honest']);
  });

  it('a room at its relay’s size cap says so when a version does not fit', async () => {
    const url = await room.relayUrl({ maxRoomBytes: 48 * 1024 });
    const a = await studio(url, 'Ann');
    await a.session.invite();
    const refused = () =>
      a
        .notices('error')
        .some((n) => n.startsWith('The relay refused a change: the room is over its size limit.'));
    for (let i = 1; i <= 40 && !refused(); i++) {
      expect(await a.versions.save(`Version ${i}`)).toBe(true);
      await new Promise((r) => setTimeout(r, 50));
    }
    await until(refused, 'the relay to refuse the room’s growth');
  });

  it('a version saved offline reaches the room on reconnect', async () => {
    const roomStore = memoryRoomStore();
    const url = await room.relayUrl({ store: roomStore });
    const port = Number(new URL(url).port);
    const a = await studio(url, 'Ann');
    await a.session.invite();
    const b = await studio(url, 'Ben');
    await b.session.join(fragment(a.session.state.getState().editLink));
    await room.stopRelay();
    await until(() => b.session.state.getState().status !== 'connected', 'B to notice');
    expect(await b.versions.save('Saved on the train')).toBe(true);
    expect(b.names()).toEqual(['Saved on the train']);
    await room.relayUrl({ port, store: roomStore });
    await until(() => a.names().includes('Saved on the train'), 'the offline version to reach A');
    expect(a.versions.state.getState().list[0]?.shared?.by).toBe('Ben');
  });
});
