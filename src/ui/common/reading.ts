import { getViewportForBounds, type ReactFlowInstance } from '@xyflow/react';
import { neighbourhood } from '../../core/graph';
import { LAYOUT_BOUNDS } from '../../core/model';
import { tableSizes } from '../../core/geometry/tableGeometry';
import { keysOnlyLayout } from '../../core/geometry/keysOnly';
import type { FocusHops, StudioStore } from '../../state/store';

/**
 * The reading actions (focus on a table, find a path), one way in for the toolbar, the inspector
 * and the shortcuts. They change view state only, never the design.
 */
type Flow = Pick<ReactFlowInstance, 'setViewport'>;

const MARGIN = 24;

/**
 * Brings `tableIds` into view once the canvas has drawn the change just made, below the focus bar
 * or path panel over the canvas top (they would hide the tables they are about).
 */
export function fitTables(flow: Flow, store: StudioStore, tableIds: readonly string[]): void {
  requestAnimationFrame(() => {
    // From the design, not React Flow's nodes: far out the canvas hands React Flow no tables.
    const s = store.getState();
    const layout = s.keysOnly ? keysOnlyLayout(s.layout) : s.layout;
    const sizes = tableSizes(s.design, layout);
    let x0 = Infinity;
    let y0 = Infinity;
    let x1 = -Infinity;
    let y1 = -Infinity;
    for (const id of tableIds) {
      const l = layout.tables[id];
      const size = sizes.get(id);
      if (!l || !size) continue;
      x0 = Math.min(x0, l.x);
      y0 = Math.min(y0, l.y);
      x1 = Math.max(x1, l.x + size.width);
      y1 = Math.max(y1, l.y + size.height);
    }
    const pane = document.querySelector('.react-flow')?.getBoundingClientRect();
    if (!pane || x0 > x1) return;
    const overlay = document.querySelector('.tw-reading-bar')?.getBoundingClientRect().height ?? 0;
    const viewport = getViewportForBounds(
      { x: x0, y: y0, width: x1 - x0, height: y1 - y0 },
      pane.width,
      pane.height,
      LAYOUT_BOUNDS.zoom.min,
      1.2,
      { top: `${Math.round(overlay) + MARGIN}px`, x: `${MARGIN}px`, bottom: `${MARGIN}px` },
    );
    void flow.setViewport(viewport, { duration: 300 });
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
  fitTables(flow, store, [...neighbourhood(s.design, tableId, next.hops).keys()]);
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
