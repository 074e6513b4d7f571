import type { DesignDocument } from '../core/model';
import type { Result } from '../core/result';
import type { SaveStatus } from './autosaveTypes';
import { conflictMessage, purgedWhileEditingMessage, type SaveError } from './errors';
import {
  documentToSave,
  isDirty,
  JOURNAL_EVERY_CHANGE_MS,
  JOURNAL_THROTTLE_MS,
  type AutosaveEffect,
  type AutosaveEvent,
  type AutosaveState,
  type AutosaveStep,
  type AutosaveTimer,
  type PendingAdoption,
  type TabChange,
} from './autosaveState';

/**
 * Autosave as data: every decision (when to write, what to write, what the indicator says, when
 * to stop writing because another tab got there first) is made by `nextAutosave`, a pure
 * function of the state and one event. `autosave.ts` only performs the effects it returns.
 */

const sameContent = (a: DesignDocument, b: DesignDocument) =>
  (a.design === b.design && a.layout === b.layout) ||
  (JSON.stringify(a.design) === JSON.stringify(b.design) &&
    JSON.stringify(a.layout) === JSON.stringify(b.layout));

/** The pure transition: the next state and what the driver must do, in order. */
export function nextAutosave(state: AutosaveState, event: AutosaveEvent): AutosaveStep {
  const step = new Step(state);
  step.handle(event);
  return { state: step.s, effects: step.effects };
}

/**
 * One transition being built: a private copy of the state changed in place, and the effects in
 * the order they are due. Never shared: `nextAutosave` stays pure.
 */
class Step {
  s: AutosaveState;
  effects: AutosaveEffect[] = [];

  constructor(state: AutosaveState) {
    this.s = { ...state, timers: { ...state.timers } };
  }

  handle(event: AutosaveEvent): void {
    const s = this.s;
    switch (event.type) {
      case 'storeChanged':
        return this.storeChanged(event.doc, event.at);
      case 'timerFired':
        if (!s.timers[event.timer]) return; // cancelled after it was due
        s.timers[event.timer] = false;
        if (event.timer === 'journal') return this.writeJournal();
        return this.fire();
      case 'saveRequested':
        return this.startSave();
      case 'flushRequested':
        return this.clearTimers();
      case 'saveFinished':
        return this.saveFinished(event.result, event.at);
      case 'journalWritten':
        if (event.ok) s.journaledCount = event.count;
        s.journalCostMs = event.costMs;
        return;
      case 'tabChanged':
        return this.tabChanged(event.change);
      case 'externalLoaded':
        return this.externalLoaded(event.result);
      case 'pageHidden':
        return this.writeJournal();
      case 'theirsLoaded':
        // Conflict is lifted now; an edit before the UI loads `doc` goes to the CAS and conflicts again.
        if (s.phase.name === 'conflict') s.phase = { name: 'idle' };
        s.pendingAdoption = { doc: event.doc, designId: s.designId, revision: event.revision };
        return;
      case 'copyCreated':
        return this.copyCreated(event);
      case 'disposed':
        s.disposed = true;
        return;
    }
  }

  private setStatus(state: SaveStatus['state'], extra: Partial<SaveStatus> = {}) {
    const s = this.s;
    // Keys in one order, so equal statuses compare equal as JSON.
    const next: SaveStatus = {
      state,
      ...(extra.errorKind === undefined ? {} : { errorKind: extra.errorKind }),
      ...(extra.message === undefined ? {} : { message: extra.message }),
      revision: s.revision,
      ...(s.savedAt === undefined ? {} : { savedAt: s.savedAt }),
      ...(extra.theirRevision === undefined ? {} : { theirRevision: extra.theirRevision }),
    };
    if (JSON.stringify(next) === JSON.stringify(s.status)) return;
    s.status = next;
    this.effects.push({ type: 'status', status: next });
  }

  private startTimer(timer: AutosaveTimer, ms: number) {
    this.s.timers[timer] = true;
    this.effects.push({ type: 'startTimer', timer, ms });
  }

