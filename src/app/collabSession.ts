import * as Y from 'yjs';
import { createStore, type StoreApi } from 'zustand/vanilla';
import {
  createRoom,
  inviteFragment,
  parseInviteFragment,
  type RoomInvite,
} from '../collab/roomKeys';
import { sharedReader, writeSharedDocument } from '../collab/sharedDesign';
import { onlyVersionsChanged } from '../collab/sharedVersions';
import type { DesignDocument } from '../core/model';
import { browserLocalStorage } from '../persistence/browserStorage';
import type { NoticeStore } from '../state/notices';
import { currentDocument, type StudioStore } from '../state/store';
import type { Collaboration, RoomStatus } from './collaboration';
import type { DesignSession } from './designSession';
import { loadProfile, readPeople, saveProfile, type Person, type Profile } from './presence';
import { browserRelaySources, chooseRelayUrl, storeRelayUrl } from './relayConfig';
import { browserRoomCache, keepRoomCached, type RoomCache } from './roomCache';
import { showRoomAddress, roomLinks } from './roomAddress';
import { connectToRoom } from './roomConnection';
import { roomDesignArrival } from './roomArrival';
import { sameDesign, sameShared } from './roomDesignCompare';
import { presenceSender } from './roomPresenceSender';
import { followLiveTables, NO_LIVE_TABLES, type LiveTables } from './liveMoves';
import { followRoomActivity, NO_CHANGED_TABLES, type RoomActivityState } from './roomActivity';
import { bindPersonalUndo, LOCAL_ORIGIN, noPersonalUndo } from './roomUndo';

export interface CollabState {
  phase: 'off' | 'joining' | 'inRoom';
  status: RoomStatus;
  access?: 'write' | 'read';
  /** Links to the room: anyone with the first can edit, with the second only follow. */
  editLink?: string;
  readLink?: string;
  /** The others here now (checked presence). */
  people: Person[];
  /** Connected at least once since joining: a lost connection is then "reconnecting". */
  connectedOnce: boolean;
  profile: Profile;
  relayUrl?: string;
  /** Tables the others are dragging right now, drawn where they are (see liveMoves.ts). */
  liveTables: LiveTables;
  /** Tables a teammate just changed, by whom; and the line saying what (roomActivity.ts). */
  changedTables: RoomActivityState['changedTables'];
  activity: RoomActivityState['activity'];
}

/**
 * The studio in a live room: the adapter between the store and the room's shared document.
 * Local changes become minimal Yjs changes (origin `LOCAL_ORIGIN`); what others change replaces
 * the store's design outside its history; Undo and Redo undo this person's changes only.
 */
export interface CollabSession {
  state: StoreApi<CollabState>;
  /** Starts a room from the design on screen; the links are in `state` once it is open. */
  invite(): Promise<void>;
  /** Joins the room an invite link's fragment names; a damaged one is said and changes nothing. */
  join(fragment: string): Promise<void>;
  leave(): void;
  setProfile(profile: Profile): string | undefined;
  setRelayUrl(text: string): string | undefined;
  /** This person's pointer over the canvas, in flow coordinates (null: not over it). */
  setPointer(pointer: { x: number; y: number } | null): void;
}

interface Deps {
  store: StudioStore;
  notices: NoticeStore;
  designs: Pick<DesignSession, 'openDocument' | 'open' | 'list' | 'flush' | 'duplicate'>;
  /** The studio's address without fragment or query, for links made here. */
  baseUrl: () => string;
  storage?: Storage;
  /** Where the room's document is kept between visits (default: IndexedDB). */
  roomCache?: RoomCache;
  /** A WebSocket class where there is no global one (Node tests: the `ws` package). */
  WebSocketPolyfill?: unknown;
  /** Told when a room opens (its plaintext doc, for the room's versions) and when it closes. */
  onRoom?: (room: { plain: Y.Doc; access: 'write' | 'read' } | null) => void;
}

