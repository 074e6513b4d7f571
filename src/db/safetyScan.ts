/**
 * The parser side of `core/safety`: PostgreSQL's parser (libpg-query) reads each statement, the
 * pure classifier judges the tree.
 */
import { classifyDanger, type Danger, type DangerousStatement } from '../core/safety';
import type { PgParser } from './import/pgParser';

/** The dangers of a piece of SQL (one statement or several). Text that does not parse has none: Postgres reports it. */
export function dangersIn(parser: PgParser, sql: string): Danger[] {
  const parsed = parser.parse(sql);
  if (!parsed.ok) return [];
  return parsed.value.flatMap((s) => classifyDanger(s.stmt));
}

/** Scan statements (e.g. a design's DDL): the dangerous ones, by index. */
export function scanStatements(
  parser: PgParser,
  statements: readonly { sql: string }[],
): Map<number, Danger[]> {
  const found = new Map<number, Danger[]>();
  statements.forEach((s, index) => {
    const dangers = dangersIn(parser, s.sql);
    if (dangers.length) found.set(index, dangers);
  });
  return found;
}

/** The dangerous statements of generated DDL, with their line in `text`. */
export function dangerousStatements(
  parser: PgParser,
  text: string,
  statements: readonly { sql: string; from: number }[],
): DangerousStatement[] {
  return [...scanStatements(parser, statements)].map(([index, dangers]) => {
    const s = statements[index]!;
    return { text: s.sql, line: text.slice(0, s.from).split('\n').length, dangers };
  });
}
