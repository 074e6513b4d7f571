import { createStore, type StoreApi } from 'zustand/vanilla';
import { repairNotice, type DesignDocument } from '../core/model';
import type { VersionMeta } from '../persistence/records';
import type { NoticeStore } from '../state/notices';
import { editedDocument, type StudioStore } from '../state/store';
import type { DesignSession } from './designSession';

export interface VersionsState {
  /** The open design's versions, newest first. */
  list: VersionMeta[];
  /** Set when versions cannot be kept (no storage, or a shared design not saved yet). */
  unavailable?: string;
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
  remove(id: string): Promise<void>;
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

  const refresh = async () => {
    const s = storage();
    if (!s) {
      state.setState({
        list: [],
        unavailable: deps.designs.state.getState().shared
          ? 'Save a copy of this shared design to keep versions of it.'
          : 'Versions are kept once the design is stored.',
      });
      return;
    }
    const listed = await s.repo.listVersions(s.designId);
    if (listed.ok) state.setState({ list: listed.value, unavailable: undefined });
    else state.setState({ unavailable: listed.error.message });
  };

  const save = async (name: string, options: { auto?: boolean } = {}) => {
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
      const doc = await load(id);
      if (!doc) return;
      const meta = state.getState().list.find((v) => v.id === id);
      deps.store.getState().exitPreview();
      await save(`Before restoring “${meta?.name ?? 'a version'}”`, { auto: true });
      deps.store.getState().dispatchBoth(() => ({
        design: { ...doc.design, id: deps.store.getState().design.id },
        layout: { ...doc.layout, viewport: deps.store.getState().layout.viewport },
      }));
      tell(
        `Restored “${meta?.name ?? 'the version'}”. Undo (Ctrl+Z) brings back what was there.`,
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
      const s = storage();
      if (!s) return;
      const r = await s.repo.deleteVersion(id);
      if (!r.ok) tell(r.error.message);
      await refresh();
    },
  };
}
