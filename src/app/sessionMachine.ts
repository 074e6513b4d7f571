/**
 * The design session's lifecycle as data: which design is open, and what must be released when
 * it changes. `nextSession` is pure; designSession.ts performs the effects and runs the I/O.
 */

/** Where the session is. Work arriving in `closed` (a late answer from storage) is dropped. */
export type SessionPhase =
  /** Made, not started. */
  | { name: 'new' }
  /** Opening storage and the design to show first. */
  | { name: 'starting' }
  /** A design from a share link is shown read-only; stored nowhere. */
  | { name: 'shared' }
  /** A stored design is open and autosaved. */
  | { name: 'open'; designId: string }
  /** Between designs: the previous autosave is being disposed, the next design loaded. */
  | { name: 'switching'; fromId?: string }
  /** A design is shown that is stored nowhere: storage refused, or creating its record failed. */
  | { name: 'unstored'; problem: string }
  /** Disposed: every listener removed, nothing more is written. */
  | { name: 'closed' };

export type SessionEvent =
  | { type: 'start'; shared: boolean }
  | { type: 'storageReady' }
  | { type: 'storageFailed'; message: string }
  | { type: 'switchBegan' }
  | { type: 'designOpened'; designId: string }
  | { type: 'switchFailed'; message: string }
  | { type: 'dispose' };

export type SessionEffect =
  /** Listen for the page hiding (to store the selection and DDL draft). */
  | { type: 'listenToPage' }
  /** Stop everything listening: page events, tab sync, the store. */
  | { type: 'stopListening' }
  /** Dispose the open design's autosave (it stores what is pending first). */
  | { type: 'detachAutosave' };

export interface SessionStep {
  phase: SessionPhase;
  effects: SessionEffect[];
}

const stay = (phase: SessionPhase): SessionStep => ({ phase, effects: [] });

export function nextSession(phase: SessionPhase, event: SessionEvent): SessionStep {
  if (phase.name === 'closed') return stay(phase);
  if (event.type === 'dispose') {
    // The open design's pending work is stored first, while storage is still open.
    const effects: SessionEffect[] =
      phase.name === 'open' || phase.name === 'switching' ? [{ type: 'detachAutosave' }] : [];
    return { phase: { name: 'closed' }, effects: [...effects, { type: 'stopListening' }] };
  }
  switch (event.type) {
    case 'start':
      if (phase.name !== 'new') return stay(phase); // started once
      return {
        phase: event.shared ? { name: 'shared' } : { name: 'starting' },
        effects: [{ type: 'listenToPage' }],
      };
    case 'storageReady':
      return stay(phase);
    case 'storageFailed':
      if (phase.name !== 'starting' && phase.name !== 'shared') return stay(phase);
      return stay(phase.name === 'shared' ? phase : { name: 'unstored', problem: event.message });
    case 'switchBegan':
      return {
        phase:
          phase.name === 'open'
            ? { name: 'switching', fromId: phase.designId }
            : { name: 'switching' },
        effects: phase.name === 'open' ? [{ type: 'detachAutosave' }] : [],
      };
    case 'designOpened':
      return stay({ name: 'open', designId: event.designId });
    case 'switchFailed':
      return stay({ name: 'unstored', problem: event.message });
  }
}
