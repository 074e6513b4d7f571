import type { Design, Layout } from '../core/model';

/** One undo step: the whole document before a change. Immutable updates share structure, so a
 * snapshot costs a few pointers, not a copy of the design. */
export interface Snapshot {
  design: Design;
  layout: Layout;
}

export interface History {
  past: Snapshot[];
  future: Snapshot[];
}

/** Bounded so a long session cannot grow memory without limit. */
export const HISTORY_LIMIT = 200;

export function pushPast(h: History, snap: Snapshot): History {
  const past = h.past.length >= HISTORY_LIMIT ? h.past.slice(1) : h.past.slice();
  past.push(snap);
  return { past, future: [] };
}
