import { sameType } from '../model/pgType';

/**
 * DBML's lexical rules as @dbml/parse applies them: a bare name is letters (any script), marks,
 * `_` and digits, not starting with a digit; anything else goes in double quotes, with the same
 * backslash escapes as single-quoted strings. Backtick expressions are raw: they have no escapes,
 * so an expression that holds a backtick cannot be written at all.
 */

const BARE_NAME = /^[\p{L}\p{M}_][\p{L}\p{M}_0-9]*$/u;

/** Words that open DBML elements or are literals; quoting them is always valid, so we do. */
const KEYWORD =
  /^(?:table|ref|enum|note|indexes|checks|records|project|tablegroup|tablepartial|true|false|null|as|pk|unique|increment|default)$/i;

const ESCAPES: Record<string, string> = {
  '\\': '\\\\',
  "'": "\\'",
  '"': '\\"',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
  '\v': '\\v',
  '\0': '\\0',
};

/** Backslash escapes for a string in `quote`s; the other quote character needs none. */
function escape(text: string, quote: "'" | '"'): string {
  return text.replace(/[\\'"\n\r\t\b\f\v\0]/g, (ch) =>
    (ch === "'" || ch === '"') && ch !== quote ? ch : (ESCAPES[ch] ?? ch),
  );
}

/** A name: bare when DBML reads it as one identifier, double-quoted otherwise. */
export function dbmlName(name: string): string {
  if (BARE_NAME.test(name) && !KEYWORD.test(name)) return name;
  return '"' + escape(name, '"') + '"';
}

/** `schema.name` outside `public` (DBML's default schema), the bare name inside it. */
export function dbmlQualified(schema: string, name: string): string {
  return schema === 'public' ? dbmlName(name) : `${dbmlName(schema)}.${dbmlName(name)}`;
}

/** A single-quoted string literal, one line: line breaks are escaped. */
export function dbmlString(text: string): string {
  return "'" + escape(text, "'") + "'";
}

/** A backtick expression, or undefined when the SQL holds a backtick DBML cannot escape. */
export function dbmlExpression(sql: string): string | undefined {
  return sql.includes('`') ? undefined : '`' + sql + '`';
}

/** A type DBML reads as written: a plain name with optional numeric arguments, else quoted. */
export function dbmlType(type: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*(\(\d+(,\d+)?\))?$/.test(type)
    ? type
    : '"' + escape(type, '"') + '"';
}

/**
 * A column default in DBML's terms: numbers, booleans and NULL as themselves, a string literal
 * (cast to the column's own type, as PostgreSQL prints defaults) as a string, anything else as a
 * backtick expression. Undefined when it cannot be written (a backtick in an expression).
 */
export function dbmlDefault(sql: string, columnType: string): string | undefined {
  const text = sql.trim();
  if (/^-?\d+(\.\d+)?$/.test(text)) return text;
  // PostgreSQL prints a negative default with parentheses and a cast: `'-1'::integer`, `(-1)`.
  const lower = text.toLowerCase();
  if (lower === 'true' || lower === 'false' || lower === 'null') return lower;
  const literal = /^'((?:[^']|'')*)'(?:::(.+))?$/s.exec(text);
  if (literal) {
    const cast = literal[2];
    if (cast === undefined || sameType(cast, columnType)) {
      return dbmlString((literal[1] ?? '').replaceAll("''", "'"));
    }
  }
  return dbmlExpression(text);
}

/** `//` lines: how the export says what DBML cannot hold, so nothing is dropped without a word. */
export function dbmlComment(text: string, indent = ''): string[] {
  return text.split(/\r\n|\r|\n/).map((line) => `${indent}// ${line}`.trimEnd());
}
