import { useEffect } from 'react';
import { useReactFlow } from '@xyflow/react';
import { addTableAt, deleteTables } from '../../state/commands';
import { useServices, useStudioStore } from '../StudioContext';

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el) return false;
  return el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName) || !!el.closest('.monaco-editor');
}

/**
 * Keyboard shortcuts for the common actions. Undo/redo work everywhere except inside text fields
 * (where the browser's own undo applies); the single-key ones only when not typing.
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
    const onKey = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      if (isTyping(e.target)) return;
      const s = store.getState();
      const key = e.key.toLowerCase();
      if (mod && key === 'z') {
        e.preventDefault();
        if (e.shiftKey) s.redo();
        else s.undo();
      } else if (mod && e.shiftKey && key === 's') {
        e.preventDefault();
        onShare();
      } else if (mod && e.shiftKey && key === 'e') {
        e.preventDefault();
        onExport();
      } else if (mod && key === 'y') {
        e.preventDefault();
        s.redo();
      } else if (mod && key === 'a') {
        e.preventDefault();
        s.select({ tableIds: Object.keys(s.design.tables) });
      } else if (!mod && !e.altKey && (e.key === 'Delete' || e.key === 'Backspace') && s.selection.tableIds.length) {
        e.preventDefault();
        deleteTables(store, s.selection.tableIds);
      } else if (!mod && !e.altKey && key === 't') {
        e.preventDefault();
        const pane = document.querySelector('.react-flow')?.getBoundingClientRect();
        const center = pane ? { x: pane.left + pane.width / 2 - 130, y: pane.top + pane.height / 2 - 60 } : { x: 200, y: 200 };
        addTableAt(store, flow.screenToFlowPosition(center));
      } else if (!mod && !e.altKey && key === 'l') {
        e.preventDefault();
        void arrange(s.selection.tableIds.length > 1 ? s.selection.tableIds : undefined);
      } else if (!mod && !e.altKey && key === 'f') {
        e.preventDefault();
        void flow.fitView({ duration: 300, padding: 0.1 });
      } else if (!mod && e.key === '/') {
        e.preventDefault();
        document.querySelector<HTMLInputElement>('[data-shortcut="search"]')?.focus();
      } else if (e.key === 'Escape') {
        s.select({ tableIds: [] });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store, flow, arrange, onShare, onExport]);
}
