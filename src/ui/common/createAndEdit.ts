import type { ReactFlowInstance } from '@xyflow/react';
import { DETAIL_ZOOM, tableSize } from '../../core/geometry/tableGeometry';
import { addColumn, addTableAt } from '../../state/commands';
import type { StudioStore } from '../../state/store';
import { editKeys, requestEdit } from './editRequest';

/**
 * Buttons and shortcuts that create something put the keyboard in its name field: what the
 * person types next names it, and never reaches a single-key shortcut.
 */
type Flow = Pick<
  ReactFlowInstance,
  'screenToFlowPosition' | 'flowToScreenPosition' | 'setCenter' | 'getZoom'
>;

export function addTableAndName(
  store: StudioStore,
  flow: Flow,
  near: { x: number; y: number },
): string {
  const id = addTableAt(store, near);
  revealTable(store, flow, id);
  requestEdit(editKeys.tableName(id));
  return id;
}

export function addColumnAndName(
  store: StudioStore,
  tableId: string,
  where: 'canvas' | 'inspector',
): string | undefined {
  const columnId = addColumn(store, tableId);
  if (columnId)
    requestEdit(
      where === 'canvas' ? editKeys.columnName(columnId) : editKeys.inspectorColumnName(columnId),
    );
  return columnId;
}

/** Adds a table in the middle of what the canvas shows (toolbar button and the T shortcut). */
export function addTableInView(store: StudioStore, flow: Flow): string {
  const pane = canvasRect();
  const middle = pane
    ? { x: pane.left + pane.width / 2, y: pane.top + pane.height / 2 }
    : { x: 400, y: 300 };
  return addTableAndName(store, flow, flow.screenToFlowPosition(middle));
}

function canvasRect(): DOMRect | undefined {
  return document.querySelector('.react-flow')?.getBoundingClientRect();
}

/**
 * A new table the nearest free spot put outside the view is brought into it: the person sees what
 * they made. Far out (a big schema at fit view) the canvas zooms in to where names are drawn, or
 * the name field would not exist and the name typed next would go to the shortcuts.
 */
function revealTable(store: StudioStore, flow: Flow, id: string): void {
  const { design, layout } = store.getState();
  const table = design.tables[id];
  const at = layout.tables[id];
  const pane = canvasRect();
  if (!table || !at || !pane) return;
  const size = tableSize(table, at);
  const topLeft = flow.flowToScreenPosition({ x: at.x, y: at.y });
  const bottomRight = flow.flowToScreenPosition({ x: at.x + size.width, y: at.y + size.height });
  const inside =
    topLeft.x >= pane.left &&
    topLeft.y >= pane.top &&
    bottomRight.x <= pane.right &&
    bottomRight.y <= pane.bottom;
  const readable = flow.getZoom() >= DETAIL_ZOOM;
  if (!inside || !readable)
    void flow.setCenter(at.x + size.width / 2, at.y + size.height / 2, {
      zoom: readable ? flow.getZoom() : 1,
      duration: 200,
    });
}
