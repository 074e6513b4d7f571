/**
 * Monaco, bundled (never from a CDN). Monaco 0.57 ships ESM under `monaco-editor/<path>`; we take
 * the editor API plus the few contributions the studio uses, and the pgsql grammar.
 */
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/editor/contrib/bracketMatching/browser/bracketMatching';
import 'monaco-editor/editor/contrib/clipboard/browser/clipboard';
import 'monaco-editor/editor/contrib/contextmenu/browser/contextmenu';
import 'monaco-editor/editor/contrib/find/browser/findController';
import 'monaco-editor/features/find/register';
import 'monaco-editor/editor/contrib/folding/browser/folding';
import 'monaco-editor/editor/contrib/hover/browser/hoverContribution';
import 'monaco-editor/editor/contrib/wordHighlighter/browser/wordHighlighter';
import 'monaco-editor/features/codicon/register';
import 'monaco-editor/languages/definitions/pgsql/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';

self.MonacoEnvironment = { getWorker: () => new EditorWorker() };

export { monaco };

/**
 * Every code editor of the studio is made here. The host gets React Flow's `nokey` class: Monaco
 * 0.57 types into a `<div class="native-edit-context">` (the EditContext API), which React Flow does
 * not recognise as a text field, so its Space pan-activation key swallowed every space a person typed.
 */
export function createCodeEditor(
  host: HTMLElement,
  options: monaco.editor.IStandaloneEditorConstructionOptions,
): monaco.editor.IStandaloneCodeEditor {
  host.classList.add('nokey');
  return monaco.editor.create(host, {
    automaticLayout: true,
    minimap: { enabled: false },
    scrollBeyondLastLine: false,
    fontSize: 13,
    ...options,
  });
}
