import { useEffect } from 'react';
import { useReactFlow } from '@xyflow/react';
import { deleteTables } from '../../state/commands';
import { useServices, useStudioStore } from '../StudioContext';
import { addTableInView } from './createAndEdit';
import { shortcutScope } from './shortcutScope';
import { enterFocus, leaveReadingMode, openFindPath } from './reading';
import { createAreaFromSelection } from './areaActions';
import { resolveShortcut, type ShortcutEffects } from './shortcutTable';

/**
 * Keyboard shortcuts for the common actions: which key does what, and where, is the table in
 * `shortcutTable` (the Keyboard shortcuts dialog lists the same table); this carries them out.
 */
export interface ShortcutActions {
  onShare(): void;
  onExport(): void;
  onShowShortcuts(): void;
}

export function useShortcuts(actions: ShortcutActions): void {
  const store = useStudioStore();
  const { onShare, onExport, onShowShortcuts } = actions;
  const flow = useReactFlow();
  const { arrange } = useServices();
  useEffect(() => {
    // Each reads the state when it runs: the key press that resolved it has just been checked
    // against the same state (a selection, a read-only design).
    const selected = () => store.getState().selection.tableIds;
    const effects: ShortcutEffects = {
      undo: () => store.getState().undo(),
      redo: () => store.getState().redo(),
      share: onShare,
      export: onExport,
      showShortcuts: onShowShortcuts,
      focusSearch: () =>
        document.querySelector<HTMLInputElement>('[data-shortcut="search"]')?.focus(),
      selectAll: () =>
        store.getState().select({ tableIds: Object.keys(store.getState().design.tables) }),
      deleteSelected: () => deleteTables(store, selected()),
      addTable: () => void addTableInView(store, flow),
      arrange: () => void arrange(selected().length > 1 ? selected() : undefined),
      fitView: () => void flow.fitView({ duration: 300, padding: 0.1 }),
      focusSelected: () => {
        const tableId = selected()[0];
        if (tableId) enterFocus(store, flow, tableId);
      },
      findPath: () => openFindPath(store),
      newSubjectArea: () => void createAreaFromSelection(store),
      toggleKeysOnly: () => store.getState().setKeysOnly(!store.getState().keysOnly),
      // Escape steps back one level: out of a path, then out of focus, then the selection.
      stepBack: () => {
        if (!leaveReadingMode(store)) store.getState().select({ tableIds: [] });
      },
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      const binding = resolveShortcut(e, shortcutScope(e.target, document), store.getState());
      if (!binding) return;
      if (!binding.keepDefault) e.preventDefault();
      effects[binding.effect]();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store, flow, arrange, onShare, onExport, onShowShortcuts]);
}
