import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Design } from '../core/model';

/** A problem in the SQL the user typed, placed in the draft's own text. */
export interface DraftError {
  message: string;
  detail?: string;
  hint?: string;
  code?: string;
  /** 0-based offsets in the draft text (UTF-16), when known. */
  from?: number;
  to?: number;
  /** 1-based line in the draft, for the list. */
  line?: number;
}

/**
 * The DDL the user is typing. `text` is null while the editor simply follows the design. While
 * a draft exists, the canvas shows `appliedDesign` (the last design the draft produced) or,
 * if the draft never became valid, the design as it was before editing began.
 */
export interface DraftState {
  text: string | null;
  /** waiting: typed, not yet read; applying: Postgres is reading it; invalid: it has errors. */
  phase: 'idle' | 'waiting' | 'applying' | 'invalid' | 'applied';
  errors: DraftError[];
  /** The design the draft last produced; a design change that is not this one ends the draft. */
  appliedDesign: Design | null;
}

export type DraftStore = StoreApi<DraftState>;

export function createDraftStore(): DraftStore {
  return createStore<DraftState>()(() => ({
    text: null,
    phase: 'idle',
    errors: [],
    appliedDesign: null,
  }));
}
