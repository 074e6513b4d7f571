/**
 * Where a key press may act as a shortcut:
 * - `none`: a dialog is open (it owns the keyboard), or focus is in something a person types into
 *   (a text field, a code editor, an inline name editor);
 * - `global`: focus is on some other control (a button, a tab): only Ctrl/Cmd shortcuts;
 * - `canvas`: the canvas or nothing has focus: every shortcut, single keys included.
 */
export type ShortcutScope = 'none' | 'global' | 'canvas';

export function isTextEntry(el: Element | null): boolean {
  if (!el) return false;
  const html = el as HTMLElement;
  if (html.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName)) return true;
  return !!el.closest('.monaco-editor, .nokey');
}

export function shortcutScope(target: EventTarget | null, doc: Document): ShortcutScope {
  if (doc.querySelector('dialog[open], [role="dialog"][aria-modal="true"]')) return 'none';
  const el = target instanceof Element ? target : null;
  if (isTextEntry(el)) return 'none';
  if (!el || el === doc.body || el === doc.documentElement) return 'canvas';
  return el.closest('.react-flow') ? 'canvas' : 'global';
}
