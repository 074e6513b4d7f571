import { useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { ddlFor, statementAt } from '../../state/ddl';
import { useServices, useStudio, useStudioStore } from '../StudioContext';
import { monaco } from './monaco';
import { useTheme } from '../common/useTheme';

/**
 * The live DDL: generated from the design on every change, read-only here. Selecting a table
 * highlights its statements; moving the cursor into a statement selects its table; Postgres's
 * errors are marked where Postgres points.
 */
export function DdlPane() {
  const host = useRef<HTMLDivElement>(null);
  const [editor, setEditor] = useState<monaco.editor.IStandaloneCodeEditor>();
  const store = useStudioStore();
  const { check, notices } = useServices();
  const design = useStudio((s) => s.design);
  const selectedIds = useStudio((s) => s.selection.tableIds);
  const ddl = ddlFor(design);
  const theme = useTheme();
  const checkState = useStore(check);

  useEffect(() => {
    if (!host.current) return undefined;
    const ed = monaco.editor.create(host.current, {
      value: '',
      language: 'pgsql',
      readOnly: true,
      domReadOnly: true,
      automaticLayout: true,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      fontSize: 13,
      lineNumbersMinChars: 3,
      renderLineHighlight: 'none',
      // Monaco hides validation squiggles in read-only editors by default; Postgres's errors must show.
      renderValidationDecorations: 'on',
      ariaLabel: 'Generated DDL',
      readOnlyMessage: { value: 'The DDL follows the diagram. Two-way editing is coming.' },
    });
    setEditor(ed);
    return () => {
      ed.getModel()?.dispose();
      ed.dispose();
    };
  }, []);

  useEffect(() => monaco.editor.setTheme(theme === 'dark' ? 'vs-dark' : 'vs'), [theme]);

  useEffect(() => {
    const model = editor?.getModel();
    if (model && model.getValue() !== ddl.text) model.setValue(ddl.text);
  }, [editor, ddl.text]);

  // Cursor in the DDL -> select the table the statement belongs to (only for user moves).
  useEffect(() => {
    if (!editor) return undefined;
    const sub = editor.onDidChangeCursorPosition((e) => {
      if (e.source !== 'mouse' && e.source !== 'keyboard') return;
      const model = editor.getModel();
      if (!model) return;
      const stmt = statementAt(ddlFor(store.getState().design), model.getOffsetAt(e.position));
      if (stmt && store.getState().design.tables[stmt.entityId]) {
        const cur = store.getState().selection.tableIds;
        if (cur.length !== 1 || cur[0] !== stmt.entityId) store.getState().select({ tableIds: [stmt.entityId] });
      }
    });
    return () => sub.dispose();
  }, [editor, store]);

  // Selected tables -> highlight and reveal their statements.
  const decorations = useRef<monaco.editor.IEditorDecorationsCollection | null>(null);
  useEffect(() => {
    const model = editor?.getModel();
    if (!editor || !model) return;
    const ids = new Set(selectedIds);
    const ranges = ddl.statements
      .filter((s) => ids.has(s.entityId))
      .map((s) => {
        const a = model.getPositionAt(s.from);
        const b = model.getPositionAt(s.to);
        return new monaco.Range(a.lineNumber, 1, b.lineNumber, 1);
      });
    decorations.current?.clear();
    decorations.current = editor.createDecorationsCollection(
      ranges.map((range) => ({ range, options: { isWholeLine: true, className: 'tw-ddl-selected', linesDecorationsClassName: 'tw-ddl-selected-gutter' } })),
    );
    const first = ranges[0];
    if (first) editor.revealRangeNearTopIfOutsideViewport(first, monaco.editor.ScrollType.Smooth);
  }, [editor, selectedIds, ddl]);

  // Postgres errors -> markers at the place Postgres points (or the whole statement).
  useEffect(() => {
    const model = editor?.getModel();
    if (!editor || !model) return;
    const current = checkState.ddlText === model.getValue();
    const markers = current
      ? checkState.errors.map((e) => {
          const start = model.getPositionAt(e.offset ?? e.from);
          const end = e.offset !== undefined ? model.getWordAtPosition(start) : null;
          const stop = e.offset !== undefined ? (end ? new monaco.Position(start.lineNumber, end.endColumn) : new monaco.Position(start.lineNumber, start.column + 1)) : model.getPositionAt(e.to);
          return {
            severity: monaco.MarkerSeverity.Error,
            message: [e.message, e.detail && `Detail: ${e.detail}`, e.hint && `Hint: ${e.hint}`].filter(Boolean).join('\n'),
            code: e.code,
            source: 'PostgreSQL',
            startLineNumber: start.lineNumber,
            startColumn: start.column,
            endLineNumber: stop.lineNumber,
            endColumn: stop.column,
          };
        })
      : [];
    monaco.editor.setModelMarkers(model, 'postgres', markers);
  }, [editor, checkState]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(ddl.text);
      notices.getState().push({ tone: 'info', text: 'DDL copied to the clipboard.' });
    } catch {
      notices.getState().push({ tone: 'error', text: 'The browser refused clipboard access. Use Download instead.' });
    }
  };
  const download = () => {
    const blob = new Blob([ddl.text], { type: 'application/sql' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `${safeFileName(design.name)}.sql`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  };

  return (
    <section className="tw-ddl" aria-label="DDL">
      <header className="tw-pane-header">
        <h2>DDL</h2>
        <div className="tw-pane-actions">
          <button type="button" onClick={copy}>Copy DDL</button>
          <button type="button" onClick={download}>Download DDL</button>
        </div>
      </header>
      {ddl.problems.length > 0 && (
        <ul className="tw-ddl-problems" aria-label="Left out of the DDL">
          {ddl.problems.map((p, i) => (
            <li key={i}>{p.message}</li>
          ))}
        </ul>
      )}
      <div className="tw-monaco" ref={host} data-testid="ddl-editor" />
    </section>
  );
}

export function safeFileName(name: string): string {
  return name.replace(/[^\p{L}\p{N}._-]+/gu, '_').replace(/^_+|_+$/g, '') || 'design';
}
