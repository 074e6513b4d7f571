import { err, ok, type Result } from '../core/result';
import type { Autosave, AutosaveOptions, ConflictResolution } from './autosaveTypes';
import { nextAutosave } from './autosaveMachine';
import {
  documentToSave,
  initialAutosave,
  isDirty,
  type AutosaveEffect,
  type AutosaveEvent,
  type AutosaveTimer,
} from './autosaveState';
import { toStorageError, type LoadError, type SaveError } from './errors';
import { watchPageLifecycle } from './pageLifecycle';
import { copyName, withNewDesignId } from './records';

export type {
  Autosave,
  AutosaveOptions,
  AutosaveRepo,
  ConflictResolution,
  SaveStatus,
} from './autosaveTypes';

/**
 * Saves the open design shortly after every change (debounced, with a max wait), right away
 * when the page is hidden, one save at a time, and stops writing on a conflict with another tab.
 * Every decision is `nextAutosave`'s (autosaveMachine.ts); this driver turns the outside world
 * (store, timers, tab sync, page events) into its events and performs the effects it returns.
 */
export function createAutosave(options: AutosaveOptions): Autosave {
  const { repo, getDoc, onStatus, onExternalChange, journal, now = Date.now } = options;
  const debounceMs = options.debounceMs ?? 300;
  const origin = `autosave:${Math.random().toString(36).slice(2)}`;
  let state = initialAutosave({
    config: {
      debounceMs,
      maxWaitMs: Math.max(options.maxWaitMs ?? 800, debounceMs),
      journal: !!journal,
      adoptsExternal: !!onExternalChange,
      origin,
    },
    designId: options.designId,
    revision: options.baseRevision,
    doc: getDoc(),
  });
  const timers = new Map<AutosaveTimer, ReturnType<typeof setTimeout>>();
  /** The write in flight; resolves (true when stored) once its outcome has been sent. */
  let inFlight: Promise<boolean> | undefined;
  const clock = () => globalThis.performance?.now() ?? now();

  // Run to completion: an effect may cause an event (loading another tab's version into the
  // store notifies the store listener); it is handled after the current step, never inside it.
  const queue: AutosaveEvent[] = [];
  let running = false;
  const send = (event: AutosaveEvent) => {
    queue.push(event);
    if (running) return;
    running = true;
    try {
      for (let next = queue.shift(); next; next = queue.shift()) {
        const step = nextAutosave(state, next);
        state = step.state;
        step.effects.forEach(perform);
      }
    } finally {
      running = false;
    }
  };

  function perform(effect: AutosaveEffect): void {
    switch (effect.type) {
      case 'status':
        return onStatus?.(effect.status);
      case 'startTimer': {
        clearTimeout(timers.get(effect.timer));
        const { timer } = effect;
        const handle = setTimeout(() => {
          timers.delete(timer);
          send({ type: 'timerFired', timer });
        }, effect.ms);
        timers.set(timer, handle);
        return;
      }
      case 'cancelTimer':
        clearTimeout(timers.get(effect.timer));
        timers.delete(effect.timer);
        return;
      case 'save':
        inFlight = saveSafely(effect.doc, effect.baseRevision).then((result) => {
          inFlight = undefined;
          send({ type: 'saveFinished', result, at: now() });
          return result.ok;
        });
        return;
      case 'loadExternal':
        repo.load(effect.designId).then(
          (result) => send({ type: 'externalLoaded', result }),
          () => send({ type: 'externalLoaded', result: undefined }),
        );
        return;
      case 'handOver':
        return onExternalChange?.(effect.doc, effect.revision);
      case 'writeJournal': {
        const started = clock();
        const written = !!journal?.write({
          designId: effect.designId,
          baseRevision: effect.baseRevision,
          doc: effect.doc,
          writtenAt: now(),
        });
        const costMs = clock() - started;
        return send({ type: 'journalWritten', ok: written, count: effect.count, costMs });
      }
      case 'clearJournal':
        return journal?.clear(effect.designId);
    }
  }

  async function saveSafely(
    doc: Parameters<typeof repo.save>[0],
    baseRevision: number,
  ): Promise<Result<{ revision: number }, SaveError>> {
    try {
      return await repo.save(doc, { baseRevision, origin });
    } catch (e) {
      return err(toStorageError(e));
    }
  }

  async function flush(): Promise<void> {
    send({ type: 'flushRequested' });
    for (;;) {
      if (inFlight) {
        await inFlight;
        continue;
      }
      if (state.phase.name === 'conflict' || !isDirty(state)) return;
      send({ type: 'saveRequested' });
      // No write started: the document could not be written (the status says why).
      if (!inFlight || !(await inFlight)) return;
    }
  }

  async function resolveConflict(
    choice: 'theirs' | 'copy',
  ): Promise<Result<ConflictResolution, LoadError | SaveError>> {
    while (inFlight) await inFlight;
    const designId = state.designId;
    if (choice === 'theirs') {
      const loaded = await repo
        .load(designId)
        .catch((e: unknown) => err(toStorageError(e, 'Opening the design')));
      if (!loaded.ok) return loaded;
      const { doc, revision } = loaded.value;
      send({ type: 'theirsLoaded', doc, revision });
      return ok({ doc, designId, revision });
    }
    const mine = documentToSave(state);
    if (!mine.ok) return err({ kind: 'unavailable', message: mine.error });
    const countAtCopy = state.changeCount;
    const copy = withNewDesignId(mine.value, copyName(mine.value.design.name));
    const created = await repo
      .create(copy, { origin })
      .catch((e: unknown) => err(toStorageError(e)));
    if (!created.ok) return created;
    const { revision } = created.value;
    send({
      type: 'copyCreated',
      copy,
      fromId: mine.value.design.id,
      revision,
      countAtCopy,
      at: now(),
    });
    return ok({ doc: copy, designId: copy.design.id, revision });
  }

  const unsubscribeStore = options.subscribe(() =>
    send({ type: 'storeChanged', doc: getDoc(), at: now() }),
  );
  const unsubscribeSync = options.sync?.subscribe((change) => send({ type: 'tabChanged', change }));
  const onHidden = () => {
    send({ type: 'pageHidden' });
    void flush();
  };
  const stopWatchingPage = watchPageLifecycle(options.events ?? {}, {
    onHidden,
    hasUnsavedWork: options.warnBeforeUnload === false ? undefined : () => isDirty(state),
  });
  onStatus?.(state.status);

  return {
    flush,
    async dispose() {
      if (state.disposed) return;
      send({ type: 'disposed' });
      unsubscribeStore();
      unsubscribeSync?.();
      stopWatchingPage();
      await flush();
    },
    status: () => state.status,
    designId: () => state.designId,
    revision: () => state.revision,
    hasUnsavedWork: () => isDirty(state),
    handleHidden: onHidden,
    resolveConflict,
  };
}
