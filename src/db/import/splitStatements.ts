import { statementTree, type PreprocessedScript, type StatementTree } from '../../core/import';
import type { PgParser, RawStatement } from './pgParser';

/** A statement of the script, found by PostgreSQL's parser. */
export interface SplitStatement {
  /** 0-based UTF-16 range in the (preprocessed, so also the original) text. */
  from: number;
  to: number;
  text: string;
  tree?: StatementTree;
  /** PostgreSQL's syntax error, with a 1-based character position in `text`. */
  syntaxError?: { message: string; position: number };
}

/**
 * Statement boundaries by PostgreSQL's own grammar. When the script has a syntax error the parser
 * gives up on all of it, so then psql's split (from the preprocessing pass) is parsed statement by
 * statement: the broken ones are reported, the rest still run.
 */
export function splitStatements(parser: PgParser, script: PreprocessedScript): SplitStatement[] {
  const whole = parser.parse(script.text);
  if (whole.ok) return fromParse(script.text, 0, whole.value);
  return splitByChunks(parser, script);
}

/**
 * psql's split, each piece parsed alone: the same statements as parsing the whole script (each
 * text as PostgreSQL's parser bounds it), and a parser that remembers pieces parses only new ones.
 */
export function splitByChunks(parser: PgParser, script: PreprocessedScript): SplitStatement[] {
  const out: SplitStatement[] = [];
  for (const range of script.statements) {
    const chunk = script.text.slice(range.from, range.to);
    const parsed = parser.parse(chunk);
    if (parsed.ok) out.push(...fromParse(chunk, range.from, parsed.value));
    else {
      out.push({
        from: range.from,
        to: range.to,
        text: chunk,
        syntaxError: {
          message: parsed.error.message,
          position: Math.max(1, parsed.error.position),
        },
      });
    }
  }
  return out;
}

function fromParse(text: string, base: number, statements: RawStatement[]): SplitStatement[] {
  const toUnit = byteToUnitMapper(text);
  const out: SplitStatement[] = [];
  for (const raw of statements) {
    const startByte = raw.stmt_location ?? 0;
    let from = toUnit(startByte);
    const to = raw.stmt_len ? toUnit(startByte + raw.stmt_len) : text.length;
    from = skipTrivia(text, from, to);
    const statementText = text.slice(from, to).trimEnd();
    if (statementText === '') continue;
    const tree = statementTree(raw.stmt);
    out.push({
      from: base + from,
      to: base + from + statementText.length,
      text: statementText,
      ...(tree ? { tree } : {}),
    });
  }
  return out;
}

/**
 * libpg-query reports UTF-8 byte offsets; JavaScript strings count UTF-16 units. Offsets only
 * grow within one parse, so a forward cursor converts them in one pass over the text.
 */
export function byteToUnitMapper(text: string): (byteOffset: number) => number {
  // eslint-disable-next-line no-control-regex
  if (!/[^\u0000-\u007f]/.test(text)) return (byteOffset) => Math.min(byteOffset, text.length);
  let unit = 0;
  let byte = 0;
  return (byteOffset) => {
    if (byteOffset < byte) {
      unit = 0;
      byte = 0;
    }
    while (byte < byteOffset && unit < text.length) {
      const code = text.codePointAt(unit) as number;
      byte += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
      unit += code >= 0x10000 ? 2 : 1;
    }
    return unit;
  };
}

/** Skips whitespace and comments a statement's reported start may include. */
function skipTrivia(text: string, from: number, to: number): number {
  let i = from;
  while (i < to) {
    if (/\s/.test(text[i] as string)) i++;
    else if (text.startsWith('--', i)) {
      const end = text.indexOf('\n', i);
      i = end < 0 ? to : end + 1;
    } else if (text.startsWith('/*', i)) {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? to : end + 2;
    } else break;
  }
  return i;
}
