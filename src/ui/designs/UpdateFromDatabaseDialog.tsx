import { SourceInput } from './SourceInput';
import { ScratchWorkDialog } from './ScratchWorkDialog';
import { useState } from 'react';
import type { RefreshPreview } from '../../app/databaseRefresh';
import { useServices, useStudio } from '../StudioContext';

type Phase =
  | { kind: 'idle' }
  | { kind: 'reading'; message: string }
  | { kind: 'preview'; preview: RefreshPreview }
  | { kind: 'error'; message: string };

/**
 * Update from database: the person pastes `pg_dump --schema-only` output (or opens it, or a
 * design file from `tablewright pull`), sees what would be added, changed and removed, and
 * confirms. Positions, colours and comments of what still exists are kept; one undo step.
 */
export function UpdateFromDatabaseDialog({ onClose }: { onClose(): void }) {
  const { refresh, pg } = useServices();
  const designName = useStudio((s) => s.design.name);
  const [text, setText] = useState('');
  const [fileName, setFileName] = useState<string>();
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });

  const read = async () => {
    setPhase({ kind: 'reading', message: 'Starting a scratch Postgres…' });
    const out = await refresh.preview(text, fileName, (p) =>
      setPhase({ kind: 'reading', message: p.message }),
    );
    setPhase(out.ok ? { kind: 'preview', preview: out.value } : { kind: 'error', ...out.error });
  };
  const busy = phase.kind === 'reading';
  return (
    <ScratchWorkDialog
      label="Update from database"
      title={<>Update “{designName}” from the database</>}
      busy={busy}
      error={phase.kind === 'error' ? phase.message : undefined}
      onStop={() => pg.cancel()}
      onClose={onClose}
    >
      {(close) =>
        phase.kind !== 'preview' ? (
          <>
            <p className="tw-muted">
              Paste the output of <code>pg_dump --schema-only</code>, or open it or a design file
              written by <code>tablewright pull</code>. Tables, columns and keys that still exist
              keep their place, colour and comments; new tables are placed beside their neighbours.
              You see the changes before anything happens.
            </p>
            <SourceInput
              source={{ text, fileName }}
              onChange={(source) => {
                setText(source.text);
                setFileName(source.fileName);
              }}
              accept=".sql,.psql,.txt,.json,text/plain,application/sql,application/json"
              pasteLabel="or paste pg_dump --schema-only output"
              busy={busy}
            />
            <div className="tw-row">
              <button
                type="button"
                className="tw-primary"
                disabled={busy || !text.trim()}
                onClick={() => void read()}
              >
                Show changes
              </button>
              {busy && (
                <span className="tw-progress" role="status" aria-live="polite">
                  {phase.message}
                </span>
              )}
            </div>
          </>
        ) : (
          <Changes
            preview={phase.preview}
            onBack={() => setPhase({ kind: 'idle' })}
            onConfirm={() => {
              refresh.apply(phase.preview);
              close();
            }}
          />
        )
      }
    </ScratchWorkDialog>
  );
}

function Changes({
  preview,
  onBack,
  onConfirm,
}: {
  preview: RefreshPreview;
  onBack(): void;
  onConfirm(): void;
}) {
  const { summary, failed } = preview;
  const nothing =
    summary.added.length +
      summary.removed.length +
      summary.changed.length +
      summary.otherAdded.length +
      summary.otherRemoved.length ===
    0;
  return (
    <section aria-label="Changes from the database">
      {nothing ? (
        <p role="status">The design already matches the database: nothing to update.</p>
      ) : (
        <p role="status">
          {count(summary.added.length, 'table')} added, {count(summary.changed.length, 'table')}{' '}
          changed, {count(summary.removed.length, 'table')} removed.
        </p>
      )}
      {failed.length > 0 && (
        <p role="alert" className="tw-error-box">
          {count(failed.length, 'statement')} of the dump failed in PostgreSQL: what{' '}
          {failed.length === 1 ? 'it creates' : 'they create'} is missing from the reading and would
          show as removed. First failure, line {failed[0]?.line}: {failed[0]?.reason}
        </p>
      )}
      <List title="Added" items={summary.added} />
      {summary.changed.length > 0 && (
        <section aria-label="Changed">
          <h3>Changed</h3>
          <ul className="tw-notes">
            {summary.changed.map((c) => (
              <li key={c.table}>
                <strong>{c.table}</strong>: {c.changes.join('; ')}
              </li>
            ))}
          </ul>
        </section>
      )}
      <List title="Removed" items={summary.removed} />
      <List title="Other objects added" items={summary.otherAdded} />
      <List title="Other objects removed" items={summary.otherRemoved} />
      <div className="tw-row">
        <button type="button" className="tw-primary" disabled={nothing} onClick={onConfirm}>
          Update design
        </button>
        <button type="button" onClick={onBack}>
          Back
        </button>
      </div>
    </section>
  );
}

function List({ title, items }: { title: string; items: string[] }) {
  if (items.length === 0) return null;
  return (
    <section aria-label={title}>
      <h3>{title}</h3>
      <ul className="tw-notes">
        {items.map((x) => (
          <li key={x}>{x}</li>
        ))}
      </ul>
    </section>
  );
}

const count = (n: number, what: string) => `${n} ${n === 1 ? what : `${what}s`}`;
