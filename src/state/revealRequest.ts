import { createStore } from 'zustand/vanilla';

/**
 * "Show this table on the canvas": a panel that selects a table (the review's and the problems'
 * table links, the DDL pane's cursor, a table typed into the DDL) asks the canvas to bring it into
 * view, or the person would select something they cannot see. View state only, like the selection:
 * never in the design or its history.
 *
 * - `locate`: the person asked to see it: bring it into view and near enough to read.
 * - `follow`: the canvas follows along (the DDL cursor, a table just typed): pan to it only when
 *   the canvas is near enough to read tables and it is outside the view; far out, the map's
 *   selection outline already shows it and the person's overview stays as they set it.
 */
export type RevealMode = 'locate' | 'follow';

/** A table, or `all`: the whole design fitted to the canvas (a design just imported). */
export type RevealTarget = { tableId: string; mode: RevealMode } | 'all';

export interface RevealRequest {
  target: RevealTarget;
  /** Counts requests, so asking twice for the same table reveals it twice. */
  seq: number;
}

export const revealRequests = createStore<{ last: RevealRequest | null }>()(() => ({
  last: null,
}));

export function requestReveal(tableId: string, mode: RevealMode): void {
  request({ tableId, mode });
}

/**
 * The whole design in the canvas as it really is: an import's saved viewport can only guess the
 * canvas's size (it is laid out before the design opens), and a person's first look at an imported
 * schema must be all of it.
 */
export function requestFitView(): void {
  request('all');
}

function request(target: RevealTarget): void {
  const seq = (revealRequests.getState().last?.seq ?? 0) + 1;
  revealRequests.setState({ last: { target, seq } });
}