  private cancelTimer(timer: AutosaveTimer) {
    if (!this.s.timers[timer]) return;
    this.s.timers[timer] = false;
    this.effects.push({ type: 'cancelTimer', timer });
  }

  private clearTimers() {
    this.cancelTimer('debounce');
    this.cancelTimer('maxWait');
  }

  /** Debounced, with a max wait: a save starts within `maxWaitMs` of a change while edits continue. */
  private schedule() {
    const { debounceMs, maxWaitMs } = this.s.config;
    this.cancelTimer('debounce');
    this.startTimer('debounce', debounceMs);
    if (!this.s.timers.maxWait) this.startTimer('maxWait', maxWaitMs);
  }

  private fire() {
    this.clearTimers();
    this.startSave();
  }

  private startSave() {
    const s = this.s;
    if (s.phase.name === 'saving') {
      s.phase = { ...s.phase, queued: true };
      return;
    }
    this.clearTimers();
    if (s.phase.name === 'conflict' || !isDirty(s)) return;
    const doc = documentToSave(s);
    if (!doc.ok) {
      this.setStatus('error', { errorKind: 'internal', message: doc.error });
      return;
    }
    s.phase = { name: 'saving', countAtStart: s.changeCount, queued: false };
    this.setStatus('saving');
    this.effects.push({ type: 'save', doc: doc.value, baseRevision: s.revision });
  }

  private saveFinished(result: Result<{ revision: number }, SaveError>, at: number) {
    const s = this.s;
    if (s.phase.name !== 'saving') return;
    const { countAtStart, queued } = s.phase;
    s.phase = { name: 'idle' };
    if (!result.ok) {
      const e = result.error;
      if (e.kind === 'conflict') this.enterConflict(e.theirRevision);
      else if (e.kind === 'notFound') this.enterConflict(undefined);
      else
        this.setStatus('error', {
          errorKind: e.kind === 'exists' ? 'internal' : e.kind,
          message: e.message,
        });
      // Storage errors: retried by the next change (already scheduled if one came in meanwhile).
      if (queued && s.phase.name === 'idle' && !s.disposed) this.startSave();
      return;
    }
    s.revision = result.value.revision;
    s.savedCount = countAtStart;
    s.savedAt = at;
    if (!isDirty(s)) {
      this.setStatus('saved');
      if (s.config.journal) this.effects.push({ type: 'clearJournal', designId: s.designId });
    } else {
      this.setStatus('unsaved');
      if (queued) this.startSave();
      else if (!s.timers.debounce && !s.disposed) this.schedule();
    }
    this.checkExternal();
  }

  private enterConflict(theirRevision: number | undefined) {
    const s = this.s;
    s.phase =
      theirRevision === undefined ? { name: 'conflict' } : { name: 'conflict', theirRevision };
    if (theirRevision !== undefined)
      s.externalRevision = Math.max(s.externalRevision, theirRevision);
    this.clearTimers();
    const message = theirRevision === undefined ? purgedWhileEditingMessage() : conflictMessage();
    this.setStatus('conflict', {
      message,
      ...(theirRevision === undefined ? {} : { theirRevision }),
    });
  }

  private adopt(adoption: PendingAdoption, at: number) {
    const s = this.s;
    s.designId = adoption.designId;
    s.revision = adoption.revision;
    s.savedCount = s.changeCount;
    s.savedAt = at;
    s.retarget = undefined;
    this.clearTimers();
    if (s.phase.name === 'conflict') s.phase = { name: 'idle' };
    else if (s.phase.name === 'saving') s.phase = { ...s.phase, queued: false };
    this.setStatus('saved');
  }

