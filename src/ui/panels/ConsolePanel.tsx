import { useState } from 'react';
import { useServices } from '../StudioContext';
import { ResultView, type ConsoleOutcome } from './ResultView';

const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * Runs any SQL against the design's database (the one the check just built). A runaway statement
 * is stopped by Cancel or by the timeout: the worker is replaced, never waited on.
 */
export function ConsolePanel() {
  const { pg, recheck } = useServices();
  const [sql, setSql] = useState('EXPLAIN SELECT * FROM orders WHERE customer_id = 42;');
  const [running, setRunning] = useState(false);
  const [outcome, setOutcome] = useState<ConsoleOutcome>();
  const run = async () => {
    if (running || !sql.trim()) return;
    setRunning(true);
    setOutcome(undefined);
    const result = await pg.runSql(sql, { timeoutMs: DEFAULT_TIMEOUT_MS });
    setOutcome(result);
    setRunning(false);
    if (!result.ok && result.cancelled) recheck();
  };
  return (
    <section className="tw-console" aria-label="SQL console">
      <div className="tw-console-input">
        <label htmlFor="tw-console-sql" className="tw-visually-hidden">SQL to run</label>
        <textarea
          id="tw-console-sql"
          value={sql}
          spellCheck={false}
          onChange={(e) => setSql(e.target.value)}
          onKeyDown={(e) => {
            if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
              e.preventDefault();
              void run();
            }
          }}
        />
        <div className="tw-console-actions">
          <button type="button" className="tw-primary" onClick={() => void run()} disabled={running}>
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
