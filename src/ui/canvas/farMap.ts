import type { FarLine } from './farLines';

/** One table as the far-out map draws it, in flow coordinates. */
export interface MapTable {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** The table's colour (a resolved CSS colour). */
  color: string;
  /** Its name as drawn (schema-qualified outside `public`), or null when left out. */
  label: MapLabel | null;
  dimmed: boolean;
  onPath: boolean;
}

/** A placed name: its lines of text and its box, in flow coordinates. */
export interface MapLabel {
  lines: readonly string[];
  cx: number;
  cy: number;
  /** Font size on screen, px. */
  fontPx: number;
}

/** The theme's colours the map is drawn with, resolved from the CSS tokens. */
export interface MapPalette {
  tableBg: string;
  border: string;
  text: string;
  edge: string;
  warn: string;
  path: string;
  dimmedOpacity: number;
  font: string;
}

/** The part of the flow a bitmap covers and the scale it is drawn at. */
export interface MapRegion {
  x0: number;
  y0: number;
  width: number;
  height: number;
  zoom: number;
  /** Device pixels per CSS pixel. */
  dpr: number;
}

const pathCache = new WeakMap<FarLine, Path2D>();
const path2d = (line: FarLine) => {
  let p = pathCache.get(line);
  if (!p) {
    p = new Path2D(line.d);
    pathCache.set(line, p);
  }
  return p;
};

/** `a` mixed into `b` by `t` (0..1), both `#rrggbb`; other forms come back as `a`. */
export function mix(a: string, b: string, t: number): string {
  const pa = /^#([0-9a-f]{6})$/i.exec(a);
  const pb = /^#([0-9a-f]{6})$/i.exec(b);
  if (!pa?.[1] || !pb?.[1]) return a;
  const na = parseInt(pa[1], 16);
  const nb = parseInt(pb[1], 16);
  const ch = (n: number, s: number) => (n >> s) & 255;
  const out = [16, 8, 0].map((s) => Math.round(ch(na, s) * t + ch(nb, s) * (1 - t)));
  return `#${out.map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * Draws the far-out map into `ctx` (sized to `region`): lines under blocks, blocks (true
 * footprint, a band in the table's colour), then names over everything at a fixed size on screen.
 * Everything a pan does not change; what changes per table with a click (selection, hover, focus,
 * errors, search highlight) is drawn by the DOM above it (FarTables).
 */
export function drawFarMap(
  ctx: CanvasRenderingContext2D,
  region: MapRegion,
  tables: readonly MapTable[],
  lines: readonly FarLine[],
  palette: MapPalette,
): void {
  const { zoom, dpr } = region;
  const k = zoom * dpr;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
  // Flow coordinates from here on; widths divided by the scale stay screen widths.
  ctx.setTransform(k, 0, 0, k, -region.x0 * k, -region.y0 * k);
  const px = 1 / zoom;

  ctx.lineCap = 'round';
  for (const line of lines) {
    const onPath = line.className.includes('tw-on-path');
    const mismatch = line.className.includes('is-mismatch');
    ctx.globalAlpha = line.className.includes('tw-dimmed') ? palette.dimmedOpacity : 1;
    ctx.strokeStyle = onPath ? palette.path : mismatch ? palette.warn : palette.edge;
    ctx.lineWidth = (onPath ? 3.5 : 1.25) * px;
    ctx.setLineDash(mismatch ? [5 * px, 3 * px] : []);
    ctx.stroke(path2d(line));
  }
  ctx.setLineDash([]);

  const band = 36;
  for (const t of tables) {
    ctx.globalAlpha = t.dimmed ? palette.dimmedOpacity : 1;
    const r = Math.min(3 * px, t.width / 4, t.height / 4);
    ctx.beginPath();
    ctx.roundRect(t.x, t.y, t.width, t.height, r);
    ctx.fillStyle = mix(t.color, palette.tableBg, 0.12);
    ctx.fill();
    ctx.fillStyle = t.color;
    ctx.fillRect(t.x, t.y, t.width, Math.min(band, t.height));
    ctx.lineWidth = (t.onPath ? 3 : 1) * px;
    ctx.strokeStyle = t.onPath ? palette.path : mix(t.color, palette.border, 0.55);
    ctx.stroke();
  }

  // Names in screen pixels: crisp at any zoom.
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  let font = '';
  for (const t of tables) {
    const label = t.label;
    if (!label) continue;
    const f = `600 ${label.fontPx}px ${palette.font}`;
    if (f !== font) ctx.font = font = f;
    ctx.globalAlpha = t.dimmed ? palette.dimmedOpacity : 1;
    const lineH = label.fontPx * 1.25;
    const cx = (label.cx - region.x0) * zoom;
    const cy = (label.cy - region.y0) * zoom;
    const w = Math.max(...label.lines.map((l) => ctx.measureText(l).width)) + 8;
    const h = lineH * label.lines.length + 2;
    ctx.beginPath();
    ctx.roundRect(cx - w / 2, cy - h / 2, w, h, 4);
    ctx.fillStyle = mix(palette.tableBg, t.color, 0.88);
    ctx.fill();
    ctx.lineWidth = 1;
    ctx.strokeStyle = mix(t.color, palette.tableBg, 0.6);
    ctx.stroke();
    ctx.fillStyle = palette.text;
    label.lines.forEach((l, i) =>
      ctx.fillText(l, cx, cy + (i - (label.lines.length - 1) / 2) * lineH + 0.5),
    );
  }
  ctx.globalAlpha = 1;
}