export function createCollabSession(deps: Deps): CollabSession {
  const { store, notices } = deps;
  const storage = deps.storage ?? browserLocalStorage();
  const state = createStore<CollabState>()(() => ({
    phase: 'off',
    status: 'offline',
    people: [],
    connectedOnce: false,
    liveTables: NO_LIVE_TABLES,
    changedTables: NO_CHANGED_TABLES,
    activity: null,
    profile: loadProfile(storage),
    relayUrl: chooseRelayUrl(browserRelaySources()),
  }));
  const tell = (text: string, tone: 'info' | 'warning' | 'error' = 'error') =>
    notices.getState().push({ tone, text });
  const cache = deps.roomCache ?? browserRoomCache(storage, (text) => tell(text, 'warning'));
  let teardown: (() => void) | undefined;
  let pointer: { x: number; y: number } | null = null;
  let sendPresence: () => void = () => {};
  /** The authors of changes from the room about to be applied (while attached). */
  let heardAuthors: (authors: readonly unknown[]) => void = () => {};

  const linksFor = (invite: RoomInvite) =>
    roomLinks(invite, deps.baseUrl(), state.getState().relayUrl);

  /** Opens the connection; the plaintext doc may already hold the design (the creator's). */
  const connect = (invite: RoomInvite, plain: Y.Doc): Promise<Collaboration | undefined> =>
    connectToRoom(
      {
        relayUrl: state.getState().relayUrl,
        invite,
        plain,
        WebSocketPolyfill: deps.WebSocketPolyfill,
        author: () => state.getState().profile,
        onApplying: (authors) => heardAuthors(authors),
        onStatus: (status) =>
          state.setState(status === 'connected' ? { status, connectedOnce: true } : { status }),
      },
      tell,
    );

  /** Binds the store to the room until `teardown`. */
  const attach = (collab: Collaboration, plain: Y.Doc, invite: RoomInvite, catchUp = false) => {
    const access = collab.keys.access;
    const reader = sharedReader(plain);
    let last: DesignDocument = currentDocument(store.getState());
    let applying = false;
    const shown = new Set<string>();
    const activity = followRoomActivity(state, store);
    heardAuthors = activity.heard;

    /** The room's design into the store (a teammate's change, an undo, a merge). */
    const showShared = () => {
      const s = store.getState();
      if (s.preview) return; // shown when the preview closes
      const read = reader.read({ viewport: s.layout.viewport });
      if (!read.ok) {
        tell(`The room's design cannot be shown: ${read.error.message}`, 'warning');
        return;
      }
      const before = last;
      last = read.value.doc;
      applying = true;
      try {
        store.getState().applyShared(last.design, last.layout);
      } finally {
        applying = false;
      }
      activity.shown(before, last);
      for (const notice of read.value.notices) {
        if (shown.has(notice.message)) continue;
        shown.add(notice.message);
        tell(notice.message, 'info');
      }
    };
    // Kept for the next visit: edits made offline then survive closing the tab, and merge.
    const stopCaching = keepRoomCached(plain, cache, collab.keys.roomId);

    // Changes from the room come in bursts (a newcomer's sync, several blobs): shown once.
    let pending = false;
    const flush = () => {
      if (!pending) return;
      pending = false;
      showShared();
    };
    const onTransaction = (tr: Y.Transaction) => {
      if (tr.origin === LOCAL_ORIGIN || pending || onlyVersionsChanged(tr)) return;
      pending = true;
      queueMicrotask(flush);
    };
    plain.on('afterTransaction', onTransaction);
    const stopUndo =
      access === 'write' ? bindPersonalUndo(plain, store, flush) : noPersonalUndo(store);

    const unsubscribe = store.subscribe((s, prev) => {
      if (applying || s.preview || s.gestureStart || s.readOnly) {
        return;
      }
      if (prev.preview) return showShared(); // back from a version: the room's design, as it is now
      if (s.design.id !== last.design.id) {
        // Another design was opened (Designs, New design, Import): it is not the room's to get.
        queueMicrotask(() => {
          leaveRoom();
          tell(
            'You left the live room: another design was opened. The room’s design stays in your designs; its link joins again.',
            'info',
          );
        });
        return;
      }
      if (s.selection !== prev.selection) sendPresence();
      if (sameShared(s, last)) return;
      const next = currentDocument(s);
      writeSharedDocument(plain, next, LOCAL_ORIGIN, last);
      last = next;
    });
    const unsubscribeSelection =
      access === 'read'
        ? store.subscribe((s, prev) => {
            if (s.selection !== prev.selection) sendPresence();
            // A version preview ends editable; a read-only member stays read-only.
            if (prev.preview && !s.preview) {
              store.setState({ readOnly: true });
              showShared();
            }
          })
        : () => {};

    const presence = presenceSender({
      collab,
      store,
      profile: state,
      access,
      pointer: () => pointer,
    });
    sendPresence = presence.send;
    const stopLiveTables = followLiveTables(state, store);
    const stopPeople = collab.presence.subscribe((others) =>
      state.setState({ people: readPeople(others) }),
    );
    sendPresence();

    // The browser knows when the network is gone: say so at once, and sync as soon as it is back
    // (the relay's socket can take long to notice by itself).
    const offline = () => collab.goOffline();
    const online = () => collab.goOnline();
    globalThis.addEventListener?.('offline', offline);
    globalThis.addEventListener?.('online', online);
    if (globalThis.navigator?.onLine === false) offline();

    state.setState({ phase: 'inRoom', access, ...linksFor(invite), status: collab.status() });
    deps.onRoom?.({ plain, access });
    // What arrived while the joiner's copy was being stored.
    if (catchUp) showShared();
    teardown = () => {
      deps.onRoom?.(null);
      presence.stop();
      stopCaching();
      globalThis.removeEventListener?.('offline', offline);
      globalThis.removeEventListener?.('online', online);
      sendPresence = () => {};
      stopPeople();
      stopLiveTables();
      heardAuthors = () => {};
      activity.stop();
      unsubscribe();
      unsubscribeSelection();
      plain.off('afterTransaction', onTransaction);
      stopUndo();
      reader.destroy();
      collab.leave();
      plain.destroy();
      store.getState().setPersonalUndo(null);
      if (access === 'read') store.setState({ readOnly: false });
      state.setState({
        phase: 'off',
        status: 'offline',
        access: undefined,
        editLink: undefined,
        readLink: undefined,
        people: [],
        connectedOnce: false,
      });
    };
  };

  const setAddress = (fragment: string | undefined) =>
    showRoomAddress(fragment, state.getState().relayUrl);

  const leaveRoom = () => {
    teardown?.();
    teardown = undefined;
    setAddress(undefined);
  };

  return {
    state,
    async invite() {
      if (state.getState().phase !== 'off') return;
      const s = store.getState();
      if (s.readOnly) {
        tell('A read-only design cannot be shared for editing: save a copy first.', 'info');
        return;
      }
      state.setState({ phase: 'joining', status: 'connecting' });
      const invite = await createRoom();
      const plain = new Y.Doc();
      // Before the undo manager exists: the starting design is not an undoable change of mine.
      writeSharedDocument(plain, currentDocument(s), LOCAL_ORIGIN);
      const collab = await connect(invite, plain);
      if (!collab) {
        plain.destroy();
        state.setState({ phase: 'off', status: 'offline' });
        return;
      }
      attach(collab, plain, invite);
      setAddress(inviteFragment(invite));
    },
    async join(fragment) {
      const parsed = parseInviteFragment(fragment);
      if (!parsed.ok) {
        tell(`${parsed.error.message} Your own designs are unchanged.`);
        setAddress(undefined);
        return;
      }
      if (state.getState().phase !== 'off') teardown?.();
      state.setState({ phase: 'joining', status: 'connecting', access: undefined });
      const plain = new Y.Doc();
      // What this browser had of the room last time, its own offline edits included: they merge.
      const cached = await cache.load(parsed.value.roomId);
      let resumed = false;
      if (cached) {
        try {
          Y.applyUpdate(plain, cached, LOCAL_ORIGIN);
          resumed = true;
        } catch {
          cache.forget(parsed.value.roomId);
        }
      }
      const collab = await connect(parsed.value, plain);
      if (!collab) {
        plain.destroy();
        state.setState({ phase: 'off', status: 'offline' });
        return;
      }
      // Until the room is open, leaving stops the joining (a relay that does not answer).
      let stopWaiting = () => {};
      teardown = () => {
        stopWaiting();
        collab.leave();
        plain.destroy();
        state.setState({ phase: 'off', status: 'offline' });
      };
      await collab.synced();
      if (state.getState().phase !== 'joining') return;
      const arrival = roomDesignArrival(
        plain,
        () => store.getState().layout.viewport,
        () =>
          tell(
            'Connected to the room; waiting for its design to arrive from someone with the edit link.',
            'info',
          ),
      );
      stopWaiting = arrival.cancel;
      const doc = await arrival.arrived;
      if (!doc) return;
      teardown = undefined;
      // Kept locally too: the room's design becomes (or updates) a stored design of this person.
      const stored = await deps.designs.list();
      const known = stored.ok && stored.value.some((m) => m.id === doc!.design.id);
      if (known) {
        await deps.designs.open(doc.design.id);
        const mine = store.getState();
        if (!resumed && !sameShared(mine, doc) && !sameDesign(mine, doc)) {
          // This browser's copy changed apart from the room (edited after leaving, or offline and
          // the tab closed): kept beside it, not overwritten.
          await deps.designs.flush();
          await deps.designs.duplicate(doc.design.id);
          tell(
            `Your copy of “${mine.design.name}” differed from the room’s; it was kept as a copy in Designs.`,
            'info',
          );
        }
        store.getState().applyShared(doc.design, doc.layout);
      } else await deps.designs.openDocument(doc);
      if (collab.keys.access === 'read') store.setState({ readOnly: true });
      attach(collab, plain, parsed.value, true);
    },
    leave() {
      leaveRoom();
      tell('You left the room. The design stays here as one of your designs.', 'info');
    },
    setProfile(profile) {
      const saved = saveProfile(storage, profile);
      if (!saved.ok) return saved.message;
      state.setState({ profile: saved.profile });
      sendPresence();
      return undefined;
    },
    setRelayUrl(text) {
      const stored = storeRelayUrl(text);
      if (!stored.ok) return stored.message;
      state.setState({
        relayUrl: stored.url ?? chooseRelayUrl({ ...browserRelaySources(), query: null }),
      });
      return undefined;
    },
    setPointer(next) {
      pointer = next;
      sendPresence();
    },
  };
}
