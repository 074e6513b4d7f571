import type { FailedStatement, ImportTimings } from '../core/import/report';
import { err, ok } from '../core/result';
import type { PgClient } from '../db';
import type { DraftError } from '../state/ddlDraft';
import type { SqlToDesign } from './ddlEditing';
import type { ImportProgress, ReadSql } from './importer';

const PHASES = {
  parse: 'Reading the SQL…',
  boot: 'Starting a scratch Postgres…',
  execute: 'Running statements…',
  catalog: 'Reading the catalog…',
} as const;

/** Import through the worker, with its progress worded for the dialog. */
export function readSqlWith(pg: PgClient): ReadSql {
  return async (sql, onProgress) => {
    const r = await pg.importSql(sql, {
      onProgress: (p) =>
        onProgress({
          message: PHASES[p.phase],
          ...(p.total ? { done: p.done, total: p.total } : {}),
        } satisfies ImportProgress),
    });
    if (!r.ok)
      return err({ status: r.cancelled ? 'interrupted' : 'failed', message: r.error.message });
    return ok({ design: r.design, report: r.report });
  };
}

/**
 * How the DDL pane reads: `incremental` (the default) runs again only what changed; false reads
 * every text in full, as the studio did before (the benchmark measures both).
 */
export interface DdlReadMode {
  incremental: boolean;
}

/**
 * The DDL pane's reader: the same import, strict. A statement that fails (or a script with no
 * statement at all) keeps the diagram as it was and marks the problem in the text. Incremental:
 * the worker runs again only the statements that changed since the last text it read.
 */
export function ddlReaderWith(
  pg: PgClient,
  mode: DdlReadMode = { incremental: true },
): SqlToDesign {
  return async (sql) => {
    const started = performance.now();
    const r = await pg.importSql(sql, { timeoutMs: 60_000, incremental: mode.incremental });
    if (r.ok) measureRead(started, r.report.timings);
    if (!r.ok)
      return err({
        status: r.cancelled ? 'interrupted' : 'failed',
        errors: [{ message: r.error.message }],
      });
    const errors = r.report.failed.map((f) => draftError(sql, f));
    if (errors.length) return err({ status: 'failed', errors });
    return ok(r.design);
  };
}

/**
 * The read's phases in the page's performance timeline (DevTools shows them; the benchmark prints
 * them): the worker's own, and the trip of its answer to the page (structured clone included).
 */
function measureRead(started: number, timings: ImportTimings | undefined) {
  const received = performance.now();
  const trip =
    timings?.sentAt === undefined
      ? undefined
      : Math.round(performance.timeOrigin + received - timings.sentAt);
  performance.measure('tablewright: DDL read', {
    start: started,
    end: received,
    detail: { ...timings?.phases, ...(trip === undefined ? {} : { toPage: trip }) },
  });
}

function draftError(sql: string, f: FailedStatement): DraftError {
  const line = f.errorLine ?? f.line;
  const lineStart = offsetOfLine(sql, line);
  const from = lineStart + Math.max(0, (f.errorColumn ?? 1) - 1);
  const lineEnd = sql.indexOf('\n', from);
  return {
    message: f.error.message,
    ...(f.error.detail ? { detail: f.error.detail } : {}),
    ...(f.error.hint ? { hint: f.error.hint } : {}),
    ...(f.error.code ? { code: f.error.code } : {}),
    line,
    from,
    to: f.errorColumn
      ? Math.min(from + 1, lineEnd < 0 ? sql.length : lineEnd)
      : lineEnd < 0
        ? sql.length
        : lineEnd,
  };
}

function offsetOfLine(text: string, line: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  return offset;
}
