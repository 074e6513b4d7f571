import type { ReactFlowInstance } from '@xyflow/react';
import { DETAIL_ZOOM, tableSize } from '../../core/geometry/tableGeometry';
import type { RevealMode } from '../../state/revealRequest';
import type { StudioStore } from '../../state/store';

export type RevealFlow = Pick<
  ReactFlowInstance,
  'screenToFlowPosition' | 'flowToScreenPosition' | 'setCenter' | 'getZoom'
>;

/**
 * Brings a table into the canvas's view. `locate` (and a table just made) also zooms in to where
 * tables are drawn with their columns when the canvas is far out; `follow` only pans, and only
 * when the canvas is near enough to read (see RevealMode).
 */
export function revealTable(
  store: StudioStore,
  flow: RevealFlow,
  id: string,
  mode: RevealMode,
): void {
  const { design, layout } = store.getState();
  const table = design.tables[id];
  const at = layout.tables[id];
  const pane = canvasRect();
  if (!table || !at || !pane) return;
  const readable = flow.getZoom() >= DETAIL_ZOOM;
  if (mode === 'follow' && !readable) return;
  const size = tableSize(table, at);
  const topLeft = flow.flowToScreenPosition({ x: at.x, y: at.y });
  const bottomRight = flow.flowToScreenPosition({ x: at.x + size.width, y: at.y + size.height });
  const inside =
    topLeft.x >= pane.left &&
    topLeft.y >= pane.top &&
    bottomRight.x <= pane.right &&
    bottomRight.y <= pane.bottom;
  if (!inside || !readable)
    void flow.setCenter(at.x + size.width / 2, at.y + size.height / 2, {
      zoom: readable ? flow.getZoom() : 1,
      duration: 200,
    });
}

export function canvasRect(): DOMRect | undefined {
  return document.querySelector('.react-flow')?.getBoundingClientRect();
}
