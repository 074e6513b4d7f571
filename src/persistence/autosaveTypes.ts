import type { Journal } from './journal';
import type { DesignDocument } from '../core/model';
import type { Result } from '../core/result';
import type { DesignRepo } from './designRepo';
import type { LoadError, SaveError } from './errors';
import type { PageEventSources } from './pageLifecycle';
import type { TabSync } from './tabSync';

/**
 * What the save indicator shows. `saved` only once the transaction holding the latest change
 * has completed; never for work that is only in memory.
 */
export interface SaveStatus {
  state: 'saved' | 'saving' | 'unsaved' | 'error' | 'conflict';
  /** For `error` and `conflict`: what happened and what to do, for the person. */
  message?: string;
  /** When the last successful save completed (ms since epoch). */
  savedAt?: number;
  /** The stored revision this editor's work is based on. */
  revision?: number;
  /** For `error`: full storage, or storage gone; `internal` when the studio itself misbehaved. */
  errorKind?: 'quota' | 'unavailable' | 'internal';
  /** For `conflict`: the revision another tab stored; undefined when the design was purged there. */
  theirRevision?: number;
}

/** The repo methods autosave uses; tests inject failing ones. */
export type AutosaveRepo = Pick<DesignRepo, 'save' | 'load' | 'create'>;

export interface AutosaveOptions {
  repo: AutosaveRepo;
  /** The stored design being edited (create it first with `repo.create`). */
  designId: string;
  /** The revision the open document was loaded (or created) at. */
  baseRevision: number;
  /** The document as it is now. May build a new envelope per call: changes are detected on `design`/`layout` identity. */
  getDoc: () => DesignDocument;
  /** Called on every store change (selection too; those are ignored). Returns the unsubscribe function. */
  subscribe: (listener: () => void) => () => void;
  /** Quiet time after the last change before saving. Default 300. */
  debounceMs?: number;
  /** Longest a change waits while edits continue. Default 800, so a save starts within a second. */
  maxWaitMs?: number;
  onStatus?: (status: SaveStatus) => void;
  /** Other tabs' (and this tab's list) changes; without it, conflicts are still caught by the CAS on save. */
  sync?: TabSync;
  /**
   * Another tab stored a newer version and this tab has no unsaved changes: load `doc` into the
   * store as is (same `design` and `layout` objects) and autosave adopts `revision` without writing.
   * Without this callback, the next edit reports a conflict instead.
   */
  onExternalChange?: (doc: DesignDocument, revision: number) => void;
  /** Where hide/unload events come from; defaults to the global document and window. */
  events?: PageEventSources;
  /**
   * Where every unsaved edit is written synchronously (see journal.ts), so closing the tab at any
   * moment loses nothing. Without it, only the asynchronous save runs.
   */
  journal?: Journal;
  /** Ask "Leave site?" when closing with unsaved work. Default true. */
  warnBeforeUnload?: boolean;
  now?: () => number;
}

/** The document to load into the store after resolving a conflict, and the design it now belongs to. */
export interface ConflictResolution {
  doc: DesignDocument;
  designId: string;
  revision: number;
}

/** A running autosave for one open design. */
export interface Autosave {
  /** Saves pending work now and waits until it is stored (or failed: see `status()`). Never rejects. */
  flush(): Promise<void>;
  /**
   * Stops watching the store and the page, then stores what was pending at the time of the call.
   * Call it before loading another design into the store.
   */
  dispose(): Promise<void>;
  status(): SaveStatus;
  /** The design being saved; changes after `resolveConflict('copy')`. */
  designId(): string;
  /** The stored revision the current work is based on. */
  revision(): number;
  /** True when changes exist that are not stored yet (warn before closing, switching designs...). */
  hasUnsavedWork(): boolean;
  /** Same as the page being hidden: save right away. */
  handleHidden(): void;
  /**
   * After a conflict: `theirs` reads the stored version (load `doc` into the store); `copy` stores
   * the current work as a new design named "<name> (copy)" and keeps autosaving that one (load
   * `doc` into the store too: it carries the new id and name).
   */
  resolveConflict(
    choice: 'theirs' | 'copy',
  ): Promise<Result<ConflictResolution, LoadError | SaveError>>;
}
