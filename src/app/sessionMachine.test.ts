import { describe, expect, it } from 'vitest';
import { nextSession, type SessionEvent, type SessionPhase } from './sessionMachine';

const run = (phase: SessionPhase, ...events: SessionEvent[]) =>
  events.reduce<{ phase: SessionPhase; effects: string[] }>(
    (acc, e) => {
      const step = nextSession(acc.phase, e);
      return { phase: step.phase, effects: [...acc.effects, ...step.effects.map((x) => x.type)] };
    },
    { phase, effects: [] },
  );

const NEW: SessionPhase = { name: 'new' };
const OPEN: SessionPhase = { name: 'open', designId: 'd_1' };

describe('nextSession', () => {
  it('start listens to the page once, then opens a design through a switch', () => {
    const started = run(NEW, { type: 'start', shared: false });
    expect(started).toEqual({ phase: { name: 'starting' }, effects: ['listenToPage'] });
    expect(run(started.phase, { type: 'start', shared: false }).effects).toEqual([]);
    const opened = run(
      started.phase,
      { type: 'storageReady' },
      { type: 'switchBegan' },
      { type: 'designOpened', designId: 'd_1' },
    );
    expect(opened).toEqual({ phase: OPEN, effects: [] });
  });

  it('a share link shows its design, stored nowhere, until it is saved as a copy', () => {
    const shared = run(NEW, { type: 'start', shared: true }, { type: 'storageReady' });
    expect(shared.phase).toEqual({ name: 'shared' });
    expect(run(shared.phase, { type: 'storageFailed', message: 'no' }).phase.name).toBe('shared');
    expect(
      run(shared.phase, { type: 'switchBegan' }, { type: 'designOpened', designId: 'd_2' }).phase,
    ).toEqual({ name: 'open', designId: 'd_2' });
  });

  it('storage refused: the design is shown unstored, with the reason', () => {
    const { phase } = run(
      NEW,
      { type: 'start', shared: false },
      { type: 'storageFailed', message: 'blocked' },
    );
    expect(phase).toEqual({ name: 'unstored', problem: 'blocked' });
  });

  it('switching away from an open design disposes its autosave first', () => {
    expect(run(OPEN, { type: 'switchBegan' })).toEqual({
      phase: { name: 'switching', fromId: 'd_1' },
      effects: ['detachAutosave'],
    });
    const failed = run(OPEN, { type: 'switchBegan' }, { type: 'switchFailed', message: 'full' });
    expect(failed.phase).toEqual({ name: 'unstored', problem: 'full' });
  });

  it('dispose stores pending work, then stops listening; from every phase, once', () => {
    const phases: SessionPhase[] = [
      NEW,
      { name: 'starting' },
      { name: 'shared' },
      OPEN,
      { name: 'switching', fromId: 'd_1' },
      { name: 'unstored', problem: 'x' },
    ];
    for (const phase of phases) {
      const closed = run(phase, { type: 'dispose' });
      expect(closed.phase).toEqual({ name: 'closed' });
      expect(closed.effects.at(-1)).toBe('stopListening');
      expect(closed.effects.includes('detachAutosave')).toBe(
        phase.name === 'open' || phase.name === 'switching',
      );
    }
  });

  it('nothing happens once closed: late answers from storage are dropped', () => {
    const all: SessionEvent[] = [
      { type: 'start', shared: false },
      { type: 'storageReady' },
      { type: 'storageFailed', message: 'x' },
      { type: 'switchBegan' },
      { type: 'designOpened', designId: 'd_9' },
      { type: 'switchFailed', message: 'x' },
      { type: 'dispose' },
    ];
    for (const e of all)
      expect(run({ name: 'closed' }, e)).toEqual({ phase: { name: 'closed' }, effects: [] });
  });
});
