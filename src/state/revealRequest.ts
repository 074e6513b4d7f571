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

export interface RevealRequest {
  tableId: string;
  mode: RevealMode;
  /** Counts requests, so asking twice for the same table reveals it twice. */
  seq: number;
}

export const revealRequests = createStore<{ last: RevealRequest | null }>()(() => ({
  last: null,
}));

export function requestReveal(tableId: string, mode: RevealMode): void {
  const seq = (revealRequests.getState().last?.seq ?? 0) + 1;
  revealRequests.setState({ last: { tableId, mode, seq } });
}
