/**
 * A script with what is not code blanked out, as PostgreSQL's lexer would see it: comments
 * (`--`, nested `/* *\/`), string constants (`'…'` with `''`, `E'…'` with backslash escapes),
 * dollar-quoted bodies (`$fn$ … $fn$`) and double-quoted names become spaces, newlines kept, so
 * offsets and lines are those of the original. What looks for words in code (the dialect
 * detector) then cannot be fooled by a comment or a string that mentions them.
 */
export interface MaskedScript {
  masked: string;
  /** Offsets of MySQL's `/*!40101 … *\/` version comments (comments to PostgreSQL, blanked too). */
  versionComments: number[];
}

const IDENT = /[A-Za-z0-9_$\u0080-\uffff]/;
const DOLLAR_TAG = /\$(?:[A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/y;

export function maskSqlLiterals(text: string): MaskedScript {
  const out = text.split('');
  const versionComments: number[] = [];
  const blank = (from: number, to: number) => {
    for (let k = from; k < to && k < out.length; k++) if (out[k] !== '\n') out[k] = ' ';
  };
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i] as string;
    const next = text[i + 1];
    if (c === '-' && next === '-') {
      const end = text.indexOf('\n', i);
      const stop = end < 0 ? n : end;
      blank(i, stop);
      i = stop;
    } else if (c === '/' && next === '*') {
      if (text[i + 2] === '!') versionComments.push(i);
      const stop = blockCommentEnd(text, i);
      blank(i, stop);
      i = stop;
    } else if (c === "'") {
      const escapes = /[eE]/.test(text[i - 1] ?? '') && !IDENT.test(text[i - 2] ?? '');
      const stop = quotedEnd(text, i, "'", escapes);
      blank(i, stop);
      i = stop;
    } else if (c === '"') {
      const stop = quotedEnd(text, i, '"', false);
      blank(i, stop);
      i = stop;
    } else if (c === '$' && !IDENT.test(text[i - 1] ?? '')) {
      DOLLAR_TAG.lastIndex = i;
      const tag = DOLLAR_TAG.exec(text)?.[0];
      if (tag === undefined) {
        i++;
        continue;
      }
      const close = text.indexOf(tag, i + tag.length);
      const stop = close < 0 ? n : close + tag.length;
      blank(i, stop);
      i = stop;
    } else i++;
  }
  return { masked: out.join(''), versionComments };
}

/** Just past the `*\/` closing the block comment opened at `from` (PostgreSQL's nest). */
function blockCommentEnd(text: string, from: number): number {
  let depth = 0;
  let i = from;
  while (i < text.length) {
    if (text[i] === '/' && text[i + 1] === '*') {
      depth++;
      i += 2;
    } else if (text[i] === '*' && text[i + 1] === '/') {
      depth--;
      i += 2;
      if (depth === 0) return i;
    } else i++;
  }
  return text.length;
}

/** Just past the quote closing the one at `from` (a doubled quote stays inside). */
function quotedEnd(text: string, from: number, quote: string, escapes: boolean): number {
  let i = from + 1;
  while (i < text.length) {
    const c = text[i];
    if (escapes && c === '\\') i += 2;
    else if (c === quote && text[i + 1] === quote) i += 2;
    else if (c === quote) return i + 1;
    else i++;
  }
  return text.length;
}
