/** The autosave machine's data: its state, the events it reads, the effects it asks for. */
import type { DesignDocument } from '../core/model';
import { err, ok, type Result } from '../core/result';
import type { SaveStatus } from './autosaveTypes';
import type { SaveError } from './errors';

/** Where the save loop is. Exactly one at a time: a conflict never has a write in flight. */
export type AutosavePhase =
  /** No write in flight; work may be unsaved (see `isDirty`) and timers may be armed. */
  | { name: 'idle' }
  /** One write in flight, of the work as it was at change `countAtStart`. */
  | {
      name: 'saving';
      countAtStart: number;
      /** A save was asked for meanwhile: start it as soon as this one ends. */
      queued: boolean;
    }
  /** Another tab stored a newer revision (or purged the design): nothing is written until the person chooses. */
  | { name: 'conflict'; theirRevision?: number };

export type AutosaveTimer = 'debounce' | 'maxWait' | 'journal';

/** A stored version the UI was handed and may load; loading it is not a change to save. */
export interface PendingAdoption {
  doc: DesignDocument;
  designId: string;
  revision: number;
}

export interface AutosaveConfig {
  debounceMs: number;
  maxWaitMs: number;
  /** Whether a synchronous journal is kept (see journal.ts). */
  journal: boolean;
  /** Whether the UI takes another tab's newer version when nothing here is unsaved. */
  adoptsExternal: boolean;
  /** Tags our own writes so the change events they cause are not mistaken for another tab's. */
  origin: string;
}

/**
 * Changes are counted, not compared: `savedCount === changeCount` means the last counted change
 * is in a committed transaction.
 */
export interface AutosaveState {
  config: AutosaveConfig;
  phase: AutosavePhase;
  /** Stopped watching the store and the page; what was pending is still stored. */
  disposed: boolean;
  designId: string;
  /** The stored revision the work is based on. */
  revision: number;
  /** The document as of the last change (the one to write). */
  seen: DesignDocument;
  changeCount: number;
  savedCount: number;
  savedAt?: number;
  /** The newest revision another tab announced. */
  externalRevision: number;
  /** Reading another tab's newer revision is under way. */
  checkingExternal: boolean;
  pendingAdoption?: PendingAdoption;
  /** After "keep mine as a copy", until the store holds the copy: write the old id's doc as the copy. */
  retarget?: { fromId: string; toId: string; name: string };
  /** Which timers are armed. */
  timers: Record<AutosaveTimer, boolean>;
  /** The change last written to the journal, and what the last write cost (ms). */
  journaledCount: number;
  journalCostMs: number;
  status: SaveStatus;
}

/** A change from another tab (or this tab's designs list), as tab sync reports it. */
export interface TabChange {
  type: string;
  designId: string;
  revision?: number;
  fromThisTab: boolean;
  origin?: string;
}

export type AutosaveEvent =
  /** The store notified; `doc` is the document now. `at`: ms since epoch. */
  | { type: 'storeChanged'; doc: DesignDocument; at: number }
  | { type: 'timerFired'; timer: AutosaveTimer }
  /** Save now (flush): like a timer firing, without waiting for one. */
  | { type: 'saveRequested' }
  /** A flush began: no timer needs to fire any more. */
  | { type: 'flushRequested' }
  | { type: 'saveFinished'; result: Result<{ revision: number }, SaveError>; at: number }
  | { type: 'journalWritten'; ok: boolean; count: number; costMs: number }
  | { type: 'tabChanged'; change: TabChange }
  /** Reading the newer stored revision ended; undefined when the read threw. */
  | {
      type: 'externalLoaded';
      result: Result<{ doc: DesignDocument; revision: number }, unknown> | undefined;
    }
  /** The page was hidden or is closing: journal now (the driver then flushes). */
  | { type: 'pageHidden' }
  /** "Load their version": the stored version was read; it is adopted when the store shows it. */
  | { type: 'theirsLoaded'; doc: DesignDocument; revision: number }
  /** "Keep mine as a copy": the copy is stored; writing continues under its id. */
  | {
      type: 'copyCreated';
      copy: DesignDocument;
      fromId: string;
      revision: number;
      countAtCopy: number;
      at: number;
    }
  | { type: 'disposed' };

export type AutosaveEffect =
  | { type: 'status'; status: SaveStatus }
  | { type: 'startTimer'; timer: AutosaveTimer; ms: number }
  | { type: 'cancelTimer'; timer: AutosaveTimer }
  | { type: 'save'; doc: DesignDocument; baseRevision: number }
  /** Read the stored design: another tab announced a newer revision. */
  | { type: 'loadExternal'; designId: string }
  /** Give another tab's version to the UI to load as is. */
  | { type: 'handOver'; doc: DesignDocument; revision: number }
  /** Write the journal now (synchronously); report back with `journalWritten` and `count`. */
  | {
      type: 'writeJournal';
      designId: string;
      baseRevision: number;
      doc: DesignDocument;
      count: number;
    }
  | { type: 'clearJournal'; designId: string };

export interface AutosaveStep {
  state: AutosaveState;
  effects: AutosaveEffect[];
}

/** Serialising a design cheaper than this: journal on every change; dearer: at most every throttle. */
export const JOURNAL_EVERY_CHANGE_MS = 8;
export const JOURNAL_THROTTLE_MS = 200;

export function initialAutosave(options: {
  config: AutosaveConfig;
  designId: string;
  revision: number;
  doc: DesignDocument;
}): AutosaveState {
  return {
    config: options.config,
    phase: { name: 'idle' },
    disposed: false,
    designId: options.designId,
    revision: options.revision,
    seen: options.doc,
    changeCount: 0,
    savedCount: 0,
    externalRevision: 0,
    checkingExternal: false,
    timers: { debounce: false, maxWait: false, journal: false },
    journaledCount: 0,
    journalCostMs: 0,
    status: { state: 'saved', revision: options.revision },
  };
}

export const isDirty = (s: AutosaveState) => s.changeCount !== s.savedCount;

/** The document to write under `designId`, or a reason not to write at all. */
export function documentToSave(s: AutosaveState): Result<DesignDocument, string> {
  let doc = s.seen;
  const { retarget } = s;
  if (retarget && doc.design.id === retarget.fromId) {
    doc = { ...doc, design: { ...doc.design, id: retarget.toId, name: retarget.name } };
  }
  if (doc.design.id !== s.designId) {
    // Writing design B into A's record would destroy A: the UI swapped designs without disposing.
    return err(
      `The open design changed without its autosave being replaced; nothing was written over "${s.designId}".`,
    );
  }
  return ok(doc);
}
