/**
 * Text for the SVG export: XML-safe, and cut to fit a box without measuring it. An export runs
 * where there is no font engine (Node, a worker), so widths are estimated from a fixed table of
 * character classes: the same input always gives the same output, and a name that would overflow
 * its box in any common sans-serif font gets an ellipsis.
 */

/**
 * What XML 1.0 does not allow in a document (C0 controls but tab, LF and CR; lone surrogates;
 * U+FFFE, U+FFFF), plus C1 controls, which are allowed but render as nothing useful. With the `u`
 * flag a surrogate class matches only unpaired halves, so emoji survive.
 */
const INVALID_XML =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDFFF]/gu;
/** Names are drawn on one line: a tab or line break inside one becomes a space. */
const LINE_BREAKS = /[\t\n\r\u2028\u2029]/g;
const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text as it may be drawn: invalid characters removed, line breaks flattened. */
export function cleanText(text: string): string {
  return text.replace(INVALID_XML, '').replace(LINE_BREAKS, ' ');
}

/** Escapes for element content and for attribute values alike (both quote kinds). */
export function escapeXml(text: string): string {
  return escapeClean(cleanText(text));
}

/** `escapeXml` for text already cleaned (what `fitText` returns): skips the cleaning pass. */
export function escapeClean(text: string): string {
  return /[&<>"']/.test(text) ? text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c) : text;
}

/**
 * Advances in em of the ASCII characters, sized on DejaVu Sans, the widest font of the stack
 * (what Linux falls back to): narrow punctuation and i/l/j/t/f/r, wide m/w/M/W/@/%, digits and
 * capitals wider than lower case. Estimating wide means a cut name fits in any of the fonts.
 */
const ASCII = new Float64Array(128).map((_, code) => {
  const ch = String.fromCharCode(code);
  if ("iljtfrI1|!.,:;'`()[]{} ".includes(ch)) return 0.32;
  if ('mwMW@%'.includes(ch)) return 0.9;
  if (ch >= 'A' && ch <= 'Z') return 0.72;
  if (ch >= '0' && ch <= '9') return 0.64;
  return 0.6;
});

/** Estimated advance of one code point in em, for a proportional (or, with `mono`, fixed) font. */
function advance(cp: number, mono: boolean): number {
  // Combining marks, zero-width joiners and variation selectors take no room of their own.
  if ((cp >= 0x300 && cp <= 0x36f) || cp === 0x200d || (cp >= 0xfe00 && cp <= 0xfe0f)) return 0;
  // CJK, emoji and other wide scripts: a full em in any font.
  if (cp >= 0x2e80) return 1;
  if (mono) return 0.6;
  return cp < 128 ? (ASCII[cp] ?? 0.6) : 0.6;
}

type Font = { mono?: boolean; bold?: boolean };
const scaleOf = (fontSize: number, font: Font) => fontSize * (font.bold ? 1.12 : 1);

/** Estimated width in px of `text` (already cleaned) at `fontSize`; bold is a little wider. */
export function textWidth(text: string, fontSize: number, font: Font = {}): number {
  let em = 0;
  // Indexed by code point rather than `for...of`, which allocates a string per character.
  for (let i = 0; i < text.length;) {
    const cp = text.codePointAt(i) ?? 0;
    em += advance(cp, !!font.mono);
    i += cp > 0xffff ? 2 : 1;
  }
  return em * scaleOf(fontSize, font);
}

const ELLIPSIS = '\u2026';

/**
 * `text` cleaned and, when its estimated width exceeds `maxWidth`, cut at a code point (never
 * inside a surrogate pair) and ended with an ellipsis. Returns plain text: escape it after.
 */
export function fitText(text: string, maxWidth: number, fontSize: number, font: Font = {}): string {
  const clean = cleanText(text);
  if (textWidth(clean, fontSize, font) <= maxWidth) return clean;
  const budget = maxWidth - textWidth(ELLIPSIS, fontSize, font);
  const scale = scaleOf(fontSize, font);
  let used = 0;
  let end = 0;
  while (end < clean.length) {
    const cp = clean.codePointAt(end) ?? 0;
    used += advance(cp, !!font.mono) * scale;
    if (used > budget) break;
    end += cp > 0xffff ? 2 : 1;
  }
  // A joiner or a space left dangling before the ellipsis reads as a glitch.
  return clean.slice(0, end).replace(/(?:\u200d|\ufe0f|\s)+$/u, '') + ELLIPSIS;
}

/** A coordinate with at most two decimals and no `-0`, so output is stable and short. */
export function num(n: number): string {
  const r = Math.round(n * 100) / 100;
  return Object.is(r, -0) ? '0' : String(r);
}
