import type { TableColor } from '../model';

/**
 * The canvas palette for the SVG export. An exported file cannot read CSS variables, so the
 * values of `src/ui/styles.css` (the `--tw-*` tokens of :root and [data-theme='dark'], and the
 * `[data-color]` table colors) are restated here; change both together.
 */
export interface SvgPalette {
  background: string;
  panel: string;
  border: string;
  text: string;
  muted: string;
  /** Key markers (PK/FK/UQ) and mismatched-type edges, as on the canvas. */
  warn: string;
  tableBackground: string;
  edge: string;
}

export type SvgTheme = 'light' | 'dark';

export const PALETTES: Record<SvgTheme, SvgPalette> = {
  light: {
    background: '#f6f7f9',
    panel: '#ffffff',
    border: '#d8dde5',
    text: '#1b2430',
    muted: '#5d6b7e',
    warn: '#b54708',
    tableBackground: '#ffffff',
    edge: '#6b7a90',
  },
  dark: {
    background: '#0f141b',
    panel: '#161c25',
    border: '#2c3644',
    text: '#e4e9f0',
    muted: '#98a5b8',
    warn: '#fdb022',
    tableBackground: '#1b2330',
    edge: '#8593a8',
  },
};

/** Header colors by palette key; the same in both themes, as in styles.css. */
export const TABLE_COLOR_VALUES: Record<TableColor, string> = {
  slate: '#64748b',
  blue: '#2563eb',
  green: '#16a34a',
  amber: '#d97706',
  red: '#dc2626',
  violet: '#7c3aed',
  pink: '#db2777',
  teal: '#0d9488',
};

/** A layout color key to its value; unknown keys (newer documents, hand edits) fall back to slate. */
export function tableColor(key: string | undefined): string {
  // hasOwn: a key like `constructor` must not reach Object.prototype.
  return key && Object.hasOwn(TABLE_COLOR_VALUES, key)
    ? TABLE_COLOR_VALUES[key as TableColor]
    : TABLE_COLOR_VALUES.slate;
}

/** View headers: the darker of the two slates the canvas stripes them with. */
export const VIEW_HEADER = '#475569';
/** Header text sits on a saturated color in both themes. */
export const HEADER_TEXT = '#ffffff';

/** styles.css `--tw-font` and `--tw-mono`: system fonts only, each ending in a generic family. */
export const FONT_SANS =
  "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif";
export const FONT_MONO =
  "ui-monospace, 'SFMono-Regular', Menlo, Consolas, 'Liberation Mono', monospace";
