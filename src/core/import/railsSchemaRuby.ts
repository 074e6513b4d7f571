import { tokenizeRuby, type RubyToken } from './railsSchemaTokens';

/**
 * The statements of a `db/schema.rb`: method calls (`create_table "x", id: :uuid do |t| … end`,
 * `t.string "name", null: false`, `add_foreign_key "a", "b"`) with literal arguments. A statement
 * that cannot be read is an `error` with its line, and reading goes on with the next one.
 */

/** A Ruby literal as the schema dumper writes it. */
export type RubyValue =
  | { kind: 'string'; value: string }
  | { kind: 'symbol'; value: string }
  | { kind: 'number'; value: number; text: string }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'nil' }
  | { kind: 'array'; items: RubyValue[] }
  | { kind: 'hash'; entries: { key: RubyValue; value: RubyValue }[] }
  /** `-> { "now()" }`: what the block returns (the dumper writes SQL expressions this way). */
  | { kind: 'lambda'; body: RubyValue };

/** A method call, its keyword arguments apart, and its `do |t| … end` block if it has one. */
export interface RubyCall {
  line: number;
  /** What the method is called on, as written: `t`, `ActiveRecord::Schema[7.2]`; none at top level. */
  receiver?: string;
  method: string;
  args: RubyValue[];
  options: Map<string, RubyValue>;
  block?: { params: string[]; body: RubyStatement[] };
}

export type RubyStatement =
  { kind: 'call'; call: RubyCall } | { kind: 'error'; line: number; message: string };

export interface RubyProgram {
  statements: RubyStatement[];
  /** `# Could not dump table …` comments, which say a table is missing from the file. */
  comments: { line: number; text: string }[];
}

class ReadError extends Error {}

const STRING_METHODS: Record<string, (s: string) => string> = {
  squish: (s) => s.trim().replace(/\s+/g, ' '),
  strip: (s) => s.trim(),
  strip_heredoc: (s) => s,
  chomp: (s) => s.replace(/\r?\n$/, ''),
  freeze: (s) => s,
  dup: (s) => s,
};

