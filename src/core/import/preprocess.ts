import { LineIndex } from './lines';
import { scanScript, type TextRange } from './scanScript';

/** A psql meta-command line (`\c`, `\set`, `\pset`, ...) taken out of the script. */
export interface MetaCommand {
  line: number;
  /** The whole meta-command, e.g. `\set ON_ERROR_STOP 1`. */
  text: string;
  /** The command's name without the backslash, e.g. `set`. */
  command: string;
}

/** The data lines of a `COPY ... FROM stdin` statement, taken out of the script. */
export interface CopyData {
  /** Line of the COPY statement. */
  line: number;
  rows: number;
}

/**
 * The script as PostgreSQL should see it: meta-commands and COPY data replaced by spaces (line
 * breaks kept), so every offset and line number still points into the original file.
 */
export interface PreprocessedScript {
  text: string;
  lines: LineIndex;
  metaCommands: MetaCommand[];
  copyData: CopyData[];
  /** Statement ranges found by the lexical pass (psql's own split), for when parsing fails. */
  statements: TextRange[];
}

export function preprocessScript(sql: string): PreprocessedScript {
  const scanned = scanScript(sql);
  const lines = new LineIndex(sql);
  const blanks: TextRange[] = [...scanned.metaCommands, ...scanned.copyBlocks].sort(
    (a, b) => a.from - b.from,
  );
  const metaCommands = scanned.metaCommands.map((range) => {
    const text = sql.slice(range.from, range.to).replace(/\r$/, '');
    const command = /^\\([^\s\\]*)/.exec(text)?.[1] ?? '';
    return { line: lines.line(range.from), text, command };
  });
  const copyData = scanned.copyBlocks.map((block) => ({
    line: lines.line(block.statement.from),
    rows: block.rows,
  }));
  return {
    text: blank(sql, blanks),
    lines,
    metaCommands,
    copyData,
    statements: scanned.statements,
  };
}

/** `text` with the ranges replaced by spaces, line breaks kept. */
function blank(text: string, ranges: readonly TextRange[]): string {
  if (ranges.length === 0) return text;
  const parts: string[] = [];
  let at = 0;
  for (const range of ranges) {
    parts.push(text.slice(at, range.from));
    parts.push(text.slice(range.from, range.to).replace(/[^\r\n]/g, ' '));
    at = range.to;
  }
  parts.push(text.slice(at));
  return parts.join('');
}
