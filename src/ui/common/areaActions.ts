import { newId } from '../../core/model';
import { createArea } from '../../core/ops';
import type { StudioStore } from '../../state/store';
import { editKeys, requestEdit } from './editRequest';

/** `Subject area N`, the first N no area is named yet: the name field opens on it at once. */
function placeholderName(names: readonly string[]): string {
  const taken = new Set(names);
  for (let n = names.length + 1; ; n++)
    if (!taken.has(`Subject area ${n}`)) return `Subject area ${n}`;
}

/**
 * "New subject area from selection" (toolbar, table menu, the G key): the selected tables become
 * an area (leaving any area they were in), and its name field takes the keyboard, so what the
 * person types next names it. One undo step. Returns the new area's id, or undefined when no
 * table is selected or the design is read-only.
 */
export function createAreaFromSelection(store: StudioStore): string | undefined {
  const s = store.getState();
  const tableIds = s.selection.tableIds.filter((id) => Object.hasOwn(s.design.tables, id));
  if (s.readOnly || tableIds.length === 0) return undefined;
  const id = newId('a');
  const name = placeholderName(s.design.areas.map((a) => a.name));
  s.dispatch((d) => createArea(d, { id, name, tableIds }));
  if (!store.getState().design.areas.some((a) => a.id === id)) return undefined;
  requestEdit(editKeys.areaName(id));
  return id;
}
