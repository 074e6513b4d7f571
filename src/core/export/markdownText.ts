/**
 * Writing arbitrary text into GitHub-flavoured Markdown so it renders as written: names, types and
 * SQL in code spans, free text (comments) escaped, and both safe inside a table cell.
 */

/**
 * Free text as Markdown inline content: ASCII punctuation Markdown gives a meaning to is
 * backslash-escaped (`\`, backtick, `*`, `_`, `[`, `]`, `#`, `~`, `|`), `<`, `>` and `&` become
 * entities (so no HTML tag or entity is read), and line breaks become `<br>` so a comment stays in
 * its paragraph or table cell.
 */
export function mdText(text: string): string {
  return text
    .replace(/[\\`*_[\]#~|]/g, (ch) => '\\' + ch)
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replace(/\r\n|\r|\n/g, '<br>');
}

/**
 * A paragraph of free text: as `mdText`, and a first character that would start a list, quote,
 * heading or setext underline is escaped too.
 */
export function mdParagraph(text: string): string {
  return mdText(text.trim())
    .replace(/^([-+=])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

/**
 * A code span: delimited by one more backtick than the longest run inside (code spans have no
 * escapes), padded with a space when the content starts or ends with a backtick or space. Line
 * breaks become spaces; inside a table, `|` is written `\|`, which GFM reads before the code span.
 */
export function mdCode(text: string, inTable = true): string {
  let body = text.replace(/\r\n|\r|\n/g, ' ');
  if (inTable) body = body.replaceAll('|', '\\|');
  const longest = Math.max(0, ...[...body.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  // A span of only spaces keeps them; otherwise one space each side is stripped when both exist.
  const pad = body === '' || /^[` ]|[` ]$/.test(body) ? ' ' : '';
  return fence + pad + body + pad + fence;
}

/** A GFM table; every cell is already Markdown. Pipes at both ends keep empty cells visible. */
export function mdTable(header: string[], rows: string[][]): string[] {
  const line = (cells: string[]) => `| ${cells.map((c) => (c === '' ? ' ' : c)).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)];
}
