import { addColumn, addTableAt } from '../../state/commands';
import type { StudioStore } from '../../state/store';
import { editKeys, requestEdit } from './editRequest';
import { canvasRect, revealTable, type RevealFlow } from './revealTable';

/**
 * Buttons and shortcuts that create something put the keyboard in its name field: what the
 * person types next names it, and never reaches a single-key shortcut.
 */
type Flow = RevealFlow;

export function addTableAndName(
  store: StudioStore,
  flow: Flow,
  near: { x: number; y: number },
): string {
  const id = addTableAt(store, near);
  // A new table the nearest free spot put outside the view is brought into it: the person sees
  // what they made. Far out the canvas zooms in to where names are drawn, or the name field would
  // not exist and the name typed next would go to the shortcuts.
  revealTable(store, flow, id, 'locate');
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
