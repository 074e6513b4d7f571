/** Steps of the autosave machine for its tests: a fresh state, edits, saves, failures, the states reached. */
import type { DesignDocument } from '../../core/model';
import { err, ok } from '../../core/result';
import { nextAutosave } from '../autosaveMachine';
import {
  initialAutosave,
  type AutosaveEffect,
  type AutosaveEvent,
  type AutosaveState,
} from '../autosaveState';
import type { SaveError } from '../errors';
import { sampleDoc } from './helpers';

export const ORIGIN = 'autosave:test';
export const base = sampleDoc('Shop', 2);

export function fresh(overrides: Partial<AutosaveState['config']> = {}): AutosaveState {
  return initialAutosave({
    config: {
      debounceMs: 300,
      maxWaitMs: 800,
      journal: true,
      adoptsExternal: true,
      origin: ORIGIN,
      ...overrides,
    },
    designId: base.design.id,
    revision: 1,
    doc: base,
  });
}

/** The document with its first table renamed: a new design object, as an edit makes. */
export function edited(doc: DesignDocument, name: string): DesignDocument {
  const tables = { ...doc.design.tables };
  const first = Object.keys(tables)[0]!;
  tables[first] = { ...tables[first]!, name };
  return { ...doc, design: { ...doc.design, tables } };
}

export const edit = (s: AutosaveState, name: string): AutosaveEvent => ({
  type: 'storeChanged',
  doc: edited(s.seen, name),
  at: 1000,
});

/** Runs events in order; every effect, in order. */
export function run(
  state: AutosaveState,
  ...events: (AutosaveEvent | ((s: AutosaveState) => AutosaveEvent))[]
) {
  const effects: AutosaveEffect[] = [];
  for (const e of events) {
    const step = nextAutosave(state, typeof e === 'function' ? e(state) : e);
    state = step.state;
    effects.push(...step.effects);
  }
  return { state, effects };
}

export const types = (effects: AutosaveEffect[]) => effects.map((e) => e.type);
export const statuses = (effects: AutosaveEffect[]) =>
  effects.flatMap((e) => (e.type === 'status' ? [e.status.state] : []));
export const saved = (revision: number): AutosaveEvent => ({
  type: 'saveFinished',
  result: ok({ revision }),
  at: 2000,
});
export const failed = (error: SaveError): AutosaveEvent => ({
  type: 'saveFinished',
  result: err(error),
  at: 2000,
});
export const quota = failed({ kind: 'quota', message: 'Storage is full: NOT saved.' });
export const fire: AutosaveEvent = { type: 'timerFired', timer: 'debounce' };

// The states the tests start from, each reached through events only.
export const dirtyIdle = () => run(fresh(), (s) => edit(s, 'a')).state;
export const saving = () => run(dirtyIdle(), fire).state;
export const savingQueued = () => run(saving(), (s) => edit(s, 'b'), fire).state;
export const conflict = () =>
  run(saving(), failed({ kind: 'conflict', theirRevision: 2, message: 'conflict' })).state;
export const errored = () => run(saving(), quota).state;
export const disposedDirty = () => run(dirtyIdle(), { type: 'disposed' }).state;
