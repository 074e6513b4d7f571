import { describe, expect, it } from 'vitest';
import { ok } from '../core/result';
import {
  documentToSave,
  isDirty,
  JOURNAL_EVERY_CHANGE_MS,
  type AutosaveEvent,
} from './autosaveState';
import { sampleDoc } from './test/helpers';
import {
  ORIGIN,
  base,
  fresh,
  edited,
  edit,
  run,
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

describe('nextAutosave: editing and saving', () => {
  it('an edit makes the work unsaved, journals it in the same step and arms both timers', () => {
    const { state, effects } = run(fresh(), (s) => edit(s, 'a'));
    expect(isDirty(state)).toBe(true);
    expect(types(effects)).toEqual(['status', 'writeJournal', 'startTimer', 'startTimer']);
    expect(statuses(effects)).toEqual(['unsaved']);
    expect(effects[1]).toMatchObject({ designId: base.design.id, baseRevision: 1, count: 1 });
    expect(state.timers).toMatchObject({ debounce: true, maxWait: true });
  });

  it('a store change that is not a document change (selection) does nothing', () => {
    const { state, effects } = run(fresh(), { type: 'storeChanged', doc: { ...base }, at: 1 });
    expect(effects).toEqual([]);
    expect(isDirty(state)).toBe(false);
  });

  it('edits restart the debounce but never the max wait', () => {
    const { effects } = run(dirtyIdle(), (s) => edit(s, 'b'));
    expect(effects.filter((e) => e.type === 'startTimer')).toEqual([
      { type: 'startTimer', timer: 'debounce', ms: 300 },
    ]);
  });

  it('a due timer writes the latest document on the revision it was based on', () => {
    const { state, effects } = run(dirtyIdle(), (s) => edit(s, 'latest'), fire);
    const save = effects.find((e) => e.type === 'save');
    expect(save).toMatchObject({ baseRevision: 1 });
    expect(save?.type === 'save' && Object.values(save.doc.design.tables)[0]?.name).toBe('latest');
    expect(state.phase).toEqual({ name: 'saving', countAtStart: 2, queued: false });
    expect(state.timers).toMatchObject({ debounce: false, maxWait: false });
  });

  it('saved only once the write holding the latest change is committed, then the journal goes', () => {
    const { state, effects } = run(saving(), saved(2));
    expect(statuses(effects)).toEqual(['saved']);
    expect(effects).toContainEqual({ type: 'clearJournal', designId: base.design.id });
    expect(state).toMatchObject({ revision: 2, savedAt: 2000, phase: { name: 'idle' } });
  });

  it('one write at a time: a save due while one runs is queued and starts when it ends', () => {
    const queued = savingQueued();
    expect(queued.phase).toMatchObject({ name: 'saving', queued: true });
    const { state, effects } = run(queued, saved(2));
    expect(statuses(effects)).toEqual(['unsaved', 'saving']);
    expect(effects.find((e) => e.type === 'save')).toMatchObject({ baseRevision: 2 });
    expect(state.phase).toEqual({ name: 'saving', countAtStart: 2, queued: false });
  });

  it('an edit during a write, not yet due, is scheduled when the write ends', () => {
    const during = run(saving(), (s) => edit(s, 'b'), { type: 'flushRequested' }).state;
    const { state, effects } = run(during, saved(2));
    expect(statuses(effects)).toEqual(['unsaved']);
    expect(types(effects)).toContain('startTimer');
    expect(isDirty(state)).toBe(true);
  });

  it('refuses to write another design over this one (the store switched without dispose)', () => {
    const other = sampleDoc('Other', 0);
    const { effects } = run(fresh(), { type: 'storeChanged', doc: other, at: 1 }, fire);
    expect(types(effects)).not.toContain('save');
    expect(types(effects)).not.toContain('writeJournal');
    expect(effects.at(-1)).toMatchObject({
      type: 'status',
      status: { state: 'error', errorKind: 'internal' },
    });
  });
});

describe('nextAutosave: write failures keep the work', () => {
  it('disk full: error (never saved), still unsaved, retried by the next change', () => {
    const state = errored();
    expect(state.status).toMatchObject({ state: 'error', errorKind: 'quota' });
    expect(isDirty(state)).toBe(true);
    const next = run(state, (s) => edit(s, 'b'));
    expect(statuses(next.effects)).toEqual([]); // still error until a write succeeds
    expect(types(next.effects)).toEqual(['writeJournal', 'startTimer', 'startTimer']);
    const retried = run(next.state, fire, saved(2));
    expect(retried.state.status.state).toBe('saved');
  });

  it('a failed write with another save queued retries right away', () => {
    const { state, effects } = run(savingQueued(), quota);
    expect(statuses(effects)).toEqual(['error', 'saving']);
    expect(state.phase.name).toBe('saving');
  });

  it('storage gone: errorKind unavailable; a refused create id is the studio’s own fault', () => {
    const gone = run(saving(), failed({ kind: 'unavailable', message: 'closed' })).state;
    expect(gone.status).toMatchObject({ state: 'error', errorKind: 'unavailable' });
    const exists = run(saving(), failed({ kind: 'exists', message: 'exists' })).state;
    expect(exists.status).toMatchObject({ state: 'error', errorKind: 'internal' });
  });

  it('a journal refused by storage is tried again on the next change', () => {
    const first = run(fresh(), (s) => edit(s, 'a'));
    const refused = run(first.state, { type: 'journalWritten', ok: false, count: 1, costMs: 1 });
    expect(refused.state.journaledCount).toBe(0);
    expect(types(run(refused.state, (s) => edit(s, 'b')).effects)).toContain('writeJournal');
  });
});

describe('nextAutosave: another tab', () => {
  it('a conflict stops all writing; later edits are counted and kept, never written', () => {
    const purged = run(saving(), failed({ kind: 'notFound', message: 'gone' })).state;
    for (const state of [conflict(), purged]) {
      expect(state.status.state).toBe('conflict');
      const { state: after, effects } = run(
        state,
        (s) => edit(s, 'more'),
        fire,
        { type: 'saveRequested' },
        { type: 'pageHidden' },
      );
      expect(effects).toEqual([]);
      expect(after.changeCount).toBe(2);
      expect(isDirty(after)).toBe(true);
    }
    expect(conflict().status).toMatchObject({ theirRevision: 2 });
  });

  it('a design purged elsewhere is a conflict with its own message', () => {
    const state = run(saving(), failed({ kind: 'notFound', message: 'gone' })).state;
    expect(state.phase).toEqual({ name: 'conflict' });
    expect(state.status.message).toMatch(/deleted permanently/);
  });

  it('another tab saves while nothing is unsaved: read it and hand it over, adopt it without writing', () => {
    const announced = run(fresh(), {
      type: 'tabChanged',
      change: { type: 'saved', designId: base.design.id, revision: 2, fromThisTab: false },
    });
    expect(announced.effects).toEqual([{ type: 'loadExternal', designId: base.design.id }]);
    const theirs = edited(base, 'theirs');
    const loaded = run(announced.state, {
      type: 'externalLoaded',
      result: ok({ doc: theirs, revision: 2 }),
    });
    expect(loaded.effects).toEqual([{ type: 'handOver', doc: theirs, revision: 2 }]);
    const adopted = run(loaded.state, { type: 'storeChanged', doc: theirs, at: 5 });
    expect(types(adopted.effects)).toEqual(['status']);
    expect(adopted.state).toMatchObject({ revision: 2, status: { state: 'saved' } });
    expect(isDirty(adopted.state)).toBe(false);
  });

  it('another tab saves while work is unsaved: conflict at once', () => {
    const { state } = run(dirtyIdle(), {
      type: 'tabChanged',
      change: { type: 'saved', designId: base.design.id, revision: 2, fromThisTab: false },
    });
    expect(state.status).toMatchObject({ state: 'conflict', theirRevision: 2 });
    expect(state.timers).toMatchObject({ debounce: false, maxWait: false });
  });

  it('our own writes, and other designs, are not another tab', () => {
    const own = run(dirtyIdle(), {
      type: 'tabChanged',
      change: {
        type: 'saved',
        designId: base.design.id,
        revision: 2,
        fromThisTab: true,
        origin: ORIGIN,
      },
    });
    const other = run(dirtyIdle(), {
      type: 'tabChanged',
      change: { type: 'saved', designId: 'd_other', revision: 9, fromThisTab: false },
    });
    expect([...own.effects, ...other.effects]).toEqual([]);
  });

  it('purged in another tab: a conflict only when work here is unsaved', () => {
    const purged: AutosaveEvent = {
      type: 'tabChanged',
      change: { type: 'purged', designId: base.design.id, fromThisTab: false },
    };
    expect(run(fresh(), purged).state.phase.name).toBe('idle');
    expect(run(dirtyIdle(), purged).state.phase).toEqual({ name: 'conflict' });
  });

  it('"keep mine as a copy": writing continues under the copy id, with the copy name', () => {
    const mine = run(conflict(), (s) => edit(s, 'mine')).state;
    const copy = {
      ...mine.seen,
      design: { ...mine.seen.design, id: 'd_copy', name: 'Shop (copy)' },
    };
    const { state, effects } = run(mine, {
      type: 'copyCreated',
      copy,
      fromId: base.design.id,
      revision: 1,
      countAtCopy: mine.changeCount,
      at: 9,
    });
    expect(statuses(effects)).toEqual(['saved']);
    expect(state).toMatchObject({ designId: 'd_copy', phase: { name: 'idle' } });
    // Until the store shows the copy, its old-id document is written as the copy.
    const next = run(state, (s) => edit(s, 'after copy'), fire);
    const save = next.effects.find((e) => e.type === 'save');
    expect(save?.type === 'save' && save.doc.design).toMatchObject({
      id: 'd_copy',
      name: 'Shop (copy)',
    });
    expect(documentToSave(next.state).ok).toBe(true);
  });

  it('"load their version": the conflict lifts and loading it is adopted, not saved', () => {
    const theirs = edited(base, 'theirs');
    const { state, effects } = run(
      conflict(),
      { type: 'theirsLoaded', doc: theirs, revision: 2 },
      { type: 'storeChanged', doc: theirs, at: 3 },
    );
    expect(types(effects)).toEqual(['status']);
    expect(state).toMatchObject({
      revision: 2,
      status: { state: 'saved' },
      phase: { name: 'idle' },
    });
  });
});

describe('nextAutosave: the page hides or closes with unsaved edits', () => {
  it('a throttled journal (big design) is written now, and its timer cancelled', () => {
    const slow = run(fresh(), (s) => edit(s, 'a'), {
      type: 'journalWritten',
      ok: true,
      count: 1,
      costMs: JOURNAL_EVERY_CHANGE_MS + 1,
    }).state;
    const throttled = run(slow, (s) => edit(s, 'b'));
    expect(throttled.effects).toContainEqual({ type: 'startTimer', timer: 'journal', ms: 200 });
    expect(types(throttled.effects)).not.toContain('writeJournal');
    const hidden = run(throttled.state, { type: 'pageHidden' });
    expect(types(hidden.effects)).toEqual(['cancelTimer', 'writeJournal']);
    expect(hidden.effects[1]).toMatchObject({ count: 2 });
  });

  it('nothing to journal when everything is stored or already journaled', () => {
    expect(run(fresh(), { type: 'pageHidden' }).effects).toEqual([]);
    const journaled = run(dirtyIdle(), { type: 'journalWritten', ok: true, count: 1, costMs: 0 });
    expect(run(journaled.state, { type: 'pageHidden' }).effects).toEqual([]);
  });

  it('after dispose, the pending write still completes but nothing new is watched or journaled', () => {
    const state = disposedDirty();
    expect(run(state, (s) => edit(s, 'later'), { type: 'pageHidden' }).effects).toEqual([]);
    const flushed = run(state, { type: 'saveRequested' });
    expect(types(flushed.effects)).toContain('save');
    // A save queued before dispose is not retried after a failure: the next change would have, and none comes.
    const queuedThenDisposed = run(savingQueued(), { type: 'disposed' }, quota);
    expect(types(queuedThenDisposed.effects)).not.toContain('save');
    expect(queuedThenDisposed.state.phase.name).toBe('idle');
  });
});
