import { quoteLiteral } from '../sql/quote';
import type { Node } from './checkRules';
import { isKeyword, type Token } from './checkTokens';

/** The operands of a CHECK's comparisons: a column (maybe inside a cast or a function) or a constant. */

/** A constant as SQL, with its number when it is one. */
export interface Literal {
  sql: string;
  num?: number;
}

/** Strips outer parentheses and a trailing `::type` cast. */
export function strip(tokens: Token[]): Token[] {
  let t = tokens;
  for (;;) {
    const castAt = t.findIndex((x, i) => x.text === '::' && depthAt(t, i) === 0);
    if (castAt > 0) {
      t = t.slice(0, castAt);
      continue;
    }
    if (t[0]?.text === '(' && t[t.length - 1]?.text === ')' && closesAt(t, 0) === t.length - 1) {
      t = t.slice(1, -1);
      continue;
    }
    return t;
  }
}

function depthAt(t: Token[], index: number): number {
  let depth = 0;
  for (let i = 0; i < index; i++) {
    const x = t[i] as Token;
    if (x.kind === 'punct' && (x.text === '(' || x.text === '[')) depth++;
    if (x.kind === 'punct' && (x.text === ')' || x.text === ']')) depth--;
  }
  return depth;
}

function closesAt(t: Token[], open: number): number {
  let depth = 0;
  for (let i = open; i < t.length; i++) {
    const x = t[i] as Token;
    if (x.kind === 'punct' && x.text === '(') depth++;
    if (x.kind === 'punct' && x.text === ')' && --depth === 0) return i;
  }
  return -1;
}

const CASE_FUNCTIONS = new Set(['upper', 'lower', 'btrim', 'trim']);
const LENGTH_FUNCTIONS = new Set(['char_length', 'length', 'character_length', 'octet_length']);

export function columnRef(
  tokens: Token[],
  columnOf: (t: Token) => string | undefined,
): { col: string; fn?: 'length' | 'case' } | undefined {
  const t = strip(tokens);
  if (t.length === 1) {
    const col = columnOf(t[0] as Token);
    return col === undefined ? undefined : { col };
  }
  const name = t[0];
  if (name?.kind === 'ident' && t[1]?.text === '(' && closesAt(t, 1) === t.length - 1) {
    const inner = columnRef(t.slice(2, -1), columnOf);
    if (!inner || inner.fn) return undefined;
    if (CASE_FUNCTIONS.has(name.text)) return { col: inner.col, fn: 'case' };
    if (LENGTH_FUNCTIONS.has(name.text)) return { col: inner.col, fn: 'length' };
  }
  return undefined;
}

export function literal(tokens: Token[]): Literal | undefined {
  const castAt = tokens.findIndex((x, i) => x.text === '::' && depthAt(tokens, i) === 0);
  const cast =
    castAt > 0
      ? tokens
          .slice(castAt + 1)
          .map((x) => x.text)
          .join(' ')
      : '';
  const t = strip(tokens);
  const suffix = cast ? '::' + cast : '';
  if (t.length === 1 && t[0]?.kind === 'number')
    return { sql: t[0].text + suffix, num: Number(t[0].text) };
  if (t.length === 2 && t[0]?.text === '-' && t[1]?.kind === 'number') {
    return { sql: '-' + t[1].text + suffix, num: -Number(t[1].text) };
  }
  if (t.length === 1 && t[0]?.kind === 'string') {
    const num =
      t[0].text.trim() !== '' && Number.isFinite(Number(t[0].text)) ? Number(t[0].text) : undefined;
    return { sql: quoteLiteral(t[0].text) + suffix, ...(num !== undefined ? { num } : {}) };
  }
  if (t.length === 1 && (isKeyword(t[0], 'true') || isKeyword(t[0], 'false')))
    return { sql: (t[0] as Token).text };
  return undefined;
}

/** `col <op> constant` as a rule, or undefined for a comparison the generator cannot meet. */
export function comparison(
  ref: { col: string; fn?: string },
  op: string,
  value: Literal,
): Node | undefined {
  const { col, fn } = ref;
  if (fn === 'length') {
    const n = value.num;
    if (n === undefined) return undefined;
    if (op === '<=' || op === '<')
      return { k: 'pred', col, rule: { maxLength: op === '<' ? n - 1 : n } };
    if (op === '>=' || op === '>')
      return { k: 'pred', col, rule: { minLength: op === '>' ? n + 1 : n } };
    if (op === '=') return { k: 'pred', col, rule: { minLength: n, maxLength: n } };
    return undefined;
  }
  if (op === '=') return { k: 'pred', col, rule: { values: [value] } };
  if (op === '>' || op === '>=')
    return { k: 'pred', col, rule: { min: { value, inclusive: op === '>=' } } };
  if (op === '<' || op === '<=')
    return { k: 'pred', col, rule: { max: { value, inclusive: op === '<=' } } };
  // `name <> ''`: generated text is never empty.
  if ((op === '<>' || op === '!=') && value.sql.startsWith("''"))
    return { k: 'pred', col, rule: { minLength: 1 } };
  return undefined;
}
