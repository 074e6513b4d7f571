import { useEffect } from 'react';
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';

/**
 * "Start editing this field": a button that creates something (Add table, Add column) asks the
 * field that names it to take the keyboard, so what the person types next goes into the name and
 * never to a shortcut. Keys name a field, e.g. `canvas:table:<id>` or `inspector:column:<id>`.
 * View state only: it lives beside the studio store, never in the design or its history.
 */
const pending = createStore<{ key: string | null }>()(() => ({ key: null }));

export function requestEdit(key: string): void {
  pending.setState({ key });
}

/** Calls `start` once when `key` is requested (now or later), then clears the request. */
export function useEditRequest(key: string | undefined, start: () => void): void {
  const requested = useStore(pending, (s) => key !== undefined && s.key === key);
  useEffect(() => {
    if (!requested) return;
    pending.setState({ key: null });
    start();
  }, [requested, start]);
}

export const editKeys = {
  tableName: (tableId: string) => `canvas:table:${tableId}`,
  columnName: (columnId: string) => `canvas:column:${columnId}`,
  inspectorColumnName: (columnId: string) => `inspector:column:${columnId}`,
  areaName: (areaId: string) => `canvas:area:${areaId}`,
};
