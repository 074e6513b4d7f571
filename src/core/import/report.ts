/**
 * What an import says about the script it read: every statement that did not run, with its line
 * in the original file, its text and the reason, so nothing is dropped without a word.
 */

import type { DialectNotice } from './dialectNotice';

/**
 * A PostgreSQL error as the import reports it: the same fields as the database client's
 * `PgError` (core cannot import it), with `position` a 1-based character offset into `text`.
 */
export interface ImportPgError {
  message: string;
  code?: string;
  severity?: string;
  position?: number;
  detail?: string;
  hint?: string;
  where?: string;
  schema?: string;
  table?: string;
  column?: string;
  dataType?: string;
  constraint?: string;
  internalQuery?: string;
  internalPosition?: number;
}

/** A statement (or psql line) that was not run, and why. */
export interface SkippedStatement {
  /** 1-based line of the statement's first character in the original file. */
  line: number;
  /** The statement, cut to a readable length. */
  text: string;
  reason: string;
}

/** A statement that ran and failed, with PostgreSQL's error. */
export interface FailedStatement {
  line: number;
  text: string;
  error: ImportPgError;
  /** The error in a sentence, with where it points (line and column in the original file). */
  reason: string;
  /** 1-based line and column in the original file that the error points at, when it points. */
  errorLine?: number;
  errorColumn?: number;
}

/** How long each phase took, in milliseconds. */
export interface ImportTimings {
  /** Meta-commands, COPY data, statement boundaries, classification. */
  parseMs: number;
  /** Starting the scratch PostgreSQL with the extensions the script needs. */
  bootMs: number;
  executeMs: number;
  readCatalogMs: number;
  totalMs: number;
  /**
   * The DDL pane's incremental read, phase by phase (ms, in the order they ran), and when the
   * worker sent the answer (`performance.timeOrigin + performance.now()`, comparable across
   * threads): the page measures the trip from that.
   */
  phases?: Record<string, number>;
  sentAt?: number;
}

/** The import report. `statements` counts SQL statements (meta-commands are listed in `skipped`). */
export interface ImportReport {
  statements: number;
  executed: number;
  skipped: SkippedStatement[];
  failed: FailedStatement[];
  /** Extensions loaded into the scratch database because the script creates them. */
  extensionsLoaded: string[];
  /** Extensions the script creates that PGlite does not ship (skipped with what needs them). */
  extensionsMissing: string[];
  /** Sentences about the import as a whole (data left out, what the design simplifies, ...). */
  notes: string[];
  /**
   * Said before anything else when the file is another database's SQL (MySQL, SQL Server, SQLite,
   * Oracle) and PostgreSQL refused most of it.
   */
  dialect?: DialectNotice;
  timings?: ImportTimings;
  /**
   * How the DDL pane's read went: only the statements that changed were run again over the last
   * script read (`incremental`), or the whole script in a fresh database (`full`, and why).
   */
  ddlRead?: { mode: 'incremental'; undone: number; ran: number } | { mode: 'full'; reason: string };
}

/** Statement text as a report shows it: whitespace collapsed, cut at `max` characters. */
export function reportText(text: string, max = 200): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : flat.slice(0, max - 1) + '…';
}
