import { SourceInput } from './SourceInput';
import { ScratchWorkDialog } from './ScratchWorkDialog';
import { useRef, useState } from 'react';
import type { DialectNotice } from '../../core/import/dialectNotice';
import type { ImportReport } from '../../core/import/report';
import { useServices, useStudio } from '../StudioContext';
import {
  detectImportKind,
  DRIZZLE_CLI_COMMAND,
  DRIZZLE_IN_STUDIO,
  readDesignText,
  readPrismaSql,
  readRailsSql,
} from '../../app/importKinds';
import { designNameFromFile } from '../../core/import/designName';

type Mode = 'new' | 'merge';
type Phase =
  | { kind: 'idle' }
  | { kind: 'running'; message: string; done?: number; total?: number }
  | { kind: 'done'; report: ImportReport; summary: string }
  | { kind: 'error'; message: string };

/**
 * Import SQL, DBML or a design file, picked, dropped or pasted. Postgres reads SQL in a scratch
 * database; what it cannot run is listed with line, text and reason. Opens a new design or
 * merges into the current one (one undo step); never overwrites work.
 */
export function ImportDialog({ initialFile, onClose }: { initialFile?: File; onClose(): void }) {
  const { importer } = useServices();
  const designName = useStudio((s) => s.design.name);
  const readOnly = useStudio((s) => s.readOnly);
  const [sql, setSql] = useState('');
  const [fileName, setFileName] = useState<string>();
  const [mode, setMode] = useState<Mode>('new');
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const running = useRef<AbortController>(undefined);

  const kind = detectImportKind(fileName, sql);
  const run = async () => {
    const name = fileName ? designNameFromFile(fileName) : 'Imported design';
    const progress = (p: { message: string; done?: number; total?: number }) =>
      setPhase({ kind: 'running', ...p });
    const controller = new AbortController();
    running.current = controller;
    const { signal } = controller;
    let result;
    if (kind === 'sql') {
      setPhase({ kind: 'running', message: 'Starting a scratch Postgres…' });
      result = await importer.importSql(sql, { mode, name, signal }, progress);
    } else if (kind === 'prisma') {
      setPhase({ kind: 'running', message: 'Reading the schema with Prisma’s schema engine…' });
      const read = await readPrismaSql(sql);
      if (read.ok) {
        result = await importer.importSql(read.value.sql, { mode, name, signal }, progress);
        if (result.ok) result.value.report.notes.push(...read.value.notes);
      } else result = read;
    } else if (kind === 'rails') {
      setPhase({ kind: 'running', message: 'Reading the schema.rb…' });
      const read = await readRailsSql(sql);
      if (read.ok) {
        result = await importer.importSql(read.value.sql, { mode, name, signal }, progress);
        if (result.ok) read.value.finish(result.value.report);
      } else result = read;
    } else if (kind === 'drizzle') {
      return;
    } else {
      const read = await readDesignText(kind, sql);
      result = read.ok
        ? await importer.importDesign(
            read.value.design,
            read.value.layout,
            { mode, name: kind === 'json' ? read.value.design.name : name, signal },
            progress,
          )
        : read;
    }
    if (!result.ok) setPhase({ kind: 'error', message: result.error.message });
    else setPhase({ kind: 'done', report: result.value.report, summary: result.value.summary });
  };

  const busy = phase.kind === 'running';
  // Stops the import wherever it is (the scratch Postgres or the layout worker is replaced); it
  // answers "cancelled" and the current design is left as it was.
  const cancel = () => running.current?.abort();
  return (
    <ScratchWorkDialog
      label="Import"
      title="Import"
      busy={busy}
      error={phase.kind === 'error' ? phase.message : undefined}
      onStop={cancel}
      onClose={onClose}
    >
      {(close) =>
        phase.kind === 'done' ? (
          <ReportView report={phase.report} summary={phase.summary} onDone={close} />
        ) : (
          <>
            <p className="tw-muted">
              A pg_dump file, a Rails <code>db/structure.sql</code> or hand-written DDL: Postgres
              reads it; psql meta-commands, other databases, roles and extensions it does not ship
              are skipped and listed. Also a Rails <code>db/schema.rb</code>, DBML, Prisma schemas
              (.prisma, read by Prisma’s own engine) and Tablewright design files (.json).
            </p>
            <SourceInput
              source={{ text: sql, fileName }}
              onChange={(source) => {
                setSql(source.text);
                setFileName(source.fileName);
              }}
              accept=".sql,.psql,.txt,.dbml,.prisma,.rb,.json,.ts,.gz,text/plain,application/sql,application/json,application/gzip"
              pasteLabel="or paste SQL, DBML, a Prisma schema or a Rails schema.rb"
              busy={busy}
              initialFile={initialFile}
            />
            <fieldset className="tw-row" disabled={busy}>
              <legend className="tw-visually-hidden">Where to import</legend>
              <label>
                <input
                  type="radio"
                  name="mode"
                  checked={mode === 'new'}
                  onChange={() => setMode('new')}
                />{' '}
                Open as a new design
              </label>
              <label>
                <input
                  type="radio"
                  name="mode"
                  checked={mode === 'merge'}
                  disabled={readOnly}
                  onChange={() => setMode('merge')}
                />{' '}
                Merge into “{designName}”
              </label>
            </fieldset>
            <div className="tw-row">
              <button
                type="button"
                className="tw-primary"
                disabled={busy || !sql.trim() || kind === 'drizzle'}
                onClick={() => void run()}
              >
                {IMPORT_LABELS[kind]}
              </button>
              {phase.kind === 'running' && <Progress {...phase} />}
              {phase.kind === 'running' && (
                <button type="button" onClick={cancel}>
                  Cancel import
                </button>
              )}
            </div>
            {kind === 'drizzle' && (
              <div role="note" aria-label="Drizzle schemas" className="tw-notes">
                <p>{DRIZZLE_IN_STUDIO}</p>
                <code className="tw-command">{DRIZZLE_CLI_COMMAND}</code>
              </div>
            )}
          </>
        )
      }
    </ScratchWorkDialog>
  );
}

