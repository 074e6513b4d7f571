import { useEffect, useRef } from 'react';
import 'monaco-editor/editor/contrib/suggest/browser/suggestController';
import type { Design } from '../../core/model';
import { createCodeEditor, monaco } from '../ddl/monaco';
import { useTheme } from '../common/useTheme';
import { useStudioStore } from '../StudioContext';

/** The design the completion provider reads: the query editor's studio (one per page). */
let completionDesign: () => Design | undefined = () => undefined;
let registered = false;

/** Completes the design's tables, and columns (all, or of the table before a dot). */
function registerCompletion(): void {
  if (registered) return;
  registered = true;
  monaco.languages.registerCompletionItemProvider('pgsql', {
    triggerCharacters: ['.'],
    provideCompletionItems(model, position) {
      const design = completionDesign();
      if (!design || !model.uri.path.startsWith('/query')) return { suggestions: [] };
      const word = model.getWordUntilPosition(position);
      const range = {
        startLineNumber: position.lineNumber,
        endLineNumber: position.lineNumber,
        startColumn: word.startColumn,
        endColumn: word.endColumn,
      };
      const before = model.getLineContent(position.lineNumber).slice(0, word.startColumn - 1);
      const qualifier = /([A-Za-z_][\w$]*)\.$/.exec(before)?.[1]?.toLowerCase();
      const tables = Object.values(design.tables);
      const Kind = monaco.languages.CompletionItemKind;
      if (qualifier) {
        const table = tables.find((t) => t.name.toLowerCase() === qualifier);
        return {
          suggestions: (table?.columns ?? []).map((c) => ({
            label: c.name,
            kind: Kind.Field,
            detail: c.type,
            insertText: c.name,
            range,
          })),
        };
      }
      return {
        suggestions: [
          ...tables.map((t) => ({
            label: t.name,
            kind: Kind.Class,
            detail: `table, ${t.columns.length} columns`,
            insertText: t.name,
            range,
          })),
          ...tables.flatMap((t) =>
            t.columns.map((c) => ({
              label: c.name,
              kind: Kind.Field,
              detail: `${t.name}.${c.name} ${c.type}`,
              insertText: c.name,
              range,
            })),
          ),
        ],
      };
    },
  });
}

/** A small SQL editor for queries: pgsql highlighting, completion of the design's names, Ctrl+Enter runs. */
export function QueryEditor({
  value,
  onChange,
  onRun,
}: {
  value: string;
  onChange(v: string): void;
  onRun(): void;
}) {
  const host = useRef<HTMLDivElement>(null);
  const editorRef = useRef<ReturnType<typeof monaco.editor.create>>(null);
  const store = useStudioStore();
  const theme = useTheme();
  const latest = useRef({ onChange, onRun });
  latest.current = { onChange, onRun };
  useEffect(() => {
    completionDesign = () => store.getState().design;
    registerCompletion();
    if (!host.current) return undefined;
    const model = monaco.editor.createModel(
      value,
      'pgsql',
      monaco.Uri.parse(`inmemory://model/query-${Math.random().toString(36).slice(2)}`),
    );
    const ed = createCodeEditor(host.current, {
      model,
      lineNumbers: 'off',
      ariaLabel: 'Query',
      quickSuggestions: true,
      wordBasedSuggestions: 'off',
    });
    editorRef.current = ed;
    ed.onDidChangeModelContent(() => latest.current.onChange(ed.getValue()));
    ed.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => latest.current.onRun());
    return () => {
      ed.dispose();
      model.dispose();
    };
    // The editor is made once; `value` changes from outside are applied below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store]);
  useEffect(() => {
    const ed = editorRef.current;
    if (ed && ed.getValue() !== value) ed.setValue(value);
  }, [value]);
  useEffect(() => monaco.editor.setTheme(theme === 'dark' ? 'vs-dark' : 'vs'), [theme]);
  return <div ref={host} className="tw-query-editor" />;
}
