import { isKeyword, tokenize, type Token } from './checkTokens';
import { columnRef, comparison, literal, strip, type Literal } from './checkOperands';

export type { Literal } from './checkOperands';

/**
 * What a CHECK asks of its columns, where the generator can tell: bounds, a list of allowed
 * values, NULL or not, a length limit. Recognises the shapes PostgreSQL prints for everyday
 * checks (`col > 0`, `col = ANY (ARRAY[...])`, `char_length(col) <= n`, ANDs, and for an OR the
 * first branch it can satisfy); the rest is PostgreSQL's to judge when the rows go in.
 */

export interface Bound {
  value: Literal;
  inclusive: boolean;
}

/** The requirements on one column, merged over every check that names it. */
export interface ColumnRule {
  notNull?: boolean;
  isNull?: boolean;
  min?: Bound;
  max?: Bound;
  values?: Literal[];
  maxLength?: number;
  minLength?: number;
  /** `col ~ 'pattern'`: a POSIX regular expression the value must match. */
  pattern?: string;
  /** `col > other` / `col >= other`: the value is made from the other column's. */
  after?: { column: string; inclusive: boolean };
}

/** Rules per column name, and the columns of checks (or parts) it could not read. */
export interface CheckReading {
  rules: Map<string, ColumnRule>;
  unknown: Set<string>;
}

/** A check read as far as it goes. */
export type Node =
  | { k: 'and' | 'or'; items: Node[] }
  | { k: 'pred'; col: string; rule: ColumnRule }
  | { k: 'unknown'; cols: string[] };

const COMPARISON = new Set(['=', '<>', '!=', '<', '<=', '>', '>=', '~', '~*', '!~', '!~*']);
const STOP_WORDS = ['and', 'or', 'is', 'in', 'between', 'like', 'ilike', 'not', 'any', 'all'];

class Parser {
  pos = 0;
  constructor(
    private readonly t: Token[],
    private readonly columnOf: (token: Token) => string | undefined,
  ) {}

  peek(offset = 0): Token | undefined {
    return this.t[this.pos + offset];
  }

  atEnd(): boolean {
    const p = this.peek();
    return p === undefined || (p.kind === 'punct' && p.text === ')');
  }

  or(): Node {
    const items = [this.and()];
    while (isKeyword(this.peek(), 'or')) {
      this.pos++;
      items.push(this.and());
    }
    return items.length === 1 ? (items[0] as Node) : { k: 'or', items };
  }

  and(): Node {
    const items = [this.predicate()];
    while (isKeyword(this.peek(), 'and')) {
      this.pos++;
      items.push(this.predicate());
    }
    return items.length === 1 ? (items[0] as Node) : { k: 'and', items };
  }

  /** Tokens of one operand: up to a comparison, a keyword or a closing paren at depth 0. */
  operand(): Token[] {
    const out: Token[] = [];
    let depth = 0;
    for (let p = this.peek(); p; p = this.peek()) {
      if (depth === 0) {
        if (p.kind === 'op' && COMPARISON.has(p.text)) break;
        if (p.kind === 'ident' && !p.quoted && STOP_WORDS.includes(p.text)) break;
        if (p.kind === 'punct' && (p.text === ')' || p.text === ']' || p.text === ',')) break;
      }
      if (p.kind === 'punct' && (p.text === '(' || p.text === '[')) depth++;
      if (p.kind === 'punct' && (p.text === ')' || p.text === ']')) depth--;
      out.push(p);
      this.pos++;
    }
    return out;
  }

  predicate(): Node {
    const start = this.pos;
    if (isKeyword(this.peek(), 'not')) {
      this.pos++;
      const inner = this.predicate();
      if (inner.k === 'pred' && inner.rule.values?.[0]?.sql === 'true') {
        return { k: 'pred', col: inner.col, rule: { values: [{ sql: 'false' }] } };
      }
      return { k: 'unknown', cols: columnsOf(inner) };
    }
    const open = this.peek();
    if (open?.kind === 'punct' && open.text === '(') {
      this.pos++;
      const inner = this.or();
      const close = this.peek();
      const next = this.peek(1);
      if (
        close?.kind === 'punct' &&
        close.text === ')' &&
        (next === undefined ||
          isKeyword(next, 'and') ||
          isKeyword(next, 'or') ||
          (next.kind === 'punct' && next.text === ')'))
      ) {
        this.pos++;
        return inner;
      }
      this.pos = start;
    }
    const left = this.operand();
    const node = this.tail(left);
    // Skip whatever is left of a predicate we could not read, up to AND / OR at depth 0.
    let depth = 0;
    for (let p = this.peek(); p; p = this.peek()) {
      if (
        depth === 0 &&
        (isKeyword(p, 'and') || isKeyword(p, 'or') || (p.kind === 'punct' && p.text === ')'))
      )
        break;
      if (p.kind === 'punct' && p.text === '(') depth++;
      if (p.kind === 'punct' && p.text === ')') depth--;
      this.pos++;
    }
    if (node) return node;
    return {
      k: 'unknown',
      cols: this.t
        .slice(start, this.pos)
        .map(this.columnOf)
        .filter((c) => c !== undefined),
    };
  }

