import { createStore, type StoreApi } from 'zustand/vanilla';
import { repairNotice, type DesignDocument } from '../core/model';
import type { VersionMeta } from '../persistence/records';
import type { NoticeStore } from '../state/notices';
import { editedDocument, type StudioStore } from '../state/store';
import type { DesignSession } from './designSession';
import type { RoomVersions } from './roomVersions';

/** A version as the timeline lists it: this browser's own, or one shared in the live room. */
export interface ListedVersion extends VersionMeta {
  /** Set for a version shared in the room: who saved it (their name and colour then). */
  shared?: { by: string; colour: string };
}

export interface VersionsState {
  /** The open design's versions, newest first: the room's and this browser's own. */
  list: ListedVersion[];
  /** Set when versions cannot be kept (no storage, or a shared design not saved yet). */
  unavailable?: string;
  /** Set in a live room: what this member may do with the room's versions, and their room. */
  room?: { access: 'write' | 'read'; usedBytes: number; budgetBytes: number };
}

/** How long editing goes on before the studio keeps an automatic version. */
export const AUTO_VERSION_EVERY_MS = 10 * 60 * 1000;

/**
 * The timeline of the open design: versions the person names, and automatic ones (every ten
 * minutes of editing, and before a restore), each opened read-only, restored, or compared.
 */
export interface Versions {
  state: StoreApi<VersionsState>;
  refresh(): Promise<void>;
  save(name: string, options?: { auto?: boolean }): Promise<boolean>;
  load(id: string): Promise<DesignDocument | undefined>;
  /** Shows a version read-only in place of the design (Back returns to editing). */
  open(id: string): Promise<void>;
  /** Makes a version the design again, as one undoable step, after keeping the current state. */
  restore(id: string): Promise<void>;
  rename(id: string, name: string): Promise<void>;
  /** Deletes a version: one of this browser's, or (edit access) one of the room's, for everyone. */
  remove(id: string): Promise<void>;
  /** Puts one of this browser's versions in the live room, for everyone there. */
  share(id: string): Promise<void>;
  /**
   * The live room the design is in (null: none). While in one, named versions are saved to the
   * room; automatic ones stay in this browser.
   */
  useRoom(room: RoomVersions | null): void;
}

