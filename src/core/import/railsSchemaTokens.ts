/**
 * The Ruby that Rails' schema dumper writes, as tokens: strings (with Ruby's escapes, heredocs and
 * `%w[]`), symbols, numbers, names, punctuation and the line breaks that end statements. Only the
 * small part of Ruby a `db/schema.rb` uses; anything else becomes an `error` token for its line,
 * so the reader can say where and carry on.
 */

export type RubyToken =
  | { kind: 'string'; value: string; line: number }
  /** `%w[a b]` / `%i[a b]`: an array literal in one token. */
  | { kind: 'words'; values: string[]; symbols: boolean; line: number }
  | { kind: 'symbol'; value: string; line: number }
  /** `name:` or `"name":`, the key of a keyword argument or hash entry. */
  | { kind: 'label'; value: string; line: number }
  | { kind: 'number'; value: number; text: string; line: number }
  | { kind: 'name'; value: string; line: number }
  | { kind: 'punct'; value: string; line: number }
  | { kind: 'newline'; line: number }
  /** A comment the dumper writes when it could not dump a table: the reader reports it. */
  | { kind: 'comment'; value: string; line: number }
  | { kind: 'error'; message: string; line: number };

const PUNCT = ['::', '=>', '->', '(', ')', '[', ']', '{', '}', ',', '.', '|', '=', '-', '+', '*'];
const CLOSERS: Record<string, string> = { '[': ']', '(': ')', '{': '}', '<': '>' };
const SIMPLE_ESCAPES: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  s: ' ',
  e: '\x1b',
  a: '\x07',
  b: '\b',
  f: '\f',
  v: '\v',
  '0': '\0',
};

