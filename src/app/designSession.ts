import { createStore, type StoreApi } from 'zustand/vanilla';
import {
  emptyDesign,
  emptyLayout,
  exampleDocument,
  makeDocument,
  newId,
  repairNotice,
  type DesignDocument,
} from '../core/model';
import { err, type Result } from '../core/result';
import { createAutosave, type Autosave, type SaveStatus } from '../persistence/autosave';
import type { DesignRepo } from '../persistence/designRepo';
import type { VersionAccess } from '../persistence/versionAccess';
import type { DesignMeta } from '../persistence/records';
import {
  createTabSync,
  openTabChannel,
  type BroadcastChannelLike,
  type TabSync,
} from '../persistence/tabSync';
import { browserJournalStorage, createJournal, type JournalStorage } from '../persistence/journal';
import { watchPageLifecycle, type PageEventSources } from '../persistence/pageLifecycle';
import { renameDesign } from '../core/ops';
import { currentDocument, editedDocument, type StudioStore } from '../state/store';
import type { NoticeStore } from '../state/notices';
import {
  nextSession,
  type SessionEffect,
  type SessionEvent,
  type SessionPhase,
} from './sessionMachine';
import { createDesignUiState } from './designUiState';
import { recoverJournaledEdit } from './journalRecovery';

export interface SessionState {
  save: SaveStatus;
  /** Set when designs cannot be stored at all in this window: the banner's text. */
  storageProblem?: string;
  designId?: string;
  /** Bumped whenever the stored list may have changed (any tab): the designs dialog reloads. */
  listVersion: number;
  /** False until the design to show at startup is in the store. */
  ready: boolean;
  /** True while a design opened from a share link is shown: read-only, stored nowhere. */
  shared: boolean;
}

/** What the page was opened with besides the user's own designs. */
export interface StartOptions {
  /** A design from a share link: shown read-only instead of the last design. */
  shared?: DesignDocument;
  /** Why the share link could not be opened: said once, and the user's own design opens. */
  shareError?: string;
}

/**
 * Which design is open and keeping it stored: startup, open, new, list actions, autosave and
 * conflicts. Subscribes to the studio store from outside; the store knows nothing of storage.
 */
export interface DesignSession {
  state: StoreApi<SessionState>;
  start(options?: StartOptions): Promise<void>;
  /** Makes the shared design one's own: a new stored design, editable. */
  saveSharedCopy(): Promise<void>;
  createNew(): Promise<void>;
  /** Opens a document that is not stored yet (an import) as a new stored design. */
  openDocument(doc: DesignDocument): Promise<void>;
  open(id: string): Promise<void>;
  list(includeDeleted?: boolean): Promise<Result<DesignMeta[], { message: string }>>;
  rename(id: string, name: string): Promise<void>;
  duplicate(id: string): Promise<void>;
  remove(id: string): Promise<void>;
  restore(id: string): Promise<void>;
  purge(id: string): Promise<void>;
  resolveConflict(choice: 'theirs' | 'copy'): Promise<void>;
  flush(): Promise<void>;
  /** Remember (or forget) DDL typed but not yet valid, for the open design. */
  saveDraft(text: string | undefined): void;
  /** Called after a stored design is opened, with the draft it had (if any). */
  onDraftRestored(listener: (text: string) => void): void;
  /** The storage of versions, and the stored design they belong to; undefined when there is none. */
  versionStorage(): { repo: VersionAccess; designId: string } | undefined;
  /** Where the session's lifecycle is (see sessionMachine.ts). */
  phase(): SessionPhase;
  /**
   * Tears the session down: stores what is pending, then removes every listener it added (page,
   * tabs, store). Nothing is written after it resolves.
   */
  dispose(): Promise<void>;
}

/** What the session listens to and stores in; the browser's own when not given (tests give fakes). */
export interface SessionEnvironment {
  /** Hide/unload events, for the session and the open design's autosave. */
  events?: PageEventSources;
  /** The synchronous journal's storage; default localStorage. */
  journalStorage?: JournalStorage;
  /** The channel to other tabs; default a BroadcastChannel. null: none. */
  tabChannel?: BroadcastChannelLike | null;
}

