import type { ImportReport } from './report';
import { detectSqlDialect, type DialectMarker, type ForeignDialect } from './sqlDialect';

/**
 * What an import says first when the file is another database's SQL and PostgreSQL refused most
 * of it: one sentence naming what the file is (with the lines that show it), and what to do. The
 * per-statement errors stay in the report below it.
 */
export interface DialectNotice {
  dialect: ForeignDialect;
  /** "This looks like a MySQL dump (backtick-quoted names from line 12, …). Tablewright reads PostgreSQL DDL." */
  sentence: string;
  /** What to do with such a file, with the commands. */
  advice: string;
  /** A command to copy, the first step of the advice. */
  command: string;
}

const WHAT: Record<ForeignDialect, string> = {
  mysql: 'a MySQL dump',
  sqlserver: 'a SQL Server script',
  sqlite: 'a SQLite dump',
  oracle: 'an Oracle script',
};

const THEN =
  'then import `pg_dump --schema-only` of that database here, or read it with `tablewright pull`.';

const ADVICE: Record<ForeignDialect, { advice: string; command: string }> = {
  mysql: {
    advice: `Convert it with pgloader into a PostgreSQL database (it reads MySQL and MariaDB), ${THEN}`,
    command: 'pgloader mysql://user@host/dbname postgresql:///dbname',
  },
  sqlserver: {
    advice: `Convert it with pgloader into a PostgreSQL database (it reads SQL Server), ${THEN}`,
    command: 'pgloader mssql://user@host/dbname postgresql:///dbname',
  },
  sqlite: {
    advice: `Convert the SQLite database with pgloader into a PostgreSQL database, ${THEN}`,
    command: 'pgloader sqlite:///path/to/file.db postgresql:///dbname',
  },
  oracle: {
    advice:
      'Convert the schema with ora2pg, which writes PostgreSQL DDL from an Oracle database, and import what it writes.',
    command: 'ora2pg -t TABLE -o schema.sql',
  },
};

/** How many markers the sentence names: enough to be convinced, short enough to read. */
const NAMED = 2;

/** The notice for a script PostgreSQL refused most of, when its markers show another dialect. */
export function dialectNotice(
  sql: string,
  report: Pick<ImportReport, 'statements' | 'failed'>,
): DialectNotice | undefined {
  if (report.failed.length === 0 || report.failed.length * 2 < report.statements) return undefined;
  return foreignDialectNotice(sql);
}

/**
 * The notice for a script whose markers show another dialect, whatever PostgreSQL made of it:
 * for the caller that already knows PostgreSQL refuses it (the DDL pane's syntax error).
 */
export function foreignDialectNotice(sql: string): DialectNotice | undefined {
  const verdict = detectSqlDialect(sql);
  if (verdict.dialect === 'postgresql') return undefined;
  return {
    dialect: verdict.dialect,
    sentence: dialectSentence(verdict.dialect, verdict.markers),
    ...ADVICE[verdict.dialect],
  };
}

/** "This looks like a MySQL dump (…). Tablewright reads PostgreSQL DDL." */
export function dialectSentence(
  dialect: ForeignDialect,
  markers: readonly DialectMarker[],
): string {
  const named = markers
    .slice(0, NAMED)
    .sort((a, b) => a.line - b.line)
    .map((m) => `${m.label} ${m.count > 1 ? 'from' : 'on'} line ${m.line}`);
  return `This looks like ${WHAT[dialect]} (${named.join(', ')}). Tablewright reads PostgreSQL DDL.`;
}
