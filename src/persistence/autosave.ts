import type { DesignDocument } from '../core/model';
import { err, ok, type Result } from '../core/result';
import type { Autosave, AutosaveOptions, ConflictResolution, SaveStatus } from './autosaveTypes';
import {
  conflictMessage,
  purgedWhileEditingMessage,
  toStorageError,
  type LoadError,
  type SaveError,
} from './errors';
import { watchPageLifecycle } from './pageLifecycle';
import { copyName, withNewDesignId } from './records';

export type {
  Autosave,
  AutosaveOptions,
  AutosaveRepo,
  ConflictResolution,
  SaveStatus,
} from './autosaveTypes';

/** A stored version the UI was handed and may load; loading it is not a change to save. */
interface PendingAdoption {
  doc: DesignDocument;
  designId: string;
  revision: number;
}

const sameContent = (a: DesignDocument, b: DesignDocument) =>
  (a.design === b.design && a.layout === b.layout) ||
  (JSON.stringify(a.design) === JSON.stringify(b.design) &&
    JSON.stringify(a.layout) === JSON.stringify(b.layout));

/**
 * Saves the open design shortly after every change (debounced, with a max wait), right away
 * when the page is hidden, one save at a time, and stops writing on a conflict with another tab.
 * Changes are counted, not compared: `saved` means the last counted change is in a committed
 * transaction.
 */