/** The statements of a Ruby source; never throws. */
export function readRuby(text: string): RubyProgram {
  const all = tokenizeRuby(text);
  const comments = all.flatMap((t) =>
    t.kind === 'comment' ? [{ line: t.line, text: t.value }] : [],
  );
  const tokens = all.filter((t) => t.kind !== 'comment');
  let at = 0;

  const peek = (): RubyToken => tokens[at] ?? { kind: 'newline', line: Number.MAX_SAFE_INTEGER };
  const next = () => tokens[at++] ?? peek();
  const is = (kind: RubyToken['kind'], value?: string, t = peek()) =>
    t.kind === kind && (value === undefined || ('value' in t && t.value === value));
  const expect = (kind: RubyToken['kind'], value: string) => {
    if (!is(kind, value)) throw new ReadError(`expected "${value}" ${found(peek())}`);
    next();
  };
  const skipNewlines = () => {
    while (at < tokens.length && is('newline')) next();
  };

  const value = (): RubyValue => {
    const t = next();
    switch (t.kind) {
      case 'string': {
        let s = t.value;
        // "a" "b" is one string in Ruby.
        while (is('string')) s += (next() as { value: string }).value;
        while (is('punct', '.') && tokens[at + 1]?.kind === 'name') {
          const method = (tokens[at + 1] as { value: string }).value;
          const apply = STRING_METHODS[method];
          if (!apply) throw new ReadError(`a string's method .${method} is not one a schema uses`);
          at += 2;
          s = apply(s);
        }
        return { kind: 'string', value: s };
      }
      case 'words':
        return {
          kind: 'array',
          items: t.values.map((v) => ({ kind: t.symbols ? 'symbol' : 'string', value: v })),
        };
      case 'symbol':
        return { kind: 'symbol', value: t.value };
      case 'number':
        return { kind: 'number', value: t.value, text: t.text };
      case 'name':
        if (t.value === 'true' || t.value === 'false')
          return { kind: 'boolean', value: t.value === 'true' };
        if (t.value === 'nil') return { kind: 'nil' };
        if ((t.value === 'lambda' || t.value === 'proc') && (is('punct', '{') || is('name', 'do')))
          return lambda();
        if (t.value === 'BigDecimal' && is('punct', '(')) {
          next();
          const inner = value();
          expect('punct', ')');
          if (inner.kind !== 'string' && inner.kind !== 'number')
            throw new ReadError('BigDecimal(…) of something other than a number');
          return { kind: 'string', value: inner.kind === 'string' ? inner.value : inner.text };
        }
        throw new ReadError(`"${t.value}" is a name, not a value the schema dumper writes`);
      case 'punct':
        if (t.value === '-' && is('number')) {
          const n = next() as { value: number; text: string };
          return { kind: 'number', value: -n.value, text: '-' + n.text };
        }
        if (t.value === '[') return array();
        if (t.value === '{') return hash();
        if (t.value === '->') {
          if (is('punct', '(')) {
            while (!is('punct', ')') && !is('newline')) next();
            expect('punct', ')');
          }
          return lambda();
        }
        throw new ReadError(`"${t.value}" where a value was expected`);
      case 'error':
        throw new ReadError(t.message);
      default:
        throw new ReadError(`a value was expected ${found(t)}`);
    }
  };

  const array = (): RubyValue => {
    const items: RubyValue[] = [];
    for (;;) {
      skipNewlines();
      if (is('punct', ']')) break;
      items.push(value());
      skipNewlines();
      if (!is('punct', ',')) break;
      next();
    }
    skipNewlines();
    expect('punct', ']');
    return { kind: 'array', items };
  };

  const hash = (): RubyValue => {
    const entries: { key: RubyValue; value: RubyValue }[] = [];
    for (;;) {
      skipNewlines();
      if (is('punct', '}')) break;
      const label = peek();
      let key: RubyValue;
      if (label.kind === 'label') {
        next();
        key = { kind: 'symbol', value: label.value };
      } else {
        key = value();
        expect('punct', '=>');
      }
      skipNewlines();
      entries.push({ key, value: value() });
      skipNewlines();
      if (!is('punct', ',')) break;
      next();
    }
    skipNewlines();
    expect('punct', '}');
    return { kind: 'hash', entries };
  };

  const lambda = (): RubyValue => {
    const brace = is('punct', '{');
    next();
    skipNewlines();
    const body = value();
    skipNewlines();
    if (brace) expect('punct', '}');
    else expect('name', 'end');
    return { kind: 'lambda', body };
  };

  /** One argument: a positional value, or a keyword (`key: v`, `:key => v`, `"key" => v`). */
  const argument = (call: RubyCall) => {
    const t = peek();
    if (t.kind === 'label') {
      next();
      skipNewlines();
      call.options.set(t.value, value());
      return;
    }
    const v = value();
    if (is('punct', '=>')) {
      next();
      if (v.kind !== 'string' && v.kind !== 'symbol')
        throw new ReadError('a keyword that is not a name');
      skipNewlines();
      call.options.set(v.value, value());
      return;
    }
    if (call.options.size > 0) throw new ReadError('a value after the keyword arguments');
    call.args.push(v);
  };

  const statement = (): RubyStatement => {
    const first = peek();
    const line = first.line;
    if (first.kind === 'error') throw new ReadError(first.message);
    if (first.kind !== 'name') throw new ReadError(`a method call was expected ${found(first)}`);
    // The callee: names joined by :: or ., with [index] (ActiveRecord::Schema[7.2].define).
    let path = (next() as { value: string }).value;
    for (;;) {
      if ((is('punct', '::') || is('punct', '.')) && tokens[at + 1]?.kind === 'name') {
        path += (next() as { value: string }).value + (next() as { value: string }).value;
      } else if (is('punct', '[') && /^[A-Z]/.test(path.split(/::|\./).pop() ?? '')) {
        next();
        const index = value();
        expect('punct', ']');
        path += `[${index.kind === 'number' ? index.text : '?'}]`;
      } else break;
    }
    const dot = path.lastIndexOf('.');
    const call: RubyCall = {
      line,
      ...(dot >= 0 ? { receiver: path.slice(0, dot) } : {}),
      method: dot >= 0 ? path.slice(dot + 1) : path,
      args: [],
      options: new Map(),
    };
    if (is('punct', '(')) {
      next();
      for (;;) {
        skipNewlines();
        if (is('punct', ')')) break;
        argument(call);
        skipNewlines();
        if (!is('punct', ',')) break;
        next();
      }
      skipNewlines();
      expect('punct', ')');
    } else if (!is('newline') && !is('name', 'do') && !is('name', 'end')) {
      for (;;) {
        argument(call);
        if (!is('punct', ',')) break;
        next();
        skipNewlines();
      }
    }
    if (is('name', 'do')) {
      next();
      const params: string[] = [];
      if (is('punct', '|')) {
        next();
        while (is('name')) {
          params.push((next() as { value: string }).value);
          if (is('punct', ',')) next();
        }
        expect('punct', '|');
      }
      call.block = { params, body: statements(true) };
      expect('name', 'end');
    }
    if (!is('newline')) throw new ReadError(`the statement goes on ${found(peek())}`);
    return { kind: 'call', call };
  };

  /** Statements up to `end` (inside a block) or the end of the text. */
  const statements = (inBlock: boolean): RubyStatement[] => {
    const out: RubyStatement[] = [];
    for (;;) {
      skipNewlines();
      if (at >= tokens.length) {
        if (inBlock)
          out.push({
            kind: 'error',
            line: peek().line,
            message: 'a block is never closed with end',
          });
        return out;
      }
      if (is('name', 'end')) {
        if (inBlock) return out;
        out.push({ kind: 'error', line: peek().line, message: 'an "end" that closes nothing' });
        next();
        continue;
      }
      const start = at;
      try {
        out.push(statement());
      } catch (thrown) {
        if (!(thrown instanceof ReadError)) throw thrown;
        out.push({ kind: 'error', line: tokens[start]?.line ?? 0, message: thrown.message });
        recover(start);
      }
    }
  };

  /**
   * After a statement that could not be read: on to the end of its first line, and past its
   * block when that line opens one (a create_table the reader could not read is skipped whole).
   */
  const recover = (start: number) => {
    at = start;
    let opensBlock = false;
    while (at < tokens.length && !is('newline')) {
      if (is('name', 'do')) opensBlock = true;
      next();
    }
    if (!opensBlock) return;
    let depth = 1;
    while (at < tokens.length && depth > 0) {
      const t = next();
      const startsLine = tokens[at - 2]?.kind === 'newline';
      if (t.kind === 'name' && t.value === 'do') depth++;
      if (t.kind === 'name' && t.value === 'end' && startsLine) depth--;
    }
  };

  return { statements: statements(false), comments };
}

function found(t: RubyToken): string {
  switch (t.kind) {
    case 'newline':
      return 'but the line ends';
    case 'error':
      return `but ${t.message}`;
    case 'punct':
    case 'name':
      return `but found "${t.value}"`;
    default:
      return `but found a ${t.kind}`;
  }
}
