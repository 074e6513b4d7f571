import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { RowOrder, TableRows } from '../../db/lab/labEngine';
import type { PgError } from '../../db/protocol';
import { useServices, useStudio } from '../StudioContext';
import { cellText, editText, parseCell } from './cells';

const LIMIT = 100;

/** One table's rows: edit a cell, delete a row, insert one; Postgres's refusal shows on the row. */
export function RowGrid({ tableId }: { tableId: string }) {
  const { lab } = useServices();
  const version = useStore(lab.state, (s) => s.dataVersion);
  const table = useStudio((s) => s.design.tables[tableId]);
  const readOnly = useStudio((s) => s.readOnly);
  const [data, setData] = useState<TableRows>();
  const [loadError, setLoadError] = useState<string>();
  const [rowErrors, setRowErrors] = useState<Record<string, PgError>>({});
  const [editing, setEditing] = useState<{ ctid: string; column: string; text: string }>();
  const [draft, setDraft] = useState<Record<string, string>>({});
  // Sorted by Postgres (ORDER BY the column): numbers as numbers, dates as dates, over all rows.
  const [order, setOrder] = useState<RowOrder>();
  useEffect(() => {
    let live = true;
    void lab.rows(tableId, LIMIT, order).then((r) => {
      if (!live) return;
      if (r.ok) {
        setData(r.value);
        setLoadError(undefined);
      } else setLoadError(r.error.message);
    });
    return () => {
      live = false;
    };
  }, [lab, tableId, version, order]);
  if (!table) return null;
  const fail = (key: string, error?: PgError) =>
    setRowErrors((cur) => {
      const next = { ...cur };
      if (error) next[key] = error;
      else delete next[key];
      return next;
    });
  const commitEdit = async () => {
    if (!editing) return;
    const { ctid, column, text } = editing;
    setEditing(undefined);
    const r = await lab.updateCell(tableId, ctid, column, parseCell(text));
    fail(ctid, r.ok ? undefined : r.error);
  };
  const insert = async () => {
    const values = Object.fromEntries(
      Object.entries(draft)
        .filter(([, v]) => v !== '')
        .map(([k, v]) => [k, parseCell(v)]),
    );
    const r = await lab.insertRow(tableId, values);
    fail('new', r.ok ? undefined : r.error);
    if (r.ok) setDraft({});
  };
  if (loadError)
    return (
      <p className="tw-pad tw-warning" role="alert">
        {loadError}
      </p>
    );
  if (!data)
    return (
      <p className="tw-pad tw-muted" role="status">
        Opening the playground database…
      </p>
    );
  const cols = data.columns;
  // Ascending, then descending, then the stored order again.
  const sortBy = (column: string) =>
    setOrder((cur) =>
      cur?.column !== column
        ? { column }
        : cur.descending
          ? undefined
          : { column, descending: true },
    );
  return (
    <div className="tw-rowgrid">
      <p className="tw-pad tw-muted">
        {table.name}: {data.total.toLocaleString('en')} {data.total === 1 ? 'row' : 'rows'}
        {data.total > data.rows.length ? `, the first ${data.rows.length} shown` : ''}. Click a cell
        to edit it; type NULL for no value.
      </p>
      <table className="tw-grid tw-data-grid" aria-label={`Rows of ${table.name}`}>
        <thead>
          <tr>
            {cols.map((c) => {
              const sorted =
                order?.column === c ? (order.descending ? 'descending' : 'ascending') : undefined;
              return (
                <th key={c} scope="col" aria-sort={sorted ?? 'none'}>
                  <button
                    type="button"
                    className="tw-link-button"
                    onClick={() => sortBy(c)}
                    aria-label={`Sort by ${c}`}
                  >
                    {c}
                    {sorted === 'ascending' ? ' ▲' : sorted === 'descending' ? ' ▼' : ''}
                  </button>
                </th>
              );
            })}
            <th scope="col">
              <span className="tw-visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {data.rows.map((row, i) => (
            <RowView
              key={row.ctid}
              index={i}
              row={row}
              cols={cols}
              error={rowErrors[row.ctid]}
              readOnly={readOnly}
              editing={editing?.ctid === row.ctid ? editing : undefined}
              onEdit={(column, value) =>
                setEditing({ ctid: row.ctid, column, text: editText(value) })
              }
              onChange={(text) => editing && setEditing({ ...editing, text })}
              onCommit={() => void commitEdit()}
              onCancel={() => setEditing(undefined)}
              onDelete={async () => {
                const r = await lab.deleteRow(tableId, row.ctid);
                fail(row.ctid, r.ok ? undefined : r.error);
              }}
            />
          ))}
          <tr className="tw-new-row">
            {cols.map((c) => (
              <td key={c}>
                <input
                  value={draft[c] ?? ''}
                  placeholder="default"
                  aria-label={`New row: ${c}`}
                  disabled={readOnly}
                  onChange={(e) => setDraft({ ...draft, [c]: e.target.value })}
                  onKeyDown={(e) => e.key === 'Enter' && void insert()}
                />
              </td>
            ))}
            <td>
              <button type="button" disabled={readOnly} onClick={() => void insert()}>
                Insert row
              </button>
            </td>
          </tr>
          {rowErrors.new && (
            <ErrorRow span={cols.length + 1} error={rowErrors.new} label="New row" />
          )}
        </tbody>
      </table>
    </div>
  );
}

interface RowProps {
  index: number;
  row: TableRows['rows'][number];
  cols: string[];
  error?: PgError;
  readOnly: boolean;
  editing?: { column: string; text: string };
  onEdit(column: string, value: unknown): void;
  onChange(text: string): void;
  onCommit(): void;
  onCancel(): void;
  onDelete(): void;
}

function RowView({
  index,
  row,
  cols,
  error,
  readOnly,
  editing,
  onEdit,
  onChange,
  onCommit,
  onCancel,
  onDelete,
}: RowProps) {
  return (
    <>
      <tr className={error ? 'tw-row-error' : undefined} aria-label={`Row ${index + 1}`}>
        {cols.map((c, j) => (
          <td key={c}>
            {editing?.column === c ? (
              <input
                autoFocus
                value={editing.text}
                aria-label={`Edit ${c} of row ${index + 1}`}
                onChange={(e) => onChange(e.target.value)}
                onBlur={onCancel}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') onCommit();
                  if (e.key === 'Escape') onCancel();
                }}
              />
            ) : (
              <button
                type="button"
                className="tw-cell"
                disabled={readOnly}
                onClick={() => onEdit(c, row.values[j])}
                aria-label={`${c} of row ${index + 1}: ${cellText(row.values[j])}`}
              >
                {cellText(row.values[j])}
              </button>
            )}
          </td>
        ))}
        <td>
          <button
            type="button"
            className="tw-danger"
            disabled={readOnly}
            onClick={onDelete}
            aria-label={`Delete row ${index + 1}`}
          >
            Delete
          </button>
        </td>
      </tr>
      {error && <ErrorRow span={cols.length + 1} error={error} label={`Row ${index + 1}`} />}
    </>
  );
}

function ErrorRow({ span, error, label }: { span: number; error: PgError; label: string }) {
  return (
    <tr className="tw-row-error-detail">
      <td colSpan={span} role="alert" aria-label={`${label}: Postgres refused`}>
        {error.constraint && <strong>{error.constraint}: </strong>}
        {error.message}
        {error.detail && <span className="tw-muted"> {error.detail}</span>}
      </td>
    </tr>
  );
}