export function createAutosave(options: AutosaveOptions): Autosave {
  const { repo, getDoc, onStatus, onExternalChange, journal, now = Date.now } = options;
  const debounceMs = options.debounceMs ?? 300;
  const maxWaitMs = Math.max(options.maxWaitMs ?? 800, debounceMs);
  // Tags our own writes so the change events they cause are not mistaken for another tab's.
  const origin = `autosave:${Math.random().toString(36).slice(2)}`;

  let designId = options.designId;
  let revision = options.baseRevision;
  let seen = getDoc();
  let changeCount = 0;
  let savedCount = 0;
  let savedAt: number | undefined;
  let inFlight: Promise<boolean> | undefined;
  let queued = false;
  let debounceTimer: ReturnType<typeof setTimeout> | undefined;
  let maxWaitTimer: ReturnType<typeof setTimeout> | undefined;
  let conflict: { theirRevision?: number } | undefined;
  let externalRevision = 0;
  let checkingExternal = false;
  let pendingAdoption: PendingAdoption | undefined;
  /** After "keep mine as a copy", until the store holds the copy: write the old id's doc as the copy. */
  let retarget: { fromId: string; toId: string; name: string } | undefined;
  let disposed = false;
  let finalDoc: DesignDocument | undefined;
  let current: SaveStatus = { state: 'saved', revision };

  const isDirty = () => changeCount !== savedCount;

  // The journal: written in the same task as each change while that is cheap. For a design so big
  // that serialising it costs more than a few milliseconds (a drag changes it every frame), at most
  // every JOURNAL_THROTTLE_MS, and always when the page is hidden or closing (also synchronous).
  // The cost is measured on every write, so one slow write (a GC pause) changes nothing for long.
  const JOURNAL_EVERY_CHANGE_MS = 8;
  const JOURNAL_THROTTLE_MS = 200;
  const clock = () => globalThis.performance?.now() ?? now();
  let journalCostMs = 0;
  let journaledCount = savedCount;
  let journalTimer: ReturnType<typeof setTimeout> | undefined;
  const writeJournal = () => {
    if (journalTimer !== undefined) clearTimeout(journalTimer);
    journalTimer = undefined;
    if (!journal || disposed || conflict || !isDirty() || journaledCount === changeCount) return;
    const doc = documentToSave();
    if (!doc.ok) return;
    const started = clock();
    if (journal.write({ designId, baseRevision: revision, doc: doc.value, writtenAt: now() }))
      journaledCount = changeCount;
    journalCostMs = clock() - started;
  };
  const journalChange = () => {
    if (!journal) return;
    if (journalCostMs <= JOURNAL_EVERY_CHANGE_MS) writeJournal();
    else journalTimer ??= setTimeout(writeJournal, JOURNAL_THROTTLE_MS);
  };
  const clearJournal = () => {
    if (journal && !isDirty()) journal.clear(designId);
  };
  const setStatus = (next: SaveStatus) => {
    if (JSON.stringify(next) === JSON.stringify(current)) return;
    current = next;
    onStatus?.(next);
  };
  const base = (): Pick<SaveStatus, 'revision' | 'savedAt'> =>
    savedAt === undefined ? { revision } : { revision, savedAt };

  const clearTimers = () => {
    if (debounceTimer !== undefined) clearTimeout(debounceTimer);
    if (maxWaitTimer !== undefined) clearTimeout(maxWaitTimer);
    debounceTimer = maxWaitTimer = undefined;
  };
  const fire = () => {
    clearTimers();
    if (inFlight) queued = true;
    else void runSave();
  };
  const schedule = () => {
    if (debounceTimer !== undefined) clearTimeout(debounceTimer);
    debounceTimer = setTimeout(fire, debounceMs);
    maxWaitTimer ??= setTimeout(fire, maxWaitMs);
  };

  const enterConflict = (theirRevision: number | undefined) => {
    conflict = theirRevision === undefined ? {} : { theirRevision };
    if (theirRevision !== undefined) externalRevision = Math.max(externalRevision, theirRevision);
    clearTimers();
    queued = false;
    const message = theirRevision === undefined ? purgedWhileEditingMessage() : conflictMessage();
    setStatus({
      state: 'conflict',
      message,
      ...base(),
      ...(theirRevision === undefined ? {} : { theirRevision }),
    });
  };

  const adopt = (adoption: PendingAdoption) => {
    designId = adoption.designId;
    revision = adoption.revision;
    savedCount = changeCount;
    savedAt = now();
    conflict = undefined;
    retarget = undefined;
    clearTimers();
    queued = false;
    setStatus({ state: 'saved', ...base() });
  };

  function onStoreChange() {
    if (disposed) return;
    const doc = getDoc();
    if (doc.design === seen.design && doc.layout === seen.layout) return; // selection, history...
    seen = doc;
    const adoption = pendingAdoption;
    pendingAdoption = undefined;
    if (adoption && sameContent(doc, adoption.doc)) return adopt(adoption);
    changeCount++;
    if (retarget && doc.design.id === retarget.toId) retarget = undefined;
    if (conflict) return; // keep counting; the person chooses what happens to this work
    if (externalRevision > revision && !inFlight) return enterConflict(externalRevision);
    if (current.state === 'saved') setStatus({ state: 'unsaved', ...base() });
    journalChange();
    schedule();
  }

  /** The document to write under `designId`, or a reason not to write at all. */
  function documentToSave(): Result<DesignDocument, string> {
    let doc = finalDoc ?? getDoc();
    if (retarget && doc.design.id === retarget.fromId) {
      doc = { ...doc, design: { ...doc.design, id: retarget.toId, name: retarget.name } };
    }
    if (doc.design.id !== designId) {
      // Writing design B into A's record would destroy A: the UI swapped designs without disposing.
      return err(
        `The open design changed without its autosave being replaced; nothing was written over "${designId}".`,
      );
    }
    return ok(doc);
  }

  async function saveSafely(doc: DesignDocument): Promise<Result<{ revision: number }, SaveError>> {
    try {
      return await repo.save(doc, { baseRevision: revision, origin });
    } catch (e) {
      return err(toStorageError(e));
    }
  }

  async function runSave(): Promise<boolean> {
    if (inFlight) {
      queued = true;
      return inFlight;
    }
    clearTimers();
    queued = false;
    if (conflict) return false;
    if (!isDirty()) return true;
    const doc = documentToSave();
    if (!doc.ok) {
      setStatus({ state: 'error', errorKind: 'internal', message: doc.error, ...base() });
      return false;
    }
    const countAtStart = changeCount;
    setStatus({ state: 'saving', ...base() });
    const attempt = saveSafely(doc.value).then((result) => {
      if (result.ok) {
        revision = result.value.revision;
        savedCount = countAtStart;
        savedAt = now();
        return true;
      }
      const e = result.error;
      if (e.kind === 'conflict') enterConflict(e.theirRevision);
      else if (e.kind === 'notFound') enterConflict(undefined);
      else
        setStatus({
          state: 'error',
          errorKind: e.kind === 'exists' ? 'internal' : e.kind,
          message: e.message,
          ...base(),
        });
      return false;
    });
    inFlight = attempt;
    const saved = await attempt;
    inFlight = undefined;
    if (!saved) {
      // Storage errors: retried by the next change (already scheduled if one came in meanwhile).
      if (queued && !conflict && !disposed) void runSave();
      return false;
    }
    if (!isDirty()) {
      setStatus({ state: 'saved', ...base() });
      clearJournal();
    } else {
      setStatus({ state: 'unsaved', ...base() });
      if (queued) void runSave();
      else if (debounceTimer === undefined && !disposed) schedule();
    }
    void checkExternal();
    return true;
  }

  /** Another writer stored a newer revision: hand it to the UI if nothing here is unsaved. */
  async function checkExternal(): Promise<void> {
    if (disposed || conflict || inFlight || checkingExternal || externalRevision <= revision)
      return;
    if (isDirty()) return enterConflict(externalRevision);
    checkingExternal = true;
    let loaded: Awaited<ReturnType<typeof repo.load>>;
    try {
      loaded = await repo.load(designId);
    } catch {
      return;
    } finally {
      checkingExternal = false;
    }
    if (disposed || conflict || inFlight || !loaded.ok || loaded.value.revision <= revision) return;
    if (isDirty()) return enterConflict(loaded.value.revision);
    if (!onExternalChange) return;
    pendingAdoption = { doc: loaded.value.doc, designId, revision: loaded.value.revision };
    onExternalChange(loaded.value.doc, loaded.value.revision);
  }

  async function flush(): Promise<void> {
    clearTimers();
    for (;;) {
      if (inFlight) {
        await inFlight;
        continue;
      }
      if (conflict || !isDirty()) return;
      if (!(await runSave())) return;
    }
  }

  async function resolveConflict(
    choice: 'theirs' | 'copy',
  ): Promise<Result<ConflictResolution, LoadError | SaveError>> {
    while (inFlight) await inFlight;
    if (choice === 'theirs') {
      const loaded = await repo
        .load(designId)
        .catch((e: unknown) => err(toStorageError(e, 'Opening the design')));
      if (!loaded.ok) return loaded;
      const resolution = { doc: loaded.value.doc, designId, revision: loaded.value.revision };
      // Conflict is lifted now; an edit before the UI loads `doc` goes to the CAS and conflicts again.
      conflict = undefined;
      pendingAdoption = resolution;
      return ok(resolution);
    }
    const mine = documentToSave();
    if (!mine.ok) return err({ kind: 'unavailable', message: mine.error });
    const countAtCopy = changeCount;
    const copy = withNewDesignId(mine.value, copyName(mine.value.design.name));
    const created = await repo
      .create(copy, { origin })
      .catch((e: unknown) => err(toStorageError(e)));
    if (!created.ok) return created;
    retarget = { fromId: mine.value.design.id, toId: copy.design.id, name: copy.design.name };
    designId = copy.design.id;
    revision = created.value.revision;
    externalRevision = 0;
    conflict = undefined;
    savedCount = countAtCopy;
    savedAt = now();
    pendingAdoption = { doc: copy, designId, revision };
    setStatus({ state: isDirty() ? 'unsaved' : 'saved', ...base() });
    if (isDirty()) schedule();
    return ok({ doc: copy, designId, revision });
  }

  const unsubscribeStore = options.subscribe(onStoreChange);
  const unsubscribeSync = options.sync?.subscribe((event) => {
    if (event.designId !== designId || (event.fromThisTab && event.origin === origin)) return;
    if (event.type === 'saved' && event.revision !== undefined) {
      externalRevision = Math.max(externalRevision, event.revision);
      void checkExternal();
    } else if (event.type === 'purged' && isDirty() && !inFlight && !conflict) {
      enterConflict(undefined);
    }
  });
  const onHidden = () => {
    writeJournal();
    void flush();
  };
  const stopWatchingPage = watchPageLifecycle(options.events ?? {}, {
    onHidden,
    hasUnsavedWork: options.warnBeforeUnload === false ? undefined : isDirty,
  });
  onStatus?.(current);

  return {
    flush,
    async dispose() {
      if (disposed) return;
      // Capture now: the caller is about to load another design into the store.
      if (isDirty()) finalDoc = getDoc();
      disposed = true;
      unsubscribeStore();
      unsubscribeSync?.();
      stopWatchingPage();
      await flush();
    },
    status: () => current,
    designId: () => designId,
    revision: () => revision,
    hasUnsavedWork: isDirty,
    handleHidden: onHidden,
    resolveConflict,
  };
}
