import { isKeyword, tokenize, type Token } from '../sample/checkTokens';

/** A column a filter compares with a constant, and how. */
export interface FilterColumn {
  column: string;
  equality: boolean;
}

const RANGE = new Set(['<', '<=', '>', '>=']);

/**
 * The columns of a plan's Filter an index could serve: the `(col = ...)`, `(col > ...)` and
 * `(col = ANY (...))` parts of an AND (qualified `t.col` too). Undefined when the filter has an
 * OR at the top, or no such part: an index would not replace the scan there.
 */
export function filterColumns(filter: string): FilterColumn[] | undefined {
  const tokens = tokenize(filter);
  if (!tokens) return undefined;
  const parts = splitAnd(unwrap(tokens));
  if (!parts) return undefined;
  const out: FilterColumn[] = [];
  for (const part of parts) {
    const t = unwrap(part);
    let i = 0;
    let column: string | undefined;
    while (t[i]?.kind === 'ident' && !isKeyword(t[i], 'not')) {
      column = (t[i] as Token).text;
      if (t[i + 1]?.text !== '.') break;
      i += 2;
    }
    const op = t[i + 1];
    if (column === undefined || op?.kind !== 'op') continue;
    if (op.text === '=' || RANGE.has(op.text)) out.push({ column, equality: op.text === '=' });
  }
  return out.length > 0 ? out : undefined;
}

function unwrap(t: Token[]): Token[] {
  let out = t;
  while (
    out[0]?.text === '(' &&
    out[out.length - 1]?.text === ')' &&
    closes(out) === out.length - 1
  )
    out = out.slice(1, -1);
  return out;
}

function closes(t: Token[]): number {
  let depth = 0;
  for (let i = 0; i < t.length; i++) {
    if (t[i]?.text === '(') depth++;
    if (t[i]?.text === ')' && --depth === 0) return i;
  }
  return -1;
}

function splitAnd(t: Token[]): Token[][] | undefined {
  const parts: Token[][] = [[]];
  let depth = 0;
  for (const token of t) {
    if (token.text === '(') depth++;
    if (token.text === ')') depth--;
    if (depth === 0 && isKeyword(token, 'or')) return undefined;
    if (depth === 0 && isKeyword(token, 'and')) parts.push([]);
    else parts[parts.length - 1]?.push(token);
  }
  return parts;
}
