import { useMemo, useState } from 'react';
import { zipSync, strToU8 } from 'fflate';
import { useStore } from 'zustand';
import {
  exportPrismaMigrate,
  exportSequelize,
  exportSqlFiles,
  renderMigrationSql,
  type MigrationStep,
} from '../../core/diff';
import { copyText, downloadFile } from '../common/clipboard';
import { useServices } from '../StudioContext';
import { VerificationStatus } from './VerificationStatus';

/** "20261122T031500" -> "20261122031500": the timestamp migration tools sort by. */
const stamp = () => new Date().toISOString().replace(/\D/g, '').slice(0, 14);
const zip = (files: Record<string, string>) =>
  new Blob([zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)])))], {
    type: 'application/zip',
  });

/** A comparison: every change, and the migration both ways with what each step locks and risks. */
export function ComparisonPanel() {
  const { comparison, notices } = useServices();
  const open = useStore(comparison.state, (s) => s.open);
  const [direction, setDirection] = useState<'up' | 'down'>('up');
  const sql = useMemo(
    () => (open ? renderMigrationSql(open.migration, direction, open.mode) : ''),
    [open, direction],
  );
  if (!open) return null;
  const name = `from ${open.fromLabel} to ${open.toLabel}`.replace(/[“”]/g, '');
  const files = () => ({ timestamp: stamp(), name, mode: open.mode });
  const steps = open.migration[direction];
  return (
    <section className="tw-comparison" aria-label="Comparison">
      <header className="tw-pane-header">
        <h2>
          {open.fromLabel} → {open.toLabel}: {open.changes.length}{' '}
          {open.changes.length === 1 ? 'change' : 'changes'}
        </h2>
        <div className="tw-pane-actions">
          <fieldset className="tw-row" aria-label="Migration mode">
            <label title="Zero-downtime practice: concurrent indexes, constraints validated apart, each step on its own">
              <input
                type="radio"
                name="mode"
                checked={open.mode === 'safe'}
                onChange={() => comparison.setMode('safe')}
              />{' '}
              Safe
            </label>
            <label title="Plain statements, all in one transaction">
              <input
                type="radio"
                name="mode"
                checked={open.mode === 'simple'}
                onChange={() => comparison.setMode('simple')}
              />{' '}
              Simple
            </label>
          </fieldset>
          <button
            type="button"
            onClick={() =>
              downloadFile(`${stamp()}_migration.zip`, zip(exportSqlFiles(open.migration, files())))
            }
          >
            SQL files
          </button>
          <button
            type="button"
            onClick={() =>
              downloadFile(
                `${stamp()}-migration.js`,
                exportSequelize(open.migration, open.mode),
                'text/javascript',
              )
            }
          >
            Sequelize
          </button>
          <button
            type="button"
            onClick={() =>
              downloadFile(
                `${stamp()}_prisma_migrations.zip`,
                zip(exportPrismaMigrate(open.migration, files())),
              )
            }
          >
            Prisma Migrate
          </button>
          <button type="button" onClick={() => comparison.close()}>
            Close
          </button>
        </div>
      </header>
      <VerificationStatus
        verification={open.verification}
        fromLabel={open.fromLabel}
        toLabel={open.toLabel}
      />
      <div className="tw-comparison-body">
        <section aria-label="Changes" className="tw-comparison-changes">
          <h3>Changes</h3>
          {open.changes.length === 0 ? (
            <p className="tw-muted">The two are the same.</p>
          ) : (
            <ul>
              {open.changes.map((c, i) => (
                <li key={i} className={`tw-change-item tw-change-item-${c.action}`}>
                  {c.description}
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-label="Migration" className="tw-comparison-migration">
          <div className="tw-row">
            <div role="tablist" aria-label="Direction" className="tw-tablist">
              {(['up', 'down'] as const).map((d) => (
                <button
                  key={d}
                  type="button"
                  role="tab"
                  aria-selected={direction === d}
                  onClick={() => setDirection(d)}
                >
                  {d === 'up'
                    ? `Up (${open.migration.up.length} steps)`
                    : `Down (${open.migration.down.length} steps)`}
                </button>
              ))}
            </div>
            <button
              type="button"
              onClick={() =>
                void copyText(sql).then((ok) =>
                  notices
                    .getState()
                    .push(
                      ok
                        ? { tone: 'info', text: 'Migration SQL copied.' }
                        : { tone: 'error', text: 'The browser refused clipboard access.' },
                    ),
                )
              }
            >
              Copy SQL
            </button>
          </div>
          <ol
            className="tw-steps"
            aria-label={`${direction === 'up' ? 'Up' : 'Down'} migration steps`}
          >
            {steps.map((s, i) => (
              <StepItem key={i} step={s} />
            ))}
          </ol>
          <details>
            <summary>The whole script</summary>
            <pre className="tw-export-text" aria-label="Migration SQL">
              {sql}
            </pre>
          </details>
        </section>
      </div>
    </section>
  );
}

function StepItem({ step }: { step: MigrationStep }) {
  return (
    <li className={step.destructive ? 'tw-step tw-step-destructive' : 'tw-step'}>
      <div className="tw-row">
        <span>{step.description}</span>
        <span className="tw-pill" title="The lock this statement takes">
          {step.lock === 'none' ? 'no lock' : step.lock}
        </span>
        {!step.transactional && (
          <span
            className="tw-pill"
            title="PostgreSQL refuses this statement inside a transaction block"
          >
            outside a transaction
          </span>
        )}
        {step.rewritesTable && <span className="tw-pill tw-pill-warn">rewrites the table</span>}
        {step.destructive && (
          <span className="tw-pill tw-pill-error">loses {step.destructive.loses}</span>
        )}
      </div>
      <code>{step.sql}</code>
    </li>
  );
}
