import { keywordCategory } from './keywords';

/** PostgreSQL's NAMEDATALEN - 1: the longest identifier it keeps, in bytes of UTF-8. */
export const MAX_IDENTIFIER_BYTES = 63;

/**
 * The characters `quote_ident` leaves bare. Note that PostgreSQL's `quote_identifier` (ruleutils.c)
 * quotes `$` even though the lexer accepts it inside identifiers, so `a$b` becomes `"a$b"` here too.
 */
const BARE_IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/**
 * Quotes an identifier exactly as PostgreSQL's `quote_ident` does: bare when it is lower case
 * letters, digits and underscores (not starting with a digit) and not a keyword other than an
 * unreserved one; otherwise in double quotes with embedded `"` doubled.
 */
export function quoteIdent(name: string): string {
  if (BARE_IDENTIFIER.test(name)) {
    const category = keywordCategory(name);
    if (category === undefined || category === 'unreserved') return name;
  }
  return '"' + name.replaceAll('"', '""') + '"';
}

/**
 * A string literal as PostgreSQL's `quote_literal` writes it: single quotes doubled, and when the
 * text holds a backslash, the `E'...'` form with backslashes doubled (so the value survives even
 * with `standard_conforming_strings` off).
 */
export function quoteLiteral(value: string): string {
  const body = value.replaceAll("'", "''");
  if (!value.includes('\\')) return "'" + body + "'";
  return "E'" + body.replaceAll('\\', '\\\\') + "'";
}

/** `name` in the `public` schema, `schema.name` elsewhere, each part quoted only as needed. */
export function qualifiedName(schemaName: string, name: string): string {
  return schemaName === 'public'
    ? quoteIdent(name)
    : quoteIdent(schemaName) + '.' + quoteIdent(name);
}

/** The length of a string in bytes of UTF-8 (a lone surrogate counts as U+FFFD, 3 bytes). */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && isLowSurrogate(text.charCodeAt(i + 1))) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

/** A name as it appears inside a message: whole when short, cut with `…` when very long. */
export function nameForMessage(name: string): string {
  const chars = Array.from(name);
  return chars.length <= 40 ? name : chars.slice(0, 37).join('') + '…';
}

/**
 * Why PostgreSQL cannot take `name` as an identifier, or undefined when it can. Names over 63
 * bytes are refused rather than silently truncated (which is what PostgreSQL itself does), since a
 * truncated name makes two long names collide and breaks the round trip.
 *
 * @param what how the message names the thing, e.g. `Table name`
 * @param context appended after the name, e.g. ` in table "orders"`
 * @returns e.g. `Table name "…" is 70 bytes; PostgreSQL allows at most 63 bytes.`
 */
export function checkIdentifierLength(
  name: string,
  what = 'Name',
  context = '',
): string | undefined {
  // Fast path: no UTF-16 unit takes more than 3 bytes of UTF-8, so 21 units always fit.
  if (name.length > 0 && name.length <= 21 && !name.includes('\0')) return undefined;
  if (name.length === 0) return `${what}${context} is empty; PostgreSQL needs a name.`;
  if (name.includes('\0')) {
    return `${what} "${nameForMessage(name.replaceAll('\0', '\\0'))}"${context} contains a NUL character, which PostgreSQL does not allow.`;
  }
  const bytes = utf8ByteLength(name);
  if (bytes <= MAX_IDENTIFIER_BYTES) return undefined;
  return `${what} "${nameForMessage(name)}"${context} is ${bytes} bytes; PostgreSQL allows at most ${MAX_IDENTIFIER_BYTES} bytes.`;
}
