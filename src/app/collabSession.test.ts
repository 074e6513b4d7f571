import { describe, expect, it } from 'vitest';
import { exampleDocument, type DesignDocument } from '../core/model';
import { renameTable, setTableComment } from '../core/ops';
import { memoryRoomStore } from '../relay/roomStore';
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
import { readPeople } from './presence';
import type { RoomCache } from './roomCache';
import * as Y from 'yjs';
import { readSharedDocument } from '../collab/sharedDesign';

/**
 * The studio's room adapter through a real relay (Hocuspocus on 127.0.0.1, encrypted rooms):
 * two or three studios' stores, each with its session, as two browsers have them.
 */
const room = useRoomStudios();

interface Studio {
  store: StudioStore;
  session: CollabSession;
  errors: () => string[];
  /** Designs this studio's storage was asked to duplicate. */
  duplicated: string[];
}

function studio(
  url: string,
  doc: DesignDocument = exampleDocument(),
  roomCache?: RoomCache,
): Studio {
  const store = createStudioStore(doc);
  const duplicated: string[] = [];
  const notices = quietNotices();
  const session = room.session(url, {
    store,
    notices,
    designs: designsOnScreen(store, { duplicate: async (id: string) => void duplicated.push(id) }),
    ...(roomCache ? { roomCache } : {}),
  });
  return { store, session, errors: () => noticeTexts(notices, 'error'), duplicated };
}

const tableName = (s: Studio, id: string) => s.store.getState().design.tables[id]?.name;

