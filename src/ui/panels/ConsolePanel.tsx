import { useState } from 'react';
import type { Design } from '../../core/model';
import { err, ok } from '../../core/result';
import { qualifiedName } from '../../core/sql/quote';
import { useServices, useStudio } from '../StudioContext';
import { ResultView, type ConsoleOutcome } from './ResultView';

const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * Runs any SQL against the design's database (the one the check just built). A runaway statement
 * is stopped by Cancel or by the timeout: the worker is replaced, never waited on.
 */
export function ConsolePanel() {
  const { pg, recheck, settleCheck } = useServices();
  const designId = useStudio((s) => s.design.id);
  const prefill = useStudio((s) => firstTableQuery(s.design));
  // Until the person types, the console offers a query on the design's own first table.
  const [typed, setTyped] = useState<{ designId: string; sql: string }>();
  const sql = typed?.designId === designId ? typed.sql : prefill;
  const setSql = (text: string) => setTyped({ designId, sql: text });
  const [running, setRunning] = useState(false);
  const [outcome, setOutcome] = useState<ConsoleOutcome>();
  const run = async () => {
    if (running || !sql.trim()) return;
    setRunning(true);
    setOutcome(undefined);
    // The database follows the design a moment after each edit: let it catch up first.
    await settleCheck();
    const result = await pg.runSql(sql, { timeoutMs: DEFAULT_TIMEOUT_MS });
    setOutcome(
      result.ok
        ? ok({ results: result.results, durationMs: result.durationMs })
        : err({ status: result.cancelled ? 'interrupted' : 'failed', error: result.error }),
    );
    setRunning(false);
    if (!result.ok && result.cancelled) recheck();
  };
  return (
    <section className="tw-console" aria-label="SQL console">
      <div className="tw-console-input">
        <label htmlFor="tw-console-sql" className="tw-visually-hidden">
          SQL to run
        </label>
        <textarea
          id="tw-console-sql"
          value={sql}
          spellCheck={false}
          placeholder="SQL to run against the design's tables, e.g. SELECT 1;"
          onChange={(e) => setSql(e.target.value)}
          onKeyDown={(e) => {
            if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
              e.preventDefault();
              void run();
            }
          }}
        />
        <div className="tw-console-actions">
          <button
            type="button"
            className="tw-primary"
            onClick={() => void run()}
            disabled={running}
          >
            Run <kbd>Ctrl+Enter</kbd>
          </button>
          <button type="button" onClick={() => pg.cancel()} disabled={!running}>
            Cancel
          </button>
          <span className="tw-muted">Stops by itself after {DEFAULT_TIMEOUT_MS / 1000} s.</span>
        </div>
      </div>
      <div className="tw-console-output" aria-live="polite">
        {running && <p className="tw-muted">Running…</p>}
        {outcome && <ResultView outcome={outcome} />}
      </div>
    </section>
  );
}

/** A first query on the design's first table (none when it has no tables: the placeholder shows). */
function firstTableQuery(design: Design): string {
  const table = Object.values(design.tables)[0];
  if (!table) return '';
  return `SELECT * FROM ${qualifiedName(design.schemas[table.schemaId]?.name ?? 'public', table.name)} LIMIT 10;`;
}