export function createDesignSession(
  store: StudioStore,
  notices: NoticeStore,
  openRepo: () => Promise<Result<DesignRepo, { message: string }>>,
  env: SessionEnvironment = {},
): DesignSession {
  const state = createStore<SessionState>()(() => ({
    save: { state: 'unsaved' },
    listVersion: 0,
    ready: false,
    shared: false,
  }));
  let repo: DesignRepo | undefined;
  let sync: TabSync | undefined;
  let autosave: Autosave | undefined;
  let draftListener: ((text: string) => void) | undefined;
  const tell = (text: string, tone: 'info' | 'error' = 'error') =>
    notices.getState().push({ tone, text });
  const journal = createJournal(
    'journalStorage' in env ? env.journalStorage : browserJournalStorage(),
  );
  /** A write whose failure loses no design work (which design was open, the selection) is still said. */
  const reportWrite = (r: Result<unknown, { message: string }>) => {
    if (!r.ok && !closed()) tell(r.error.message);
  };
  const uiState = createDesignUiState({
    store,
    target: () => {
      const designId = autosave?.designId();
      return repo && designId ? { repo, designId } : undefined;
    },
    reportWrite,
  });

  let phase: SessionPhase = { name: 'new' };
  let stopPage: (() => void) | undefined;
  const closed = () => phase.name === 'closed';
  /** Moves the lifecycle on and performs what the move requires, in order. */
  const go = async (event: SessionEvent) => {
    const step = nextSession(phase, event);
    phase = step.phase;
    for (const effect of step.effects) await perform(effect);
  };
  const perform = async (effect: SessionEffect) => {
    switch (effect.type) {
      case 'listenToPage':
        stopPage = watchPageLifecycle(env.events ?? {}, { onHidden: uiState.flush });
        return;
      case 'stopListening':
        stopPage?.();
        stopPage = undefined;
        uiState.cancel();
        stopSync?.();
        stopSync = undefined;
        sync?.close();
        // The session opened the storage; nothing is written through it any more.
        repo?.close();
        return;
      case 'detachAutosave':
        return detach();
    }
  };
  let stopSync: (() => void) | undefined;

  const attach = (designId: string, revision: number) => {
    if (!repo) return;
    const r = repo;
    autosave = createAutosave({
      repo: r,
      designId,
      baseRevision: revision,
      getDoc: () => editedDocument(store.getState()),
      subscribe: (l) => store.subscribe(l),
      onStatus: (save) => state.setState({ save, designId: autosave?.designId() ?? designId }),
      sync,
      onExternalChange: (doc) => store.getState().load(doc, store.getState().selection),
      journal,
      ...(env.events ? { events: env.events } : {}),
    });
    state.setState({ designId, save: autosave.status(), shared: false });
    void go({ type: 'designOpened', designId });
    void r.setSession({ lastDesignId: designId }).then(reportWrite);
    // The selection is view state, stored with the DDL draft: debounced, and flushed when the page hides.
    uiState.followSelection();
  };

  const detach = async () => {
    uiState.stopFollowingSelection();
    await autosave?.dispose();
    autosave = undefined;
  };

  const openNewDocument = async (doc: DesignDocument) => {
    if (closed()) return;
    await go({ type: 'switchBegan' });
    if (closed()) return;
    store.getState().load(doc);
    state.setState({ shared: false });
    if (!repo) return go({ type: 'switchFailed', message: 'Storage is not available.' });
    const created = await repo.create(doc);
    if (closed()) return;
    if (!created.ok) {
      state.setState({ save: { state: 'error', message: created.error.message } });
      return go({ type: 'switchFailed', message: created.error.message });
    }
    attach(created.value.id, created.value.revision);
  };

  const openStored = async (id: string): Promise<boolean> => {
    if (!repo || closed()) return false;
    const loaded = await repo.load(id);
    if (closed()) return false;
    if (!loaded.ok) {
      tell(`This design could not be opened: ${loaded.error.message}`);
      return false;
    }
    await go({ type: 'switchBegan' });
    if (closed()) return false;
    const ui = await repo.getDesignUiState(id);
    if (closed()) return false;
    store.getState().load(loaded.value.doc, {
      tableIds: ui.selection,
      ...(ui.columnId ? { columnId: ui.columnId } : {}),
    });
    const { repairs } = loaded.value;
    if (repairs.length > 0) tell(repairNotice(loaded.value.meta.name, repairs), 'info');
    uiState.forgetDraft();
    attach(id, loaded.value.revision);
    await recoverJournaledEdit(
      { store, journal, repo, tell, listChanged: bumpList },
      id,
      loaded.value,
    );
    if (ui.ddlDraft !== undefined) draftListener?.(ui.ddlDraft);
    return true;
  };

  const bumpList = () => state.setState({ listVersion: state.getState().listVersion + 1 });
  const report = (r: Result<unknown, { message: string }>) => {
    if (!r.ok) tell(r.error.message);
    bumpList();
  };

  const startUp = async (options: StartOptions) => {
    if (phase.name !== 'new') return;
    await go({ type: 'start', shared: !!options.shared });
    if (options.shared) {
      // Shown as it came; the user's own designs (and which one was last open) stay untouched.
      store.getState().load(options.shared, undefined, { readOnly: true });
      state.setState({ shared: true, designId: undefined });
    }
    const opened = await openRepo();
    if (closed()) {
      if (opened.ok) opened.value.close();
      return;
    }
    if (!opened.ok) {
      await go({ type: 'storageFailed', message: opened.error.message });
      state.setState({
        storageProblem: opened.error.message,
        save: { state: 'error', message: opened.error.message },
      });
      return;
    }
    repo = opened.value;
    sync = createTabSync({
      repo,
      channel: env.tabChannel === undefined ? (openTabChannel() ?? null) : env.tabChannel,
    });
    stopSync = sync.subscribe(() => bumpList());
    await go({ type: 'storageReady' });
    if (options.shared) return;
    if (options.shareError)
      tell(
        `This share link could not be opened. ${options.shareError} Your own designs are unchanged.`,
      );
    const { lastDesignId } = await repo.getSession();
    if (lastDesignId && (await openStored(lastDesignId))) return;
    // The last design could not be opened (damaged): open the most recent other one, rather than
    // adding a new example design at every start.
    const others = await repo.list();
    for (const meta of others.ok ? others.value : []) {
      if (meta.id !== lastDesignId && (await openStored(meta.id))) return;
    }
    const first = exampleDocument();
    await openNewDocument({ ...first, design: { ...first.design, id: newId('d') } });
  };

  return {
    state,
    async start(options = {}) {
      try {
        await startUp(options);
      } finally {
        state.setState({ ready: true });
      }
    },
    async saveSharedCopy() {
      const doc = currentDocument(store.getState());
      await openNewDocument({ ...doc, design: { ...doc.design, id: newId('d') } });
      tell(`“${doc.design.name}” is now one of your designs.`, 'info');
    },
    createNew: () => openNewDocument(makeDocument(emptyDesign('Untitled design'), emptyLayout())),
    openDocument: (doc) => openNewDocument(doc),
    async open(id) {
      if (id !== autosave?.designId()) await openStored(id);
    },
    async list(includeDeleted) {
      if (!repo || closed())
        return err({ message: state.getState().storageProblem ?? 'Storage is not ready yet.' });
      return repo.list({ includeDeleted: includeDeleted ?? false });
    },
    async rename(id, name) {
      if (!repo || closed()) return;
      if (id === autosave?.designId()) {
        store.getState().dispatch((d) => renameDesign(d, name));
        await autosave.flush();
        bumpList();
      } else report(await repo.rename(id, name));
    },
    async duplicate(id) {
      if (!repo || closed()) return;
      if (id === autosave?.designId()) await autosave.flush();
      report(await repo.duplicate(id));
    },
    async remove(id) {
      if (!repo || closed()) return;
      if (id === autosave?.designId()) {
        await autosave.flush();
        const r = await repo.softDelete(id);
        report(r);
        if (r.ok) {
          tell('Design moved to the trash. Restore it from Designs → Trash.', 'info');
          const rest = await repo.list();
          const next = rest.ok ? rest.value.find((m) => m.id !== id) : undefined;
          if (!next || !(await openStored(next.id)))
            await openNewDocument(makeDocument(emptyDesign('Untitled design'), emptyLayout()));
        }
      } else report(await repo.softDelete(id));
    },
    async restore(id) {
      if (repo && !closed()) report(await repo.restore(id));
    },
    async purge(id) {
      if (repo && !closed()) report(await repo.purge(id));
    },
    async resolveConflict(choice) {
      if (!autosave || closed()) return;
      const r = await autosave.resolveConflict(choice);
      if (!r.ok) {
        tell(r.error.message);
        return;
      }
      store.getState().load(r.value.doc, store.getState().selection);
      state.setState({ designId: r.value.designId });
      void go({ type: 'designOpened', designId: r.value.designId });
      if (repo) void repo.setSession({ lastDesignId: r.value.designId }).then(reportWrite);
      bumpList();
    },
    flush: async () => {
      await autosave?.flush();
    },
    saveDraft: (text) => uiState.setDraft(text),
    onDraftRestored(listener) {
      draftListener = listener;
    },
    versionStorage() {
      const designId = autosave?.designId();
      return repo && designId ? { repo, designId } : undefined;
    },
    phase: () => phase,
    async dispose() {
      uiState.flush();
      await go({ type: 'dispose' });
    },
  };
}
