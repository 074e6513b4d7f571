import { quoteLiteral } from '../sql/quote';

/**
 * A value for `col ~ 'pattern'` checks made of a plain sequence of characters and classes with
 * counts, like `^\d{11}$` or `^[A-Z]{2}[A-Z0-9]{3}[0-9]{7}$` (ISRC, IPI, ISNI codes). Positions
 * that take digits carry the row number, so values stay distinct; the rest take the first
 * character the class allows. Alternation, groups and the like are out of scope: undefined.
 */
export function regexValue(pattern: string, length?: number): string | undefined {
  const atoms = parsePattern(pattern);
  if (!atoms) return undefined;
  // character(n) pads with spaces, which `$` does not accept: use optional parts to reach n.
  let extra = length === undefined ? 0 : length - atoms.reduce((sum, a) => sum + a.count, 0);
  for (const atom of atoms) {
    const more = Math.min(extra, atom.max - atom.count);
    atom.count += more;
    extra -= more;
  }
  const positions: (string | 'digit')[] = [];
  for (const atom of atoms) {
    for (let i = 0; i < atom.count; i++) positions.push(atom.accepts('5') ? 'digit' : atom.sample);
  }
  const digits = positions.filter((p) => p === 'digit').length;
  const parts: string[] = [];
  let literal = '';
  let digit = 0;
  for (const p of positions) {
    if (p !== 'digit') {
      literal += p;
      continue;
    }
    if (literal) parts.push(quoteLiteral(literal));
    literal = '';
    digit++;
    parts.push(`substr(right(lpad(g::text, ${digits}, '0'), ${digits}), ${digit}, 1)`);
  }
  if (literal) parts.push(quoteLiteral(literal));
  if (parts.length === 0) return "''";
  return '(' + mergeDigits(parts, digits).join(' || ') + ')';
}

/** Consecutive digit positions become one substr call, so the SQL stays short. */
function mergeDigits(parts: string[], digits: number): string[] {
  const out: string[] = [];
  const pad = `right(lpad(g::text, ${digits}, '0'), ${digits})`;
  let runStart = 0;
  let runLength = 0;
  const flush = () => {
    if (runLength > 0) out.push(`substr(${pad}, ${runStart}, ${runLength})`);
    runLength = 0;
  };
  for (const part of parts) {
    const m = /, (\d+), 1\)$/.exec(part);
    if (m && part.startsWith('substr(')) {
      if (runLength === 0) runStart = Number(m[1]);
      runLength++;
    } else {
      flush();
      out.push(part);
    }
  }
  flush();
  return out;
}

interface Atom {
  accepts: (ch: string) => boolean;
  sample: string;
  count: number;
  max: number;
}

const CANDIDATES = 'A0a_-.x';

function parsePattern(source: string): Atom[] | undefined {
  let p = source;
  if (p.startsWith('^')) p = p.slice(1);
  if (p.endsWith('$') && !p.endsWith('\\$')) p = p.slice(0, -1);
  const atoms: Atom[] = [];
  let i = 0;
  while (i < p.length) {
    let accepts: ((ch: string) => boolean) | undefined;
    const ch = p[i] as string;
    if (ch === '[') {
      const end = p.indexOf(']', i + 2);
      if (end < 0) return undefined;
      accepts = bracket(p.slice(i + 1, end));
      i = end + 1;
    } else if (ch === '\\') {
      accepts = escape(p[i + 1] ?? '');
      i += 2;
    } else if (ch === '.') {
      accepts = () => true;
      i++;
    } else if ('()|*+?{}^$'.includes(ch)) {
      return undefined;
    } else {
      accepts = (c) => c === ch;
      i++;
    }
    if (!accepts) return undefined;
    let count = 1;
    let max = 1;
    const quantifier = /^(\{(\d+)(,(\d*))?\}|\?|\*|\+)/.exec(p.slice(i));
    if (quantifier) {
      const q = quantifier[0];
      count = quantifier[2] !== undefined ? Number(quantifier[2]) : q === '+' ? 1 : 0;
      max =
        q === '?'
          ? 1
          : quantifier[3] === undefined
            ? quantifier[2] !== undefined
              ? count
              : 1000
            : quantifier[4]
              ? Number(quantifier[4])
              : 1000;
      i += q.length;
    }
    const fixed = accepts;
    const sample = CANDIDATES.split('').find((c) => fixed(c)) ?? (ch === '\\' ? undefined : ch);
    if (sample === undefined) return undefined;
    atoms.push({ accepts: fixed, sample, count, max });
  }
  return atoms;
}

function escape(ch: string): ((c: string) => boolean) | undefined {
  if (ch === 'd') return (c) => /[0-9]/.test(c);
  if (ch === 'w') return (c) => /\w/.test(c);
  if (ch === 's') return (c) => c === ' ';
  if (/[A-Za-z0-9]/.test(ch)) return undefined;
  return (c) => c === ch;
}

/** A bracket expression's test, e.g. `A-Z0-9`, `\dX`, `-.`, `^abc`. */
function bracket(body: string): ((c: string) => boolean) | undefined {
  const negated = body.startsWith('^');
  const text = negated ? body.slice(1) : body;
  const tests: ((c: string) => boolean)[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === '\\') {
      const t = escape(text[i + 1] ?? '');
      if (!t) return undefined;
      tests.push(t);
      i++;
    } else if (text[i + 1] === '-' && i + 2 < text.length) {
      const to = text[i + 2] as string;
      tests.push((c) => c >= ch && c <= to);
      i += 2;
    } else {
      tests.push((c) => c === ch);
    }
  }
  return (c) => tests.some((t) => t(c)) !== negated;
}
