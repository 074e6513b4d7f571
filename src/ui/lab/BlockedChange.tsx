import type { LabState } from '../../app/lab';
import { cellText } from './cells';

/** The last schema change does not fit the sample rows: which rows, and the two ways out. */
export function BlockedChange({
  blocked,
  onUndo,
  onEmpty,
}: {
  blocked: NonNullable<LabState['blocked']>;
  onUndo(): void;
  onEmpty(): void;
}) {
  const v = blocked.violations;
  return (
    <section
      className="tw-pad tw-blocked"
      role="alert"
      aria-label="Change refused by the sample data"
    >
      <p>
        <strong>The sample rows do not allow your last change.</strong> Postgres:{' '}
        {blocked.error.message}
        {blocked.error.detail ? ` (${blocked.error.detail})` : ''}
      </p>
      {v && (
        <>
          <p>
            {v.count.toLocaleString('en')} {v.count === 1 ? 'row' : 'rows'} of {v.table} break{' '}
            <code>{v.rule}</code>
            {v.rows.length < v.count ? `; the first ${v.rows.length}:` : ':'}
          </p>
          <table className="tw-grid" aria-label="Rows that break the change">
            <thead>
              <tr>
                {v.columns.map((c) => (
                  <th key={c} scope="col">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {v.rows.map((r, i) => (
                <tr key={i}>
                  {r.map((cell, j) => (
                    <td key={j}>{cellText(cell)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <p className="tw-muted">
        The design keeps the change; the rows stay as they were. Undo the change, or start over with
        empty tables.
      </p>
      <div className="tw-row">
        <button type="button" onClick={onUndo}>
          Undo the change
        </button>
        <button type="button" onClick={onEmpty}>
          Empty the tables and apply it
        </button>
      </div>
    </section>
  );
}