describe('a live room in the studio', () => {
  it('shares edits both ways; undo is personal; leaving gives back the ordinary history', async () => {
    const url = await room.relayUrl();
    const a = studio(url);
    await a.session.invite();
    expect(a.session.state.getState().phase).toBe('inRoom');
    const { editLink } = a.session.state.getState();
    expect(editLink).toMatch(/^http:\/\/studio\.test\/\?relay=ws%3A%2F%2F127\.0\.0\.1%3A\d+#room=/);

    const b = studio(url, {
      ...exampleDocument(),
      design: { ...exampleDocument().design, id: 'd_b' },
    });
    await b.session.join(fragment(editLink));
    expect(b.session.state.getState().phase).toBe('inRoom');
    // B now shows the room's design (A's), not its own.
    expect(b.store.getState().design.id).toBe(a.store.getState().design.id);

    a.store.getState().dispatch((d) => renameTable(d, 't_customers', 'clients'));
    await until(() => tableName(b, 't_customers') === 'clients', 'A’s rename to reach B');
    // A teammate's change is not an undo step of B's.
    expect(b.store.getState().personalUndo?.canUndo).toBe(false);
    expect(b.store.getState().history.past).toEqual([]);

    b.store.getState().dispatch((d) => setTableComment(d, 't_orders', 'from B'));
    await until(
      () => a.store.getState().design.tables.t_orders?.comment === 'from B',
      'B’s comment to reach A',
    );

    // A undoes: A's rename goes on both screens; B's comment stays.
    expect(a.store.getState().personalUndo?.canUndo).toBe(true);
    a.store.getState().undo();
    expect(tableName(a, 't_customers')).toBe('customers');
    await until(() => tableName(b, 't_customers') === 'customers', 'A’s undo to reach B');
    expect(a.store.getState().design.tables.t_orders?.comment).toBe('from B');
    expect(a.store.getState().personalUndo?.canUndo).toBe(false);
    // ...and can redo it.
    a.store.getState().redo();
    await until(() => tableName(b, 't_customers') === 'clients', 'A’s redo to reach B');

    a.session.leave();
    expect(a.store.getState().personalUndo).toBeNull();
    a.store.getState().dispatch((d) => renameTable(d, 't_products', 'items'));
    expect(a.store.getState().history.past).toHaveLength(1);
    a.store.getState().undo();
    expect(tableName(a, 't_products')).toBe('products');
    // Nothing after leaving reaches the room.
    b.store.getState().dispatch((d) => renameTable(d, 't_products', 'goods'));
    await new Promise((r) => setTimeout(r, 300));
    expect(tableName(a, 't_products')).toBe('products');
    expect([...a.errors(), ...b.errors()]).toEqual([]);
  });

  it('rejoining with a copy that changed apart from the room keeps that copy, then shows the room', async () => {
    const url = await room.relayUrl();
    const a = studio(url);
    await a.session.invite();
    a.store.getState().dispatch((d) => renameTable(d, 't_orders', 'in_the_room'));
    // The same design, as this browser stored it, changed on its own meanwhile.
    const b = studio(url, {
      ...exampleDocument(),
      design: renameTable(a.store.getState().design, 't_orders', 'mine'),
      layout: a.store.getState().layout,
    });
    await b.session.join(fragment(a.session.state.getState().editLink));
    await until(() => tableName(b, 't_orders') === 'in_the_room', 'the room’s design');
    expect(b.duplicated).toEqual([a.store.getState().design.id]);
    // The same copy as the room's is not duplicated.
    const c = studio(url, {
      ...exampleDocument(),
      design: a.store.getState().design,
      layout: a.store.getState().layout,
    });
    await c.session.join(fragment(a.session.state.getState().editLink));
    expect(c.duplicated).toEqual([]);
  });

  it('edits made offline survive closing the tab and merge when the link is opened again', async () => {
    const store = memoryRoomStore();
    const url = await room.relayUrl({ store });
    const port = Number(new URL(url).port);
    const a = studio(url);
    await a.session.invite();
    const kept = new Map<string, Uint8Array>();
    // A tab that closes runs no goodbye: what it kept stays.
    const cache: RoomCache = {
      load: (id) => kept.get(id),
      save: (id, state) => void kept.set(id, state),
      forget: () => {},
    };
    const b = studio(url, exampleDocument(), cache);
    await b.session.join(fragment(a.session.state.getState().editLink));
    await room.stopRelay();
    await until(() => b.session.state.getState().status !== 'connected', 'B to notice');
    b.store.getState().dispatch((d) => renameTable(d, 't_orders', 'offline_edit'));
    const keptName = () => {
      const doc = new Y.Doc();
      for (const state of kept.values()) Y.applyUpdate(doc, state);
      const read = readSharedDocument(doc);
      return read.ok ? read.value.doc.design.tables.t_orders?.name : undefined;
    };
    await until(() => keptName() === 'offline_edit', 'B’s edit to be kept');
    b.session.leave(); // the tab closes: its connection goes, its edit never reached the relay

    await room.relayUrl({ port, store });
    const again = studio(url, exampleDocument(), cache);
    await again.session.join(fragment(a.session.state.getState().editLink));
    expect(tableName(again, 't_orders')).toBe('offline_edit');
    await until(() => tableName(a, 't_orders') === 'offline_edit', 'the offline edit to reach A');
  });

  it('a read-only member follows live and cannot change the design', async () => {
    const url = await room.relayUrl();
    const a = studio(url);
    await a.session.invite();
    const c = studio(url);
    await c.session.join(fragment(a.session.state.getState().readLink));
    expect(c.errors()).toEqual([]);
    expect(c.session.state.getState().access).toBe('read');
    expect(c.store.getState().readOnly).toBe(true);
    c.store.getState().dispatch((d) => renameTable(d, 't_orders', 'mine'));
    expect(tableName(c, 't_orders')).toBe('orders');
    a.store.getState().dispatch((d) => renameTable(d, 't_orders', 'purchases'));
    await until(() => tableName(c, 't_orders') === 'purchases', 'A’s rename to reach the reader');
    c.session.leave();
    expect(c.store.getState().readOnly).toBe(false);
  });

  it('opening another design leaves the room instead of sending it there', async () => {
    const url = await room.relayUrl();
    const a = studio(url);
    await a.session.invite();
    const b = studio(url);
    await b.session.join(fragment(a.session.state.getState().editLink));
    const other = exampleDocument();
    b.store.getState().load({
      ...other,
      design: { ...renameTable(other.design, 't_orders', 'elsewhere'), id: 'd_other' },
    });
    await until(() => b.session.state.getState().phase === 'off', 'B to leave');
    await new Promise((r) => setTimeout(r, 300));
    expect(tableName(a, 't_orders')).toBe('orders');
  });

  it('a damaged invite is said, and nothing changes', async () => {
    const url = await room.relayUrl();
    const b = studio(url);
    const before = b.store.getState().design;
    await b.session.join('#room=abcdefghijklmnopqrstuv&key=AAAA&verify=AAAA');
    expect(b.session.state.getState().phase).toBe('off');
    expect(b.store.getState().design).toBe(before);
    expect(b.errors()[0]).toMatch(/damaged.*Your own designs are unchanged/);
  });
});

describe('presence from others', () => {
  it('draws only what fits: a hostile or malformed presence is left out', () => {
    const good = {
      name: 'Bea',
      colour: '#30a46c',
      selection: ['t_orders'],
      pointer: { x: 1, y: 2 },
      access: 'write',
    };
    const people = readPeople(
      new Map<number, unknown>([
        [1, good],
        [2, { ...good, colour: 'red; background: url(x)' }],
        [3, { ...good, name: '' }],
        [4, { ...good, pointer: { x: Infinity, y: 0 } }],
        [5, { ...good, selection: 'all' }],
        [6, null],
        [7, { ...good, name: 'x'.repeat(41) }],
        [8, { ...good, name: 'Ada', pointer: null, access: 'read' }],
      ]),
    );
    expect(people.map((p) => [p.clientId, p.name])).toEqual([
      [8, 'Ada'],
      [1, 'Bea'],
    ]);
  });
});