/** Tokens of `text`; never throws, an unreadable part is an `error` token and the rest goes on. */
export function tokenizeRuby(text: string): RubyToken[] {
  const tokens: RubyToken[] = [];
  let i = 0;
  let line = 1;
  // Heredocs whose bodies start after the current line: their tokens are filled in then.
  let pending: { token: { kind: 'string'; value: string }; id: string; squiggly: boolean }[] = [];

  const fail = (message: string) => {
    tokens.push({ kind: 'error', message, line });
    // Skip to the end of the line: the next line is read afresh.
    while (i < text.length && text[i] !== '\n') i++;
  };

  /** A quoted string's body from i (after the opening quote) to `close`; escapes as Ruby reads them. */
  const readQuoted = (close: string, open: string | undefined, escapes: boolean) => {
    let value = '';
    let depth = 0;
    const start = line;
    while (i < text.length) {
      const c = text[i]!;
      if (c === '\\') {
        const next = text[i + 1] ?? '';
        if (next === '\n') line++;
        if (!escapes) {
          value += next === close || next === '\\' || (open && next === open) ? next : '\\' + next;
          i += 2;
        } else {
          const read = readEscape(text, i + 1);
          value += read.value;
          i = read.end;
        }
        continue;
      }
      if (escapes && c === '#' && text[i + 1] === '{')
        return { error: 'a string with #{…} interpolation, which needs Ruby to run' };
      if (open && c === open) depth++;
      if (c === close) {
        if (depth === 0) {
          i++;
          return { value };
        }
        depth--;
      }
      if (c === '\n') line++;
      value += c;
      i++;
    }
    return { error: `a string opened on line ${start} is never closed` };
  };

  while (i < text.length) {
    const c = text[i]!;
    if (c === '\n') {
      tokens.push({ kind: 'newline', line });
      line++;
      i++;
      if (pending.length) {
        for (const doc of pending) {
          const body = readHeredoc(text, i, doc.id, doc.squiggly);
          if (!body) {
            tokens.push({
              kind: 'error',
              message: `the heredoc <<${doc.id} is never closed`,
              line,
            });
            i = text.length;
            break;
          }
          doc.token.value = body.value;
          line += body.lines;
          i = body.end;
        }
        pending = [];
      }
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    if (c === '\\' && text[i + 1] === '\n') {
      i += 2;
      line++;
      continue;
    }
    if (c === '#') {
      const end = text.indexOf('\n', i);
      const comment = text.slice(i + 1, end < 0 ? text.length : end).trim();
      if (/^Could not dump table/i.test(comment))
        tokens.push({ kind: 'comment', value: comment, line });
      i = end < 0 ? text.length : end;
      continue;
    }
    if (c === '"' || c === "'") {
      i++;
      const read = readQuoted(c, undefined, c === '"');
      if ('error' in read) {
        fail(read.error!);
        continue;
      }
      if (text[i] === ':' && text[i + 1] !== ':') {
        i++;
        tokens.push({ kind: 'label', value: read.value, line });
      } else tokens.push({ kind: 'string', value: read.value, line });
      continue;
    }
    const heredoc =
      c === '<' ? /^<<([~-]?)(['"]?)([A-Za-z_]\w*)\2/.exec(text.slice(i, i + 80)) : null;
    if (heredoc) {
      const token = { kind: 'string' as const, value: '', line };
      tokens.push(token);
      pending.push({ token, id: heredoc[3]!, squiggly: heredoc[1] === '~' });
      i += heredoc[0].length;
      continue;
    }
    const percent = c === '%' ? /^%([wWiIqQ]?)([[({<|!/])/.exec(text.slice(i, i + 3)) : null;
    if (percent) {
      const [whole, type, open] = percent;
      i += whole.length;
      const close = CLOSERS[open!] ?? open!;
      const read = readQuoted(
        close,
        close === open ? undefined : open,
        type === 'Q' || type === '',
      );
      if ('error' in read) {
        fail(read.error!);
        continue;
      }
      if (type && 'wWiI'.includes(type))
        tokens.push({
          kind: 'words',
          values: read.value.split(/\s+/).filter(Boolean),
          symbols: type === 'i' || type === 'I',
          line,
        });
      else tokens.push({ kind: 'string', value: read.value, line });
      continue;
    }
    if (c === ':' && text[i + 1] === '"') {
      i += 2;
      const read = readQuoted('"', undefined, true);
      if ('error' in read) fail(read.error!);
      else tokens.push({ kind: 'symbol', value: read.value, line });
      continue;
    }
    const symbol = c === ':' ? /^:([A-Za-z_]\w*[?!=]?)/.exec(text.slice(i, i + 200)) : null;
    if (symbol && text[i + 1] !== ':') {
      tokens.push({ kind: 'symbol', value: symbol[1]!, line });
      i += symbol[0].length;
      continue;
    }
    const number =
      c >= '0' && c <= '9'
        ? /^\d[\d_]*(\.\d[\d_]*)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 100))
        : null;
    if (number) {
      const clean = number[0].replaceAll('_', '');
      tokens.push({ kind: 'number', value: Number(clean), text: clean, line });
      i += number[0].length;
      continue;
    }
    const name = /^[A-Za-z_]\w*[?!]?/.exec(text.slice(i, i + 200));
    if (name) {
      i += name[0].length;
      if (text[i] === ':' && text[i + 1] !== ':') {
        i++;
        tokens.push({ kind: 'label', value: name[0], line });
      } else tokens.push({ kind: 'name', value: name[0], line });
      continue;
    }
    const punct = PUNCT.find((p) => text.startsWith(p, i));
    if (punct) {
      tokens.push({ kind: 'punct', value: punct, line });
      i += punct.length;
      continue;
    }
    fail(`"${c}" is not part of the Ruby a schema.rb holds`);
  }
  tokens.push({ kind: 'newline', line });
  return tokens;
}

/** One escape of a double-quoted Ruby string, `at` just after the backslash. */
function readEscape(text: string, at: number): { value: string; end: number } {
  const c = text[at] ?? '';
  if (c in SIMPLE_ESCAPES) return { value: SIMPLE_ESCAPES[c]!, end: at + 1 };
  const unicode = /^u\{([0-9a-fA-F ]+)\}|^u([0-9a-fA-F]{4})/.exec(text.slice(at, at + 40));
  if (unicode) {
    const points = (unicode[1] ?? unicode[2]!).trim().split(/\s+/);
    return {
      value: points.map((p) => String.fromCodePoint(parseInt(p, 16))).join(''),
      end: at + unicode[0].length,
    };
  }
  const hex = /^x([0-9a-fA-F]{1,2})/.exec(text.slice(at, at + 3));
  if (hex) return { value: String.fromCharCode(parseInt(hex[1]!, 16)), end: at + hex[0].length };
  const octal = /^[0-7]{1,3}/.exec(text.slice(at, at + 3));
  if (octal)
    return { value: String.fromCharCode(parseInt(octal[0], 8)), end: at + octal[0].length };
  // A line break after a backslash continues the string; any other character stands for itself.
  if (c === '\n') return { value: '', end: at + 1 };
  return { value: c, end: at + 1 };
}

/** A heredoc's body from `start` to its closing identifier; `<<~` strips the common indentation. */
function readHeredoc(
  text: string,
  start: number,
  id: string,
  squiggly: boolean,
): { value: string; end: number; lines: number } | undefined {
  const lines: string[] = [];
  let at = start;
  while (at < text.length) {
    const end = text.indexOf('\n', at);
    const row = text.slice(at, end < 0 ? text.length : end);
    at = end < 0 ? text.length : end + 1;
    if (row.trim() === id) {
      let body = lines;
      if (squiggly) {
        const indents = lines.filter((l) => l.trim()).map((l) => /^[ \t]*/.exec(l)![0].length);
        const cut = indents.length ? Math.min(...indents) : 0;
        body = lines.map((l) => l.slice(cut));
      }
      // The newline that ends the closing line is the statement's own: leave it to the tokenizer.
      const closing = end < 0 ? text.length : end;
      return { value: body.map((l) => l + '\n').join(''), end: closing, lines: lines.length };
    }
    lines.push(row);
  }
  return undefined;
}