const IMPORT_LABELS = {
  sql: 'Import SQL',
  dbml: 'Import DBML',
  prisma: 'Import Prisma schema',
  json: 'Open design file',
  drizzle: 'Import Drizzle schema',
  rails: 'Import Rails schema.rb',
} as const;

function Progress({ message, done, total }: { message: string; done?: number; total?: number }) {
  return (
    <div className="tw-progress" role="status" aria-live="polite">
      <span>{message}</span>
      {total ? (
        <progress value={done ?? 0} max={total} aria-label="Import progress" />
      ) : (
        <progress aria-label="Import progress" />
      )}
    </div>
  );
}

function ReportView({
  report,
  summary,
  onDone,
}: {
  report: ImportReport;
  summary: string;
  onDone(): void;
}) {
  const issues = [
    ...report.skipped.map((s) => ({ ...s, what: 'skipped' as const })),
    ...report.failed.map((f) => ({ ...f, what: 'failed' as const })),
  ].sort((a, b) => a.line - b.line);
  return (
    <section aria-label="Import report">
      {report.dialect && <DialectNoticeView notice={report.dialect} />}
      <p role="status">{summary}</p>
      <p className="tw-muted">
        {report.executed} of {report.statements} statements ran
        {report.extensionsLoaded.length
          ? `; extensions loaded: ${report.extensionsLoaded.join(', ')}`
          : ''}
        .
      </p>
      {report.notes.length > 0 && (
        <ul className="tw-notes">
          {report.notes.map((n, i) => (
            <li key={i}>{n}</li>
          ))}
        </ul>
      )}
      {issues.length > 0 && (
        <table className="tw-report" aria-label="Skipped and failed statements">
          <thead>
            <tr>
              <th scope="col">Line</th>
              <th scope="col">What</th>
              <th scope="col">Statement</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {issues.map((x, i) => (
              <tr key={i} className={`tw-report-${x.what}`}>
                <td>{x.line}</td>
                <td>{x.what}</td>
                <td>
                  <code>{x.text}</code>
                </td>
                <td>{x.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="tw-row">
        <button type="button" className="tw-primary" onClick={onDone}>
          Done
        </button>
      </div>
    </section>
  );
}

/** Another database's SQL: what the file is and what to do, before the statement-by-statement list. */
export function DialectNoticeView({ notice }: { notice: DialectNotice }) {
  return (
    <div role="note" aria-label="What this file is" className="tw-dialect-notice">
      <p>
        <strong>{notice.sentence}</strong>
      </p>
      <p>{notice.advice}</p>
      <code className="tw-command">{notice.command}</code>
    </div>
  );
}
