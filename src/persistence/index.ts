/**
 * The "nothing lost" layer: stored designs, autosave, multi-tab safety.
 *
 * Startup, once per tab:
 *   const opened = await openDesignRepo();            // error value → banner, keep working in memory
 *   const sync = createTabSync({ repo, channel: openTabChannel() });
 *   const { lastDesignId } = await repo.getSession(); // → repo.load(id), else newest of repo.list(),
 *                                                     //   else repo.create(withNewDesignId(exampleDocument()))
 *   store.load(doc); await repo.setSession({ lastDesignId: id });
 *   const autosave = createAutosave({ repo, designId: id, baseRevision: revision, sync,
 *     getDoc: () => currentDocument(store.getState()), subscribe: store.subscribe,
 *     onStatus, onExternalChange: (doc) => store.getState().load(doc) });
 * Switching designs: `await autosave.dispose()` first, then load the other one and start a new autosave.
 */
export { openDesignRepo } from './designRepo';
export type {
  DesignChange,
  DesignChangeType,
  DesignRepo,
  LoadedDesign,
  OpenDesignRepoOptions,
  WriteOptions,
} from './designRepo';
export { createAutosave } from './autosave';
export type {
  Autosave,
  AutosaveOptions,
  AutosaveRepo,
  ConflictResolution,
  SaveStatus,
} from './autosaveTypes';
export { createTabSync, openTabChannel, TAB_CHANNEL_NAME } from './tabSync';
export type {
  BroadcastChannelLike,
  DesignChangeEvent,
  TabMessage,
  TabSync,
  TabSyncOptions,
} from './tabSync';
export type { PageEventSources } from './pageLifecycle';
export { copyName, withNewDesignId } from './records';
export type { DesignMeta, DesignUiState, Session } from './records';
export type { LoadError, OpenError, RepoError, SaveError, StorageError } from './errors';
export { estimateStorage, requestPersistentStorage } from './storagePersistence';
