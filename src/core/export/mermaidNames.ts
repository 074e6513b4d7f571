/**
 * Making names and free text safe for Mermaid's `erDiagram` grammar (mermaid 11, the jison lexer in
 * `src/diagrams/er/parser/erDiagram.jison`). What its lexer allows where we write:
 * - an entity id: a run of word characters, non-ASCII, `-`, `*` or `.`; but words such as `one`,
 *   `many`, `to`, `end`, `class` lex as keywords, and a leading digit lexes as a number;
 * - a quoted label (`id["label"]`): anything but `"`, `%`, `\` and line breaks;
 * - an attribute type or name: a word of letters, digits and `-_[]().,*`, or anything but a
 *   backtick inside backticks; a word that starts with PK/FK/UK lexes as a key marker;
 * - a comment or relationship label: anything but `"` inside double quotes.
 * Anywhere in the text, `%%{` starts a directive, and when rendering, `#name;` is an entity code.
 * Labels are rendered as Markdown with HTML, so `<` and `>` are written as Mermaid's `#lt;`/`#gt;`.
 */

/** Words the lexer takes as keywords when they stand alone where an entity id is expected. */
const RESERVED_ID =
  /^(?:erdiagram|one|many|only|zero|to|end|class|classdef|style|subgraph|direction|acctitle|accdescr|u|o|title)$/i;

/** A bare entity id we are willing to write: ASCII word characters, not starting with a digit. */
const SIMPLE_ID = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Mermaid's ATTRIBUTE_WORD token (its regex has no `u` flag, so it matches UTF-16 code units). */
const ATTRIBUTE_WORD = /^[*A-Za-z_\u00C0-\uFFFF][A-Za-z0-9\-_[\]().,\u00C0-\uFFFF*]*$/;
const KEY_PREFIX = /^(?:pk|fk|uk)\b/i;

/** Line breaks and other control characters would end a token or a line: one space each. */
function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ');
}

/**
 * Text that renders as written: `#` before `word;` (which Mermaid would read as an entity code)
 * becomes `#35;`, `<`/`>` become `#lt;`/`#gt;` (labels are HTML), `*` and `_` that Markdown would
 * read as emphasis become `#42;`/`#95;`, `%%` is broken up so it can never
 * start a directive, and the pattern that Mermaid's lexer reads as a `direction` statement
 * anywhere on a line is broken with a zero-width space.
 */
function renderSafe(text: string): string {
  return (
    oneLine(text)
      .replace(/#(?=\w+;)/g, '#35;')
      .replaceAll('<', '#lt;')
      .replaceAll('>', '#gt;')
      // Labels are Markdown: `*` and a `_` at the edge of a word would turn into emphasis.
      .replaceAll('*', '#42;')
      .replace(/(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])/g, '#95;')
      .replace(/%(?=%)/g, '%\u200b')
      .replace(/(direction)(\s+(?:TB|BT|RL|LR))/gi, '$1\u200b$2')
  );
}

/** A quoted entity label: no `"`, `%` or `\` are possible, so they become look-alikes. */
export function mermaidLabel(text: string): string {
  const safe = renderSafe(text)
    .replaceAll('"', "'")
    .replaceAll('%', '\uff05')
    .replaceAll('\\', '\uff3c');
  // An empty quoted label does not lex; a lone space keeps the box.
  return '"' + (safe.trim() === '' ? ' ' : safe) + '"';
}

/** A double-quoted comment or relationship label (the lexer takes anything but `"`). */
export function mermaidQuoted(text: string): string {
  return '"' + renderSafe(text).replaceAll('"', "'") + '"';
}

/** An attribute's type or name: bare when the lexer reads it as one word, in backticks otherwise. */
export function mermaidWord(text: string): string {
  const line = oneLine(text);
  if (ATTRIBUTE_WORD.test(line) && !KEY_PREFIX.test(line) && renderSafe(line) === line) return line;
  const inner = renderSafe(line).replaceAll('`', "'");
  return '`' + (inner.trim() === '' ? '?' : inner) + '`';
}

/**
 * Assigns every table an entity id: its name when that is a plain identifier (the common case, and
 * what makes the text readable), otherwise a slug of it; `_2`, `_3`... keep ids unique. Returns
 * whether the id differs from what should be displayed, so the caller writes `id["label"]`.
 */
export function createEntityIds(): (displayName: string) => { id: string; aliased: boolean } {
  const taken = new Set<string>();
  return (displayName) => {
    const plain = SIMPLE_ID.test(displayName) && !RESERVED_ID.test(displayName);
    let base = plain ? displayName : slug(displayName);
    if (RESERVED_ID.test(base)) base += '_';
    let id = base;
    for (let n = 2; taken.has(id.toLowerCase()); n++) id = `${base}_${n}`;
    // Compared case-insensitively: the lexer's keyword rules are, and a reader would confuse them.
    taken.add(id.toLowerCase());
    return { id, aliased: id !== displayName };
  };
}

/** ASCII letters, digits and `_` only; anything else collapses to `_`. */
function slug(name: string): string {
  const s = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9_]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (s === '') return 'table';
  return /^[0-9]/.test(s) ? 't_' + s : s;
}
