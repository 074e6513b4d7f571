import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { MAX_SAMPLE_ROWS } from '../../core/sample';
import type { SampleDataResult } from '../../db/sampleData';
import { useServices, useStudio, useStudioStore } from '../StudioContext';
import { BlockedChange } from './BlockedChange';
import { RowGrid } from './RowGrid';

/**
 * The constraint playground: sample rows made inside Postgres, a grid to edit them, and
 * Postgres's verdict on each edit. Schema changes are applied to the rows (a migration), so they
 * survive; a change they break is shown with the rows that break it.
 */
export function DataPanel() {
  const { lab } = useServices();
  const store = useStudioStore();
  const state = useStore(lab.state);
  const tables = useStudio((s) => s.design.tables);
  const selectedId = useStudio((s) => s.selection.tableIds[0]);
  const [tableId, setTableId] = useState<string | undefined>(selectedId);
  const [rowsPerTable, setRowsPerTable] = useState(100);
  useEffect(() => lab.attach(), [lab]);
  useEffect(() => {
    if (selectedId) setTableId(selectedId);
  }, [selectedId]);
  const list = Object.values(tables).sort((a, b) => a.name.localeCompare(b.name));
  const current = tableId && tables[tableId] ? tableId : list[0]?.id;
  const valid =
    Number.isInteger(rowsPerTable) && rowsPerTable >= 1 && rowsPerTable <= MAX_SAMPLE_ROWS;
  const g = state.generating;
  return (
    <div className="tw-data">
      <form
        className="tw-row tw-review-bar"
        onSubmit={(e) => {
          e.preventDefault();
          if (valid) void lab.generate(rowsPerTable);
        }}
      >
        <label className="tw-inline-label">
          Rows per table
          <input
            type="number"
            min={1}
            max={MAX_SAMPLE_ROWS}
            value={rowsPerTable}
            onChange={(e) => setRowsPerTable(Number(e.target.value))}
            aria-label="Rows per table"
            aria-invalid={!valid}
            style={{ width: 100 }}
          />
        </label>
        <button type="submit" className="tw-primary" disabled={!valid || !!g}>
          Generate sample data
        </button>
        <button type="button" disabled={!!g} onClick={() => void lab.emptyTables()}>
          Empty all tables
        </button>
        {g && (
          <span className="tw-progress" role="status" aria-label="Sample data progress">
            <progress value={g.done} max={g.total || 1} />{' '}
            {g.table ? `Filling ${g.table}…` : 'Starting…'}
            <button type="button" onClick={() => lab.cancel()}>
              Cancel
            </button>
          </span>
        )}
        {!valid && (
          <span className="tw-warning">From 1 to {MAX_SAMPLE_ROWS.toLocaleString('en')} rows.</span>
        )}
        <span className="tw-spacer" />
        <label className="tw-inline-label">
          Table
          <select
            value={current ?? ''}
            onChange={(e) => setTableId(e.target.value)}
            aria-label="Table to show"
          >
            {list.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </label>
      </form>
      {state.kept !== undefined && (
        <p className="tw-pad tw-muted" role="note" aria-label="Sample rows storage">
          {state.kept
            ? 'Sample rows are kept in this browser for this design, across reloads, until the design is deleted for good.'
            : 'Sample rows are not kept: they are lost on reload (browser storage is unavailable, or this design’s playground is open in another tab).'}
        </p>
      )}
      {state.status === 'error' && (
        <p className="tw-pad tw-warning" role="alert">
          {state.message}
        </p>
      )}
      {state.status === 'blocked' && state.blocked && (
        <BlockedChange
          blocked={state.blocked}
          onUndo={() => store.getState().undo()}
          onEmpty={() => void lab.emptyTables()}
        />
      )}
      {state.lastRun && <RunReport run={state.lastRun} />}
      {current && state.status !== 'blocked' && <RowGrid key={current} tableId={current} />}
    </div>
  );
}

function RunReport({ run }: { run: SampleDataResult }) {
  const rows = run.filled.reduce((n, f) => n + f.rows, 0);
  return (
    <div className="tw-pad tw-run-report" role="status" aria-label="Sample data report">
      Filled {run.filled.length} {run.filled.length === 1 ? 'table' : 'tables'} with{' '}
      {rows.toLocaleString('en')} rows.
      {(run.failed.length > 0 || run.skipped.length > 0) && (
        <ul>
          {run.failed.map((f) => (
            <li key={f.tableId}>
              <strong>{f.table}</strong>: Postgres refused the rows: {f.reason}
            </li>
          ))}
          {run.skipped.map((s) => (
            <li key={s.tableId}>
              <strong>{s.table}</strong>: not filled: {s.reason}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
