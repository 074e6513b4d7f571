import { keywordCategory } from './keywords';

/**
 * Where the parenthesis opening at `open` closes, skipping string literals and quoted
 * identifiers; -1 when it never does. Enough for expressions Postgres printed or a person typed;
 * not a SQL parser (dollar quotes and comments are not expected in index keys).
 */
export function matchingParen(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const ch = text[i];
    if (ch === "'" || ch === '"') {
      i = closingQuote(text, i);
      if (i < 0) return -1;
    } else if (ch === '(') depth++;
    else if (ch === ')') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/** The index of the quote closing the one at `open` (doubled quotes are escapes), or -1. */
function closingQuote(text: string, open: number): number {
  const quote = text[open];
  for (let i = open + 1; i < text.length; i++) {
    if (text[i] !== quote) continue;
    if (text[i + 1] === quote) i++;
    else return i;
  }
  return -1;
}

/** True when the whole expression is one parenthesized group, e.g. `(a + b)` but not `(a) + (b)`. */
export function isWrappedInParens(expression: string): boolean {
  return expression.startsWith('(') && matchingParen(expression, 0) === expression.length - 1;
}

const FUNCTION_NAME = /^([A-Za-z_][A-Za-z0-9_$]*)\s*\(/;

/**
 * True when the expression is a single call of a plainly named function, such as `lower(email)`,
 * which an index key may hold without extra parentheses. Keywords that are not valid function
 * names (`row`, `array`, `coalesce`, ...) are excluded: such expressions get parentheses instead,
 * which is always valid.
 */
export function isPlainFunctionCall(expression: string): boolean {
  const match = FUNCTION_NAME.exec(expression);
  if (!match?.[1]) return false;
  const category = keywordCategory(match[1].toLowerCase());
  if (category === 'reserved' || category === 'colName') return false;
  return matchingParen(expression, match[0].length - 1) === expression.length - 1;
}

/** An index key expression as CREATE INDEX needs it: parenthesized unless it is a bare function call. */
export function indexKeyExpression(expression: string): string {
  const trimmed = expression.trim();
  return isWrappedInParens(trimmed) || isPlainFunctionCall(trimmed) ? trimmed : '(' + trimmed + ')';
}
