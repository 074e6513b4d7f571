/**
 * A lexical pass over a SQL script as psql reads it: string literals, quoted identifiers, dollar
 * quotes and comments are skipped over; a backslash outside them starts a psql meta-command that
 * runs to the end of the line; a semicolon outside parentheses ends a statement; the data lines
 * after `COPY ... FROM stdin;` run up to a line `\.`. Not a SQL parser: the database side splits
 * statements with PostgreSQL's own parser and uses `statements` here only as a fallback.
 */

/** A range of the text, `from` inclusive, `to` exclusive (UTF-16 offsets). */
export interface TextRange {
  from: number;
  to: number;
}

/** The data of a `COPY ... FROM stdin` statement, up to and including its `\.` line. */
export interface CopyBlock extends TextRange {
  /** The COPY statement's own range. */
  statement: TextRange;
  rows: number;
}

export interface ScannedScript {
  statements: TextRange[];
  metaCommands: TextRange[];
  copyBlocks: CopyBlock[];
}

const IDENTIFIER_CHAR = /[A-Za-z0-9_$\u0080-\uffff]/;
const DOLLAR_TAG = /\$([A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/y;
const COPY_FROM_STDIN = /^copy\b[\s\S]*\bfrom\s+stdin\b/i;

export function scanScript(text: string): ScannedScript {
  const statements: TextRange[] = [];
  const metaCommands: TextRange[] = [];
  const copyBlocks: CopyBlock[] = [];
  let start = -1;
  let depth = 0;
  let i = 0;
  const begin = (at: number) => {
    if (start < 0) start = at;
  };
  while (i < text.length) {
    const ch = text[i] as string;
    const next = text[i + 1];
    if (ch === '-' && next === '-') {
      i = endOfLine(text, i);
    } else if (ch === '/' && next === '*') {
      i = endOfBlockComment(text, i);
    } else if (ch === "'") {
      begin(i);
      i = endOfString(text, i, isEscapeString(text, i));
    } else if (ch === '"') {
      begin(i);
      i = endOfQuoted(text, i, '"');
    } else if (ch === '$' && !IDENTIFIER_CHAR.test(text[i - 1] ?? ' ') && dollarTagAt(text, i)) {
      begin(i);
      const tag = dollarTagAt(text, i) as string;
      const close = text.indexOf(tag, i + tag.length);
      i = close < 0 ? text.length : close + tag.length;
    } else if (ch === '\\') {
      const end = endOfLine(text, i);
      metaCommands.push({ from: i, to: end });
      i = end;
    } else if (ch === '(') {
      begin(i);
      depth++;
      i++;
    } else if (ch === ')') {
      begin(i);
      depth = Math.max(0, depth - 1);
      i++;
    } else if (ch === ';' && depth === 0) {
      const statement = { from: start < 0 ? i : start, to: i + 1 };
      statements.push(statement);
      start = -1;
      i++;
      if (COPY_FROM_STDIN.test(text.slice(statement.from, statement.to))) {
        const block = copyData(text, i, statement);
        copyBlocks.push(block);
        i = block.to;
      }
    } else {
      if (!/\s/.test(ch)) begin(i);
      i++;
    }
  }
  if (start >= 0) statements.push({ from: start, to: text.length });
  return { statements, metaCommands, copyBlocks };
}

function endOfLine(text: string, from: number): number {
  const newline = text.indexOf('\n', from);
  return newline < 0 ? text.length : newline;
}

function endOfBlockComment(text: string, from: number): number {
  let depth = 0;
  for (let i = from; i < text.length - 1; i++) {
    if (text[i] === '/' && text[i + 1] === '*') {
      depth++;
      i++;
    } else if (text[i] === '*' && text[i + 1] === '/') {
      depth--;
      i++;
      if (depth === 0) return i + 1;
    }
  }
  return text.length;
}

/** `E'...'` (or `e'...'`) where the E is not the end of a longer identifier. */
function isEscapeString(text: string, quote: number): boolean {
  const before = text[quote - 1];
  return (before === 'E' || before === 'e') && !IDENTIFIER_CHAR.test(text[quote - 2] ?? ' ');
}

function endOfString(text: string, from: number, backslashEscapes: boolean): number {
  for (let i = from + 1; i < text.length; i++) {
    const ch = text[i];
    if (backslashEscapes && ch === '\\') i++;
    else if (ch === "'") {
      if (text[i + 1] === "'") i++;
      else return i + 1;
    }
  }
  return text.length;
}

function endOfQuoted(text: string, from: number, quote: string): number {
  for (let i = from + 1; i < text.length; i++) {
    if (text[i] !== quote) continue;
    if (text[i + 1] === quote) i++;
    else return i + 1;
  }
  return text.length;
}

function dollarTagAt(text: string, at: number): string | undefined {
  DOLLAR_TAG.lastIndex = at;
  const match = DOLLAR_TAG.exec(text);
  return match ? match[0] : undefined;
}

/** Data starts on the line after the COPY statement and ends with a line `\.` (or the text). */
function copyData(text: string, afterStatement: number, statement: TextRange): CopyBlock {
  const lineEnd = endOfLine(text, afterStatement);
  let at = Math.min(text.length, lineEnd + 1);
  const from = at;
  let rows = 0;
  while (at < text.length) {
    const end = endOfLine(text, at);
    const line = text.slice(at, end).replace(/\r$/, '');
    if (line === '\\.') return { from, to: end, statement, rows };
    rows++;
    at = end + 1;
  }
  return { from, to: text.length, statement, rows };
}