  tail(left: Token[]): Node | undefined {
    const ref = columnRef(left, this.columnOf);
    const p = this.peek();
    if (!p || this.atEnd() || isKeyword(p, 'and') || isKeyword(p, 'or')) {
      // A bare boolean column.
      return ref && !ref.fn
        ? { k: 'pred', col: ref.col, rule: { values: [{ sql: 'true' }] } }
        : undefined;
    }
    if (isKeyword(p, 'is')) {
      this.pos++;
      const negated = isKeyword(this.peek(), 'not') ? (this.pos++, true) : false;
      const what = this.peek();
      this.pos++;
      if (!ref || ref.fn) return undefined;
      if (isKeyword(what, 'null'))
        return { k: 'pred', col: ref.col, rule: negated ? { notNull: true } : { isNull: true } };
      if (!negated && (isKeyword(what, 'true') || isKeyword(what, 'false'))) {
        return { k: 'pred', col: ref.col, rule: { values: [{ sql: (what as Token).text }] } };
      }
      return undefined;
    }
    if (isKeyword(p, 'between')) {
      this.pos++;
      const low = literal(this.operand());
      if (!isKeyword(this.peek(), 'and')) return undefined;
      this.pos++;
      const high = literal(this.operand());
      if (!ref || ref.fn === 'length' || !low || !high) return undefined;
      return {
        k: 'pred',
        col: ref.col,
        rule: { min: { value: low, inclusive: true }, max: { value: high, inclusive: true } },
      };
    }
    if (isKeyword(p, 'in')) {
      this.pos++;
      const values = this.list(')');
      return ref && ref.fn !== 'length' && values
        ? { k: 'pred', col: ref.col, rule: { values } }
        : undefined;
    }
    if (p.kind !== 'op' || !COMPARISON.has(p.text)) return undefined;
    this.pos++;
    let op = p.text;
    if (op === '=' && isKeyword(this.peek(), 'any')) {
      this.pos++;
      const values = this.anyArray();
      return ref && ref.fn !== 'length' && values
        ? { k: 'pred', col: ref.col, rule: { values } }
        : undefined;
    }
    const rightTokens = this.operand();
    const other = columnRef(rightTokens, this.columnOf);
    if (ref && !ref.fn && other && !other.fn && ['<', '<=', '>', '>='].includes(op)) {
      const [later, earlier] = op.startsWith('>') ? [ref.col, other.col] : [other.col, ref.col];
      return {
        k: 'pred',
        col: later,
        rule: { after: { column: earlier, inclusive: op.endsWith('=') } },
      };
    }
    const stripped = strip(rightTokens);
    if (op === '~' && ref && !ref.fn && stripped.length === 1 && stripped[0]?.kind === 'string') {
      return { k: 'pred', col: ref.col, rule: { pattern: stripped[0].text } };
    }
    let value = literal(rightTokens);
    let target = ref;
    if (!target) {
      // `0 < col`: the same with the sides swapped.
      target = columnRef(rightTokens, this.columnOf);
      value = literal(left);
      op = ({ '<': '>', '<=': '>=', '>': '<', '>=': '<=' } as Record<string, string>)[op] ?? op;
    }
    if (!target || !value) return undefined;
    return comparison(target, op, value);
  }

  /** `(ARRAY[a, b])` or `(ARRAY[a, b]::text[])` after `= ANY`. */
  anyArray(): Literal[] | undefined {
    const open = this.peek();
    if (!(open?.kind === 'punct' && open.text === '(')) return undefined;
    this.pos++;
    if (!isKeyword(this.peek(), 'array') || this.peek(1)?.text !== '[') return undefined;
    this.pos += 2;
    const values = this.list(']');
    // A cast of the whole array may follow: its element casts were printed already.
    let depth = 0;
    for (let q = this.peek(); q; q = this.peek()) {
      this.pos++;
      if (q.kind === 'punct' && q.text === '(') depth++;
      if (q.kind === 'punct' && q.text === ')' && depth-- === 0) break;
    }
    return values;
  }

  list(close: string): Literal[] | undefined {
    if (close === ')') {
      if (this.peek()?.text !== '(') return undefined;
      this.pos++;
    }
    const values: Literal[] = [];
    for (;;) {
      const value = literal(this.operand());
      if (!value) return undefined;
      values.push(value);
      const sep = this.peek();
      this.pos++;
      if (sep?.text === close) return values;
      if (sep?.text !== ',') return undefined;
    }
  }
}

function columnsOf(node: Node): string[] {
  if (node.k === 'pred') return [node.col];
  if (node.k === 'unknown') return node.cols;
  return node.items.flatMap(columnsOf);
}

/** The check as a tree of predicates the generator can meet, and parts it cannot read. */
export function parseCheck(expression: string, columnOf: (t: Token) => string | undefined): Node {
  const tokens = tokenize(expression);
  if (!tokens) return { k: 'unknown', cols: [] };
  const parser = new Parser(tokens, columnOf);
  const node = parser.or();
  return parser.pos === tokens.length
    ? node
    : { k: 'unknown', cols: tokens.map(columnOf).filter((c) => c !== undefined) };
}
