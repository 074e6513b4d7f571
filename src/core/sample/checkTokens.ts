/**
 * Tokens of a CHECK expression as PostgreSQL prints it (`pg_get_constraintdef`). Only enough to
 * recognise the simple shapes the sample generator can satisfy; anything else is left to
 * PostgreSQL to judge when the rows are inserted.
 */
export type Token =
  | { kind: 'ident'; text: string; quoted: boolean }
  | { kind: 'string'; text: string }
  | { kind: 'number'; text: string }
  | { kind: 'op'; text: string }
  | { kind: 'punct'; text: string };

const OPERATOR_CHARS = '+-*/<>=~!@#%^&|`?';

export function tokenize(source: string): Token[] | undefined {
  const out: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i] as string;
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === "'" || ((ch === 'E' || ch === 'e') && source[i + 1] === "'")) {
      const start = ch === "'" ? i : i + 1;
      let j = start + 1;
      let text = '';
      for (;;) {
        if (j >= source.length) return undefined;
        if (source[j] === "'") {
          if (source[j + 1] === "'") {
            text += "'";
            j += 2;
            continue;
          }
          break;
        }
        text += source[j];
        j++;
      }
      // E'' strings keep backslash escapes; they are rare in checks, so keep them unrecognised.
      if (start !== i) return undefined;
      out.push({ kind: 'string', text });
      i = j + 1;
    } else if (ch === '"') {
      let j = i + 1;
      let text = '';
      for (;;) {
        if (j >= source.length) return undefined;
        if (source[j] === '"') {
          if (source[j + 1] === '"') {
            text += '"';
            j += 2;
            continue;
          }
          break;
        }
        text += source[j];
        j++;
      }
      out.push({ kind: 'ident', text, quoted: true });
      i = j + 1;
    } else if (/[0-9]/.test(ch) || (ch === '.' && /[0-9]/.test(source[i + 1] ?? ''))) {
      const m = /^[0-9]*\.?[0-9]+(?:[eE][-+]?[0-9]+)?|^[0-9]+\.?/.exec(source.slice(i));
      const text = m?.[0] ?? ch;
      out.push({ kind: 'number', text });
      i += text.length;
    } else if (/[A-Za-z_\u0080-\uffff]/.test(ch)) {
      const m = /^[A-Za-z_\u0080-\uffff][A-Za-z0-9_$\u0080-\uffff]*/.exec(source.slice(i));
      const text = m?.[0] ?? ch;
      out.push({ kind: 'ident', text: text.toLowerCase(), quoted: false });
      i += text.length;
    } else if (ch === ':' && source[i + 1] === ':') {
      out.push({ kind: 'punct', text: '::' });
      i += 2;
    } else if ('()[],.;'.includes(ch)) {
      out.push({ kind: 'punct', text: ch });
      i++;
    } else if (OPERATOR_CHARS.includes(ch)) {
      let j = i;
      while (j < source.length && OPERATOR_CHARS.includes(source[j] as string)) j++;
      out.push({ kind: 'op', text: source.slice(i, j) });
      i = j;
    } else {
      return undefined;
    }
  }
  return out;
}

/** True when the token is the keyword `word` (bare, any case). */
export function isKeyword(token: Token | undefined, word: string): boolean {
  return token?.kind === 'ident' && !token.quoted && token.text === word;
}