export function createVersions(deps: {
  store: StudioStore;
  designs: DesignSession;
  notices: NoticeStore;
  now?: () => number;
}): Versions {
  const now = deps.now ?? Date.now;
  const state = createStore<VersionsState>()(() => ({ list: [] }));
  const tell = (text: string, tone: 'info' | 'error' = 'error') =>
    deps.notices.getState().push({ tone, text });
  const storage = () => deps.designs.versionStorage();
  let room: RoomVersions | null = null;
  let stopWatchingRoom = () => {};
  const designId = () => deps.store.getState().design.id;
  let sharedBytes = 0;
  const roomList = (): ListedVersion[] => {
    const listed = room?.list() ?? [];
    sharedBytes = listed.reduce((sum, v) => sum + v.bytes, 0);
    return listed.map((v) => ({
      id: v.id,
      designId: designId(),
      name: v.name,
      auto: false,
      createdAt: v.savedAt,
      tableCount: v.tableCount,
      shared: { by: v.savedBy.name, colour: v.savedBy.colour },
    }));
  };
  const newestFirst = (a: ListedVersion, b: ListedVersion) =>
    b.createdAt - a.createdAt || b.id.localeCompare(a.id);
  const find = (id: string) => state.getState().list.find((v) => v.id === id);
  const readOnlyRoom = () => {
    if (room?.access !== 'read') return false;
    tell(
      'This invite is read-only: you can open and compare the room’s versions, not change them.',
    );
    return true;
  };

  const refresh = async () => {
    const shared = roomList();
    const inRoom = room
      ? { access: room.access, usedBytes: sharedBytes, budgetBytes: room.budgetBytes }
      : undefined;
    const s = storage();
    if (!s) {
      state.setState({
        list: shared,
        room: inRoom,
        unavailable: deps.designs.state.getState().shared
          ? 'Save a copy of this shared design to keep versions of it.'
          : 'Versions are kept once the design is stored.',
      });
      return;
    }
    const listed = await s.repo.listVersions(s.designId);
    if (listed.ok)
      state.setState({
        list: [...shared, ...listed.value].sort(newestFirst),
        room: inRoom,
        unavailable: undefined,
      });
    else state.setState({ list: shared, room: inRoom, unavailable: listed.error.message });
  };

  const saveToRoom = async (name: string) => {
    if (!room || readOnlyRoom()) return false;
    const saved = room.save(name, editedDocument(deps.store.getState()));
    if (!saved.ok) tell(`The version was not saved: ${saved.error}`);
    else tell(`Saved “${saved.value.name}” for everyone in the room.`, 'info');
    await refresh();
    return saved.ok;
  };

  const save = async (name: string, options: { auto?: boolean } = {}) => {
    if (room && !options.auto) return saveToRoom(name);
    const s = storage();
    if (!s) {
      tell(state.getState().unavailable ?? 'Versions cannot be kept right now.');
      return false;
    }
    const saved = await s.repo.saveVersion({
      designId: s.designId,
      name,
      auto: !!options.auto,
      doc: editedDocument(deps.store.getState()),
    });
    if (!saved.ok) tell(`The version was not saved: ${saved.error.message}`);
    await refresh();
    return saved.ok;
  };

  const load = async (id: string) => {
    if (room && find(id)?.shared) {
      const loaded = room.load(id);
      if (!loaded.ok) {
        tell(loaded.error);
        return undefined;
      }
      const { meta, repairs } = loaded.value;
      if (repairs.length > 0) tell(repairNotice(meta.name, repairs), 'info');
      return loaded.value.doc;
    }
    const s = storage();
    if (!s) return undefined;
    const loaded = await s.repo.loadVersion(id);
    if (!loaded.ok) {
      tell(loaded.error.message);
      return undefined;
    }
    const { meta, repairs } = loaded.value;
    if (repairs.length > 0) tell(repairNotice(meta.name, repairs), 'info');
    return loaded.value.doc;
  };

  // Automatic versions: after a stretch of editing, keep where the design was.
  let lastAuto = now();
  deps.store.subscribe((s, prev) => {
    if (s.design === prev.design || s.readOnly || !storage()) return;
    if (now() - lastAuto < AUTO_VERSION_EVERY_MS) return;
    lastAuto = now();
    void save(`Automatic, ${new Date(lastAuto).toLocaleString()}`, { auto: true });
  });
  deps.designs.state.subscribe((s, prev) => {
    if (s.designId !== prev.designId || s.shared !== prev.shared) {
      lastAuto = now();
      void refresh();
    }
  });

  return {
    state,
    refresh,
    save,
    load,
    async open(id) {
      const doc = await load(id);
      const meta = state.getState().list.find((v) => v.id === id);
      if (doc)
        deps.store.getState().enterPreview(doc, {
          kind: 'version',
          label: `Version “${meta?.name ?? 'version'}”`,
          versionId: id,
        });
    },
    async restore(id) {
      if (readOnlyRoom()) return;
      const doc = await load(id);
      if (!doc) return;
      const meta = find(id);
      deps.store.getState().exitPreview();
      await save(`Before restoring “${meta?.name ?? 'a version'}”`, { auto: true });
      deps.store.getState().dispatchBoth(() => ({
        design: { ...doc.design, id: deps.store.getState().design.id },
        layout: { ...doc.layout, viewport: deps.store.getState().layout.viewport },
      }));
      tell(
        room
          ? `Restored “${meta?.name ?? 'the version'}” for everyone in the room. Undo (Ctrl+Z) takes back your restore.`
          : `Restored “${meta?.name ?? 'the version'}”. Undo (Ctrl+Z) brings back what was there.`,
        'info',
      );
    },
    async rename(id, name) {
      const s = storage();
      if (!s) return;
      const r = await s.repo.renameVersion(id, name);
      if (!r.ok) tell(r.error.message);
      await refresh();
    },
    async remove(id) {
      const meta = find(id);
      if (room && meta?.shared) {
        if (readOnlyRoom()) return;
        room.remove(id);
        tell(`Deleted “${meta.name}” for everyone in the room.`, 'info');
        await refresh();
        return;
      }
      const s = storage();
      if (!s) return;
      const r = await s.repo.deleteVersion(id);
      if (!r.ok) tell(r.error.message);
      await refresh();
    },
    async share(id) {
      const meta = find(id);
      if (!room || !meta || meta.shared || readOnlyRoom()) return;
      const doc = await load(id);
      if (!doc) return;
      const shared = room.save(meta.name, doc, meta.createdAt);
      if (!shared.ok) tell(`“${meta.name}” was not shared: ${shared.error}`);
      else tell(`Shared “${meta.name}” with everyone in the room.`, 'info');
      await refresh();
    },
    useRoom(next) {
      stopWatchingRoom();
      room = next;
      stopWatchingRoom = next ? next.subscribe(() => void refresh()) : () => {};
      void refresh();
    },
  };
}
