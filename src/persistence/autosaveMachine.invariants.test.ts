import { describe, expect, it } from 'vitest';
import { ok } from '../core/result';
import { nextAutosave } from './autosaveMachine';
import { isDirty, type AutosaveEvent, type AutosaveState } from './autosaveState';
import {
  base,
  fresh,
  edited,
  edit,
  types,
  statuses,
  saved,
  failed,
  quota,
  fire,
  dirtyIdle,
  saving,
  savingQueued,
  conflict,
  errored,
  disposedDirty,
} from './test/autosaveSteps';

describe('nextAutosave: invariants over every state and event', () => {
  const states: Record<string, () => AutosaveState> = {
    clean: () => fresh(),
    dirtyIdle,
    saving,
    savingQueued,
    conflict,
    errored,
    disposedDirty,
  };
  const events: Record<string, (s: AutosaveState) => AutosaveEvent> = {
    edit: (s) => edit(s, 'x'),
    debounce: () => fire,
    maxWait: () => ({ type: 'timerFired', timer: 'maxWait' }),
    journalTimer: () => ({ type: 'timerFired', timer: 'journal' }),
    saveRequested: () => ({ type: 'saveRequested' }),
    flushRequested: () => ({ type: 'flushRequested' }),
    saved: () => saved(5),
    quota: () => quota,
    conflictResult: () => failed({ kind: 'conflict', theirRevision: 7, message: 'c' }),
    notFound: () => failed({ kind: 'notFound', message: 'gone' }),
    otherTabSaved: (s) => ({
      type: 'tabChanged',
      change: { type: 'saved', designId: s.designId, revision: 8, fromThisTab: false },
    }),
    otherTabPurged: (s) => ({
      type: 'tabChanged',
      change: { type: 'purged', designId: s.designId, fromThisTab: false },
    }),
    externalLoaded: () => ({
      type: 'externalLoaded',
      result: ok({ doc: edited(base, 'ext'), revision: 9 }),
    }),
    pageHidden: () => ({ type: 'pageHidden' }),
    disposed: () => ({ type: 'disposed' }),
  };

  for (const [stateName, make] of Object.entries(states)) {
    for (const [eventName, event] of Object.entries(events)) {
      it(`${stateName} x ${eventName}`, () => {
        const before = make();
        const frozen = JSON.stringify(before);
        const { state, effects } = nextAutosave(before, event(before));
        expect(JSON.stringify(before)).toBe(frozen); // pure: the input is untouched
        const saves = effects.filter((e) => e.type === 'save').length;
        // One write at a time, none in conflict: a write starts only from a phase with none running.
        const wasWriting =
          before.phase.name === 'saving' &&
          eventName !== 'saved' &&
          !eventName.match(/quota|conflictResult|notFound/);
        if (saves) {
          expect(saves).toBe(1);
          expect(wasWriting).toBe(false);
          expect(before.phase.name).not.toBe('conflict');
          expect(state.phase.name).toBe('saving');
        }
        // Never "saved" while work is unsaved; never journaled in conflict or after dispose.
        if (statuses(effects).includes('saved')) expect(isDirty(state)).toBe(false);
        if (types(effects).includes('writeJournal')) {
          expect(state.phase.name).not.toBe('conflict');
          expect(state.disposed).toBe(false);
        }
        // Work is never dropped: a change counted stays counted until a write stores it.
        expect(state.changeCount).toBeGreaterThanOrEqual(before.changeCount);
        if (eventName !== 'saved') expect(state.savedCount).toBe(before.savedCount);
        // Timers the state thinks are armed are exactly those started and not cancelled.
        for (const e of effects)
          if (e.type === 'startTimer') expect(state.timers[e.timer]).toBe(true);
      });
    }
  }
});
