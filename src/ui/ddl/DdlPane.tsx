import { useEffect, useMemo, useRef, useState } from 'react';
import { foreignDialectNotice } from '../../core/import/dialectNotice';
import { useStore } from 'zustand';
import { ddlFor, statementAt } from '../../state/ddl';
import { useServices, useStudio, useStudioStore } from '../StudioContext';
import { createCodeEditor, monaco } from './monaco';
import { useTheme } from '../common/useTheme';
import { copyText, downloadFile, safeFileName } from '../common/clipboard';
import type { CheckState } from '../../state/checkStore';
import type { DraftError } from '../../state/ddlDraft';
import { requestReveal } from '../../state/revealRequest';

/**
 * The live DDL: generated from the design on every change, read-only here. Selecting a table
 * highlights its statements; moving the cursor into a statement selects its table; Postgres's
 * errors are marked where Postgres points.
 */
export function DdlPane() {
  const host = useRef<HTMLDivElement>(null);
  const [editor, setEditor] = useState<monaco.editor.IStandaloneCodeEditor>();
  const store = useStudioStore();
  const { check, notices, draft, ddlEditing } = useServices();
  const draftState = useStore(draft);
  const readOnly = useStudio((s) => s.readOnly);
  const design = useStudio((s) => s.design);
  const selectedIds = useStudio((s) => s.selection.tableIds);
  const ddl = ddlFor(design);
  const theme = useTheme();
  const checkState = useStore(check);
  // Another database's SQL pasted here: PostgreSQL refuses it line after line, so say what it is.
  const invalidText = draftState.phase === 'invalid' ? draftState.text : null;
  const dialect = useMemo(
    () => (invalidText ? foreignDialectNotice(invalidText) : undefined),
    [invalidText],
  );

  useEffect(() => {
    if (!host.current) return undefined;
    const ed = createCodeEditor(host.current, {
      value: '',
      language: 'pgsql',
      readOnly: false,
      lineNumbersMinChars: 3,
      renderLineHighlight: 'none',
      // Monaco hides validation squiggles in read-only editors by default; Postgres's errors must show.
      renderValidationDecorations: 'on',
      ariaLabel: 'Generated DDL',
      readOnlyMessage: { value: 'This design is read-only.' },
    });
    setEditor(ed);
    return () => {
      ed.getModel()?.dispose();
      ed.dispose();
    };
  }, []);

  useEffect(() => monaco.editor.setTheme(theme === 'dark' ? 'vs-dark' : 'vs'), [theme]);

  useEffect(() => editor?.updateOptions({ readOnly }), [editor, readOnly]);

  // What the editor shows: the user's draft while there is one, else the design's DDL. Setting it
  // programmatically must not count as typing, hence the flag.
  const shown = draftState.text ?? ddl.text;
  const programmatic = useRef(false);
  useEffect(() => {
    const model = editor?.getModel();
    if (!model || model.getValue() === shown) return;
    programmatic.current = true;
    // pushEditOperations keeps Monaco's own undo stack usable inside the editor.
    model.pushEditOperations([], [{ range: model.getFullModelRange(), text: shown }], () => null);
    programmatic.current = false;
  }, [editor, shown]);

  useEffect(() => {
    if (!editor) return undefined;
    const sub = editor.onDidChangeModelContent(() => {
      if (!programmatic.current) ddlEditing.edit(editor.getValue());
    });
    return () => sub.dispose();
  }, [editor, ddlEditing]);

  // Cursor in the DDL -> select the table the statement belongs to (only for user moves).
  useEffect(() => {
    if (!editor) return undefined;
    const sub = editor.onDidChangeCursorPosition((e) => {
      if (e.source !== 'mouse' && e.source !== 'keyboard') return;
      if (draft.getState().text !== null) return; // a draft's text has no statement map yet
      const model = editor.getModel();
      if (!model) return;
      const stmt = statementAt(ddlFor(store.getState().design), model.getOffsetAt(e.position));
      if (stmt && store.getState().design.tables[stmt.entityId]) {
        const cur = store.getState().selection.tableIds;
        if (cur.length !== 1 || cur[0] !== stmt.entityId) {
          store.getState().select({ tableIds: [stmt.entityId] });
          requestReveal(stmt.entityId, 'follow');
        }
      }
    });
    return () => sub.dispose();
  }, [editor, store, draft]);

  // Selected tables -> highlight and reveal their statements.
  const decorations = useRef<monaco.editor.IEditorDecorationsCollection | null>(null);
  useEffect(() => {
    const model = editor?.getModel();
    if (!editor || !model) return;
    const ids = new Set(draftState.text === null ? selectedIds : []);
    const ranges = ddl.statements
      .filter((s) => ids.has(s.entityId))
      .map((s) => {
        const a = model.getPositionAt(s.from);
        const b = model.getPositionAt(s.to);
        return new monaco.Range(a.lineNumber, 1, b.lineNumber, 1);
      });
    decorations.current?.clear();
    decorations.current = editor.createDecorationsCollection(
      ranges.map((range) => ({
        range,
        options: {
          isWholeLine: true,
          className: 'tw-ddl-selected',
          linesDecorationsClassName: 'tw-ddl-selected-gutter',
        },
      })),
    );
    const first = ranges[0];
    if (first) editor.revealRangeNearTopIfOutsideViewport(first, monaco.editor.ScrollType.Smooth);
  }, [editor, selectedIds, ddl, draftState.text]);

  // Postgres errors -> markers at the place Postgres points (or the whole statement). While the
  // user has a draft, its own errors are shown instead.
  useEffect(() => {
    const model = editor?.getModel();
    if (!editor || !model) return;
    monaco.editor.setModelMarkers(
      model,
      'postgres',
      draftState.text !== null
        ? draftMarkers(model, draftState.errors)
        : checkMarkers(model, checkState),
    );
  }, [editor, checkState, draftState]);

  const copy = async () => {
    if (await copyText(shown))
      notices.getState().push({ tone: 'info', text: 'DDL copied to the clipboard.' });
    else
      notices.getState().push({
        tone: 'error',
        text: 'The browser refused clipboard access. Use Download instead.',
      });
  };
  const download = () => downloadFile(`${safeFileName(design.name)}.sql`, shown, 'application/sql');

  return (
    <section className="tw-ddl" aria-label="DDL">
      <header className="tw-pane-header">
        <h2>DDL</h2>
        <div className="tw-pane-actions">
          {draftState.text !== null && (
            <button type="button" onClick={() => ddlEditing.discard()}>
              Discard edits
            </button>
          )}
          <button type="button" onClick={copy}>
            Copy DDL
          </button>
          <button type="button" onClick={download}>
            Download DDL
          </button>
        </div>
      </header>
      {draftState.text !== null && (
        <DraftStatus phase={draftState.phase} errorCount={draftState.errors.length} />
      )}
      {dialect && (
        <div role="note" aria-label="What this SQL is" className="tw-dialect-notice">
          <p>
            <strong>{dialect.sentence}</strong> {dialect.advice}
          </p>
          <code className="tw-command">{dialect.command}</code>
        </div>
      )}
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

function DraftStatus({ phase, errorCount }: { phase: string; errorCount: number }) {
  const text =
    phase === 'waiting' && errorCount > 0
      ? 'Syntax error: the diagram follows once it parses'
      : phase === 'waiting'
        ? 'Edited: Postgres reads it when you pause'
        : phase === 'applying'
          ? 'Postgres is reading your SQL…'
          : phase === 'invalid'
            ? `${errorCount} ${errorCount === 1 ? 'problem' : 'problems'} in your SQL: the diagram shows the last valid version`
            : phase === 'applied'
              ? 'Diagram updated from your SQL'
              : '';
  return (
    <span className={`tw-draft-status tw-draft-${phase}`} role="status" aria-live="polite">
      {text}
    </span>
  );
}

function checkMarkers(
  model: monaco.editor.ITextModel,
  state: CheckState,
): monaco.editor.IMarkerData[] {
  if (state.ddlText !== model.getValue()) return [];
  return state.errors.map((e) => {
    const start = model.getPositionAt(e.offset ?? e.from);
    const word = e.offset !== undefined ? model.getWordAtPosition(start) : null;
    const stop =
      e.offset !== undefined
        ? new monaco.Position(start.lineNumber, word ? word.endColumn : start.column + 1)
        : model.getPositionAt(e.to);
    return marker(e, start, stop);
  });
}

function draftMarkers(
  model: monaco.editor.ITextModel,
  errors: DraftError[],
): monaco.editor.IMarkerData[] {
  return errors.map((e) => {
    const start =
      e.from !== undefined ? model.getPositionAt(e.from) : new monaco.Position(e.line ?? 1, 1);
    const stop =
      e.to !== undefined
        ? model.getPositionAt(e.to)
        : new monaco.Position(start.lineNumber, model.getLineMaxColumn(start.lineNumber));
    return marker(e, start, stop);
  });
}

function marker(
  e: { message: string; detail?: string; hint?: string; code?: string },
  start: monaco.Position,
  stop: monaco.Position,
): monaco.editor.IMarkerData {
  return {
    severity: monaco.MarkerSeverity.Error,
    message: [e.message, e.detail && `Detail: ${e.detail}`, e.hint && `Hint: ${e.hint}`]
      .filter(Boolean)
      .join('\n'),
    code: e.code,
    source: 'PostgreSQL',
    startLineNumber: start.lineNumber,
    startColumn: start.column,
    endLineNumber: stop.lineNumber,
    endColumn: Math.max(
      stop.column,
      start.lineNumber === stop.lineNumber ? start.column + 1 : stop.column,
    ),
  };
}
