import { useEffect } from 'react';
import { useReactFlow } from '@xyflow/react';
import { deleteTables } from '../../state/commands';
import { useServices, useStudioStore } from '../StudioContext';
import { addTableInView } from './createAndEdit';
import { shortcutScope } from './shortcutScope';
import { enterFocus, leaveReadingMode, openFindPath } from './reading';
import { createAreaFromSelection } from './areaActions';

/**
 * Keyboard shortcuts for the common actions. They act only on what the person is looking at:
 * never while a dialog is open or while typing (see `shortcutScope`); single keys, Delete and
 * select-all only when the canvas (or nothing) has focus, so a focused button or tab never
 * deletes a table. `/` (search) is claimed by no control, so it works from a focused button too.
 */
export interface ShortcutActions {
  onShare(): void;
  onExport(): void;
}

export function useShortcuts(actions: ShortcutActions): void {
  const store = useStudioStore();
  const { onShare, onExport } = actions;
  const flow = useReactFlow();
  const { arrange } = useServices();
  useEffect(() => {
    /** Ctrl/Cmd shortcuts: wherever focus is, except text entry and dialogs. */
    const withModifier = (e: KeyboardEvent, key: string): (() => void) | undefined => {
      const s = store.getState();
      if (key === 'z') return e.shiftKey ? s.redo : s.undo;
      if (key === 'y') return s.redo;
      if (e.shiftKey && key === 's') return onShare;
      if (e.shiftKey && key === 'e') return onExport;
      return undefined;
    };
    /** Shortcuts that act on the canvas: only when it (or nothing) has focus. */
    const onCanvas = (e: KeyboardEvent, key: string): (() => void) | undefined => {
      const s = store.getState();
      const editable = !s.readOnly;
      if ((e.ctrlKey || e.metaKey) && key === 'a')
        return () => s.select({ tableIds: Object.keys(s.design.tables) });
      if (e.ctrlKey || e.metaKey || e.altKey) return undefined;
      if ((key === 'delete' || key === 'backspace') && editable && s.selection.tableIds.length)
        return () => deleteTables(store, s.selection.tableIds);
      if (key === 't' && editable) return () => void addTableInView(store, flow);
      if (key === 'l' && editable)
        return () =>
          void arrange(s.selection.tableIds.length > 1 ? s.selection.tableIds : undefined);
      if (key === 'f') return () => void flow.fitView({ duration: 300, padding: 0.1 });
      if (key === 'n' && s.selection.tableIds[0]) {
        const tableId = s.selection.tableIds[0];
        return () => enterFocus(store, flow, tableId);
      }
      if (key === 'p') return () => openFindPath(store);
      if (key === 'g' && editable && s.selection.tableIds.length)
        return () => void createAreaFromSelection(store);
      if (key === 'k') return () => s.setKeysOnly(!s.keysOnly);
      // Escape steps back one level: out of a path, then out of focus, then the selection.
      if (key === 'escape')
        return () => {
          if (!leaveReadingMode(store)) s.select({ tableIds: [] });
        };
      return undefined;
    };
    /** Keys no control uses: they act wherever focus is, except text entry and dialogs. */
    const unclaimed = (e: KeyboardEvent, key: string): (() => void) | undefined => {
      if (e.ctrlKey || e.metaKey || e.altKey) return undefined;
      if (key === '/')
        return () => document.querySelector<HTMLInputElement>('[data-shortcut="search"]')?.focus();
      return undefined;
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      const scope = shortcutScope(e.target, document);
      if (scope === 'none') return;
      const key = e.key.toLowerCase();
      const action =
        (e.ctrlKey || e.metaKey ? withModifier(e, key) : undefined) ??
        (scope === 'canvas' ? onCanvas(e, key) : undefined) ??
        unclaimed(e, key);
      if (!action) return;
      if (key !== 'escape') e.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store, flow, arrange, onShare, onExport]);
}
