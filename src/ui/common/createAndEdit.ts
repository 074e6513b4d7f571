import { addColumn, addTableAt } from '../../state/commands';
import type { StudioStore } from '../../state/store';
import { editKeys, requestEdit } from './editRequest';

/**
 * Buttons and shortcuts that create something put the keyboard in its name field: what the
 * person types next names it, and never reaches a single-key shortcut.
 */
export function addTableAndName(store: StudioStore, near: { x: number; y: number }): string {
  const id = addTableAt(store, near);
  requestEdit(editKeys.tableName(id));
  return id;
}

export function addColumnAndName(store: StudioStore, tableId: string, where: 'canvas' | 'inspector'): string | undefined {
  const columnId = addColumn(store, tableId);
  if (columnId) requestEdit(where === 'canvas' ? editKeys.columnName(columnId) : editKeys.inspectorColumnName(columnId));
  return columnId;
}

interface ScreenToFlow {
  screenToFlowPosition(p: { x: number; y: number }): { x: number; y: number };
}

/** Adds a table in the middle of what the canvas shows (toolbar button and the T shortcut). */
export function addTableInView(store: StudioStore, flow: ScreenToFlow): string {
  const pane = document.querySelector('.react-flow')?.getBoundingClientRect();
  const middle = pane ? { x: pane.left + pane.width / 2, y: pane.top + pane.height / 2 } : { x: 400, y: 300 };
  return addTableAndName(store, flow.screenToFlowPosition(middle));
}