  private storeChanged(doc: DesignDocument, at: number) {
    const s = this.s;
    if (s.disposed) return;
    if (doc.design === s.seen.design && doc.layout === s.seen.layout) return; // selection, history...
    s.seen = doc;
    const adoption = s.pendingAdoption;
    s.pendingAdoption = undefined;
    if (adoption && sameContent(doc, adoption.doc)) return this.adopt(adoption, at);
    s.changeCount++;
    if (s.retarget && doc.design.id === s.retarget.toId) s.retarget = undefined;
    if (s.phase.name === 'conflict') return; // keep counting; the person chooses what happens to this work
    if (s.externalRevision > s.revision && s.phase.name !== 'saving')
      return this.enterConflict(s.externalRevision);
    if (s.status.state === 'saved') this.setStatus('unsaved');
    this.journalChange();
    this.schedule();
  }

  // The journal: written in the same task as each change while that is cheap. For a design so big
  // that serialising it costs more than a few milliseconds (a drag changes it every frame), at most
  // every JOURNAL_THROTTLE_MS, and always when the page is hidden or closing (also synchronous).
  // The cost is measured on every write, so one slow write (a GC pause) changes nothing for long.
  private journalChange() {
    const s = this.s;
    if (!s.config.journal) return;
    if (s.journalCostMs <= JOURNAL_EVERY_CHANGE_MS) this.writeJournal();
    else if (!s.timers.journal) this.startTimer('journal', JOURNAL_THROTTLE_MS);
  }

  private writeJournal() {
    const s = this.s;
    this.cancelTimer('journal');
    if (!s.config.journal || s.disposed || s.phase.name === 'conflict') return;
    if (!isDirty(s) || s.journaledCount === s.changeCount) return;
    const doc = documentToSave(s);
    if (!doc.ok) return;
    this.effects.push({
      type: 'writeJournal',
      designId: s.designId,
      baseRevision: s.revision,
      doc: doc.value,
      count: s.changeCount,
    });
  }

  /** Another writer stored a newer revision: hand it to the UI if nothing here is unsaved. */
  private checkExternal() {
    const s = this.s;
    if (s.disposed || s.phase.name !== 'idle' || s.checkingExternal) return;
    if (s.externalRevision <= s.revision) return;
    if (isDirty(s)) return this.enterConflict(s.externalRevision);
    s.checkingExternal = true;
    this.effects.push({ type: 'loadExternal', designId: s.designId });
  }

  private externalLoaded(
    result: Result<{ doc: DesignDocument; revision: number }, unknown> | undefined,
  ) {
    const s = this.s;
    s.checkingExternal = false;
    if (!result?.ok || s.disposed || s.phase.name !== 'idle') return;
    if (result.value.revision <= s.revision) return;
    if (isDirty(s)) return this.enterConflict(result.value.revision);
    if (!s.config.adoptsExternal) return;
    const { doc, revision } = result.value;
    s.pendingAdoption = { doc, designId: s.designId, revision };
    this.effects.push({ type: 'handOver', doc, revision });
  }

  private tabChanged(change: TabChange) {
    const s = this.s;
    if (change.designId !== s.designId) return;
    if (change.fromThisTab && change.origin === s.config.origin) return; // our own write
    if (change.type === 'saved' && change.revision !== undefined) {
      s.externalRevision = Math.max(s.externalRevision, change.revision);
      this.checkExternal();
    } else if (change.type === 'purged' && isDirty(s) && s.phase.name === 'idle') {
      this.enterConflict(undefined);
    }
  }

  private copyCreated(event: Extract<AutosaveEvent, { type: 'copyCreated' }>) {
    const s = this.s;
    const { copy } = event;
    s.retarget = { fromId: event.fromId, toId: copy.design.id, name: copy.design.name };
    s.designId = copy.design.id;
    s.revision = event.revision;
    s.externalRevision = 0;
    if (s.phase.name === 'conflict') s.phase = { name: 'idle' };
    s.savedCount = event.countAtCopy;
    s.savedAt = event.at;
    s.pendingAdoption = { doc: copy, designId: s.designId, revision: s.revision };
    this.setStatus(isDirty(s) ? 'unsaved' : 'saved');
    if (isDirty(s)) this.schedule();
  }
}
