import type { Result } from '../../core/result';
import type { PgError, SqlStatementResult } from '../../db/protocol';

/** SQL that ran: one result per statement that produced one. */
export interface ConsoleRun {
  results: SqlStatementResult[];
  durationMs: number;
}

/**
 * SQL that gave no results: Postgres refused it (`failed`, with all its error fields), or it was
 * stopped (`interrupted`: cancelled, timed out, or the worker restarted; the message says which).
 */
export interface ConsoleError {
  status: 'failed' | 'interrupted';
  error: PgError;
}

/** What the console shows: results per statement, or Postgres's error, or why it was stopped. */
export type ConsoleOutcome = Result<ConsoleRun, ConsoleError>;

export function ResultView({ outcome }: { outcome: ConsoleOutcome }) {
  if (!outcome.ok) {
    const { status, error } = outcome.error;
    return (
      <div className="tw-error-box" role="alert">
        <strong>{status === 'interrupted' ? 'Stopped' : 'ERROR'}</strong>: {error.message}
        {error.detail && <div>Detail: {error.detail}</div>}
        {error.hint && <div>Hint: {error.hint}</div>}
        {error.code && <div className="tw-muted">SQLSTATE {error.code}</div>}
      </div>
    );
  }
  const { results, durationMs } = outcome.value;
  if (results.length === 0) return <p className="tw-muted">Done in {Math.round(durationMs)} ms.</p>;
  return (
    <>
      {results.map((r, i) => (
        <StatementResult key={i} result={r} />
      ))}
      <p className="tw-muted">{Math.round(durationMs)} ms</p>
    </>
  );
}

function StatementResult({ result }: { result: SqlStatementResult }) {
  if (
    result.command === 'EXPLAIN' ||
    (result.fields.length === 1 && result.fields[0]?.name === 'QUERY PLAN')
  ) {
    const text = result.rows
      .map((r) => (typeof r[0] === 'string' ? r[0] : JSON.stringify(r[0], null, 2)))
      .join('\n');
    return (
      <figure className="tw-plan-figure" aria-label="Query plan">
        <figcaption className="tw-muted">Query plan</figcaption>
        <pre className="tw-plan">{text}</pre>
      </figure>
    );
  }
  if (result.fields.length === 0) {
    return (
      <p className="tw-muted">
        {result.command}
        {result.affectedRows !== undefined ? ` ${result.affectedRows}` : ''}
      </p>
    );
  }
  return (
    <div className="tw-result">
      <table className="tw-grid" aria-label={`${result.command} result`}>
        <thead>
          <tr>
            {result.fields.map((f, i) => (
              <th key={i} scope="col">
                {f.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {result.rows.map((row, i) => (
            <tr key={i}>
              {row.map((v, j) => (
                <td key={j}>
                  {v === null ? (
                    <span className="tw-null">null</span>
                  ) : typeof v === 'object' ? (
                    JSON.stringify(v)
                  ) : (
                    String(v)
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="tw-muted">
        {result.rowCount} {result.rowCount === 1 ? 'row' : 'rows'}
        {result.truncated ? ` (showing the first ${result.rows.length})` : ''}
      </p>
    </div>
  );
}
