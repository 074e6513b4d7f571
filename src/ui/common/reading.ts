import type { ReactFlowInstance } from '@xyflow/react';
import { neighbourhood } from '../../core/graph';
import type { FocusHops, StudioStore } from '../../state/store';

/**
 * The reading actions (focus on a table, find a path), one way in for the toolbar, the inspector
 * and the shortcuts. They change view state only, never the design.
 */
type Flow = Pick<ReactFlowInstance, 'fitView'>;

const MARGIN = 24;

/**
 * Brings `tableIds` into view once the canvas has drawn the change just made, below the focus bar
 * or path panel over the canvas top (they would hide the tables they are about).
 */
export function fitTables(flow: Flow, tableIds: readonly string[]): void {
  requestAnimationFrame(() => {
    const overlay = document.querySelector('.tw-reading-bar')?.getBoundingClientRect().height ?? 0;
    void flow.fitView({
      duration: 300,
      maxZoom: 1.2,
      padding: {
        top: `${Math.round(overlay) + MARGIN}px`,
        x: `${MARGIN}px`,
        bottom: `${MARGIN}px`,
      },
      nodes: tableIds.map((id) => ({ id })),
    });
  });
}

/** Focus mode on `tableId`, keeping the reach and hiding the person last chose. */
export function enterFocus(
  store: StudioStore,
  flow: Flow,
  tableId: string,
  hops?: FocusHops,
): void {
  const s = store.getState();
  if (!s.design.tables[tableId]) return;
  const next = { ...s.focusReach, tableId, ...(hops ? { hops } : {}) };
  s.setPathEnds(null);
  s.setFocus(next);
  s.select({ tableIds: [tableId] });
  fitTables(flow, [...neighbourhood(s.design, tableId, next.hops).keys()]);
}

/** Opens the Find path panel, from the first selected table to the second where there are two. */
export function openFindPath(store: StudioStore, fromId?: string): void {
  const s = store.getState();
  const [first, second] = s.selection.tableIds;
  s.setFocus(null);
  s.setPathEnds({ fromId: fromId ?? first ?? null, toId: fromId ? null : (second ?? null) });
}

/** Escape on the canvas leaves the path first, then focus; false when neither was on. */
export function leaveReadingMode(store: StudioStore): boolean {
  const s = store.getState();
  if (s.pathEnds) s.setPathEnds(null);
  else if (s.focus) s.setFocus(null);
  else return false;
  return true;
}
