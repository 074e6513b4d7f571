import { err, ok, type Result } from '../result';
import type { ImportReport } from './report';
import type { Emit, RailsNote, RailsStatement } from './railsSchemaEmit';
import { readRuby } from './railsSchemaRuby';
import { statementsSql } from './railsSchemaSql';

/**
 * A Rails `db/schema.rb` (what `bin/rails db:schema:dump` writes, Rails 4.2 to 8) as PostgreSQL
 * DDL for the usual SQL import: PostgreSQL then judges it, and the design, layout and review
 * follow as for any SQL. Pure: the file is read, never run. What cannot be expressed comes back
 * as notes with the schema.rb line.
 */

export type { RailsNote, RailsStatement } from './railsSchemaEmit';

export interface RailsSchemaSql {
  sql: string;
  notes: RailsNote[];
  statements: RailsStatement[];
  /** The version in `ActiveRecord::Schema[7.2]`, none for `ActiveRecord::Schema.define`. */
  railsVersion?: string;
}

/** The schema.rb as SQL and notes; an error when nothing in it becomes SQL. */
export function readRailsSchema(text: string): Result<RailsSchemaSql, { message: string }> {
  const program = readRuby(text);
  const railsVersion = /ActiveRecord::Schema\[(\d+(?:\.\d+)?)\]/.exec(text)?.[1];
  const major = railsVersion ? Number(railsVersion) : undefined;
  // Before Rails 5.1 a table's default key was a serial integer; 5.1 made it bigserial and from
  // then on the dumper writes `id: :serial` for the old kind. A file without a version that has
  // the older dumper's marks (top-level add_index, `using: :btree`) is read with serial keys.
  const serialIds =
    major === undefined &&
    (/^\s*add_index\s/m.test(text) ||
      /using: :btree/.test(text) ||
      /^# encoding: UTF-8/m.test(text));
  const statements: RailsStatement[] = [];
  const notes: RailsNote[] = [];
  const emit: Emit = {
    statement: (sql, line, lines) => statements.push({ sql, line, ...(lines ? { lines } : {}) }),
    note: (line, message) => notes.push({ line, message }),
    context: { datetimePrecision6: major !== undefined && major >= 7 },
    serialIds,
    tableColumns: new Map(),
  };
  statementsSql(emit, program.statements);
  for (const comment of program.comments)
    notes.push({
      line: comment.line,
      message: `the schema dumper wrote "${comment.text}": that table is not in the file`,
    });
  if (serialIds && statements.some((s) => s.sql.includes(' serial NOT NULL')))
    notes.unshift({
      line: 1,
      message:
        'the file is in the format of Rails 4.2/5.0, whose tables without id: have an integer (serial) key; read as such',
    });
  notes.sort((a, b) => a.line - b.line);
  if (statements.length === 0)
    return err({
      message:
        'Nothing in the schema.rb becomes a table, a type or an extension: it has no create_table, create_enum or enable_extension Tablewright could read.' +
        (notes.length ? '\n' + notes.slice(0, 5).map(formatRailsNote).join('\n') : ''),
    });
  return ok({
    sql: statements.map((s) => s.sql + ';').join('\n\n') + '\n',
    notes,
    statements,
    ...(railsVersion ? { railsVersion } : {}),
  });
}

/** A note as the import report lists it. */
export const formatRailsNote = (note: RailsNote) => `schema.rb line ${note.line}: ${note.message}.`;

/**
 * The schema.rb line of a line of the SQL `readRailsSchema` wrote (1-based both), so a statement
 * PostgreSQL refused points at the schema.rb the person has, not at SQL they never saw.
 */
export function railsLineOf(statements: RailsStatement[], sqlLine: number): number {
  let start = 1;
  for (const s of statements) {
    const count = s.sql.split('\n').length;
    if (sqlLine < start + count) return s.lines?.[sqlLine - start] ?? s.line;
    start += count + 1; // the blank line between statements
  }
  return statements.at(-1)?.line ?? 1;
}

/** The import report of the SQL, its lines turned into the schema.rb's, its notes added. */
export function railsImportReport(report: ImportReport, read: RailsSchemaSql): void {
  const lineOf = (sqlLine: number) => railsLineOf(read.statements, sqlLine);
  for (const s of report.skipped) {
    s.line = lineOf(s.line);
    // What a failed statement took with it names that statement's line.
    s.reason = s.reason.replace(
      /\bline (\d+) failed\b/g,
      (_, n: string) => `schema.rb line ${lineOf(Number(n))} failed`,
    );
  }
  for (const f of report.failed) {
    f.line = lineOf(f.line);
    if (f.errorLine !== undefined) {
      f.errorLine = lineOf(f.errorLine);
      delete f.errorColumn;
      f.reason = `${f.error.message} (schema.rb line ${f.errorLine})`;
    }
  }
  report.notes.push(...read.notes.map(formatRailsNote));
}
