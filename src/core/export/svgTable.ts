import {
  foreignKeysOf,
  isPrimaryKeyColumn,
  isSingleColumnUnique,
  type RawColumn,
  type Table,
  type TableLayout,
} from '../model';
import { shortTypeName } from '../model/typeNames';
import {
  boxHeight,
  FOOTER_HEIGHT,
  FOOTER_PAD_X,
  HEADER_CENTER_Y,
  HEADER_HEIGHT,
  HEADER_PAD_X,
  NODE_WIDTH,
  ROW_CELLS,
  rowCenterY,
  visibleColumns,
} from '../geometry/tableGeometry';
import { cleanText, escapeClean, fitText, num, textWidth } from './svgText';
import { FONT_MONO, HEADER_TEXT, tableColor, VIEW_HEADER, type SvgPalette } from './svgTheme';

/** A drawn box, and where each of its visible columns sits (row index), for routing edges. */
export interface NodeBox {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
  rows: Map<string, number>;
}

/** The y of a baseline that centres text of `size` px on `centerY` (no dominant-baseline: renderers differ). */
const baseline = (centerY: number, size: number) => num(centerY + size * 0.35);

interface Row {
  key: string;
  name: string;
  type: string;
  nullable: boolean;
}

interface BoxSpec {
  x: number;
  y: number;
  width: number;
  /** Schema prefix (empty for public) and name, drawn in the header. */
  prefix: string;
  name: string;
  tag: string;
  headerColor: string;
  rows: Row[];
  footer: string;
  dashed: boolean;
}

/** Draws one table and returns its box. `partitions` is how many partitions fold under it. */
export function renderTable(
  out: string[],
  table: Table,
  schemaName: string,
  l: TableLayout,
  partitions: number,
  palette: SvgPalette,
): NodeBox {
  const collapsed = !!l.collapsed;
  const columns = visibleColumns(table, collapsed);
  const fkColumns = new Set(foreignKeysOf(table).flatMap((k) => k.columnIds));
  const rows = columns.map((c) => ({
    key: isPrimaryKeyColumn(table, c.id)
      ? 'PK'
      : fkColumns.has(c.id)
        ? 'FK'
        : isSingleColumnUnique(table, c.id)
          ? 'UQ'
          : '',
    name: c.name,
    type: shortTypeName(c.type),
    nullable: c.nullable,
  }));
  const footer = [
    partitions > 0 ? `${partitions} ${partitions === 1 ? 'partition' : 'partitions'}` : '',
    collapsed ? `${table.columns.length - columns.length} more` : '',
  ]
    .filter(Boolean)
    .join(' \u00b7 ');
  const width = l.width ?? NODE_WIDTH;
  const spec: BoxSpec = {
    x: l.x,
    y: l.y,
    width,
    prefix: schemaName && schemaName !== 'public' ? `${schemaName}.` : '',
    name: table.name,
    tag: table.partitionBy ? 'PARTITIONED' : '',
    headerColor: tableColor(l.color),
    rows,
    footer,
    dashed: false,
  };
  drawBox(out, spec, palette);
  return box(
    table.id,
    spec,
    columns.map((c) => c.id),
  );
}

/** Draws a view or materialized view: read-only, so a dashed border, a slate header and a tag. */
export function renderView(
  out: string[],
  id: string,
  name: string,
  schemaName: string,
  materialized: boolean,
  columns: readonly RawColumn[],
  l: { x: number; y: number },
  palette: SvgPalette,
): NodeBox {
  const spec: BoxSpec = {
    x: l.x,
    y: l.y,
    width: NODE_WIDTH,
    prefix: schemaName && schemaName !== 'public' ? `${schemaName}.` : '',
    name,
    tag: materialized ? 'MATERIALIZED VIEW' : 'VIEW',
    headerColor: VIEW_HEADER,
    rows: columns.map((c) => ({
      key: '',
      name: c.name,
      type: shortTypeName(c.type),
      nullable: false,
    })),
    footer: 'read-only, edit in the DDL',
    dashed: true,
  };
  drawBox(out, spec, palette);
  return box(id, spec, []);
}

function box(id: string, spec: BoxSpec, columnIds: string[]): NodeBox {
  const height = boxHeight(spec.rows.length);
  return {
    id,
    x: spec.x,
    y: spec.y,
    width: spec.width,
    height,
    rows: new Map(columnIds.map((c, i) => [c, i])),
  };
}

function drawBox(out: string[], s: BoxSpec, p: SvgPalette): void {
  const w = s.width;
  const h = boxHeight(s.rows.length);
  const kind = s.dashed ? 'view' : 'table';
  out.push(`<g class="tw-${kind}" transform="translate(${num(s.x)} ${num(s.y)})">`);
  // Background, header, content, then the border on top so the header does not cover it.
  out.push(
    `<rect x="0.5" y="0.5" width="${num(w - 1)}" height="${num(h - 1)}" rx="7.5" fill="${p.tableBackground}"/>`,
  );
  out.push(
    `<path d="M0.5 ${HEADER_HEIGHT}V8A7.5 7.5 0 0 1 8 0.5H${num(w - 8)}A7.5 7.5 0 0 1 ${num(w - 0.5)} 8V${HEADER_HEIGHT}Z" fill="${s.headerColor}"/>`,
  );
  drawHeader(out, s);
  drawRows(out, s.rows, w, p);
  const footerTop = h - FOOTER_HEIGHT;
  out.push(`<path d="M0.5 ${num(footerTop)}H${num(w - 0.5)}" stroke="${p.border}"/>`);
  if (s.footer) {
    const text = escapeClean(fitText(s.footer, w - 2 * FOOTER_PAD_X, 12));
    out.push(
      `<text x="${FOOTER_PAD_X}" y="${baseline(footerTop + FOOTER_HEIGHT / 2, 12)}" font-size="12" fill="${p.muted}">${text}</text>`,
    );
  }
  const dash = s.dashed ? ' stroke-dasharray="4 3"' : '';
  out.push(
    `<rect x="0.5" y="0.5" width="${num(w - 1)}" height="${num(h - 1)}" rx="7.5" fill="none" stroke="${p.border}"${dash}/>`,
  );
  out.push('</g>');
}

function drawHeader(out: string[], s: BoxSpec): void {
  const y = baseline(HEADER_CENTER_Y, 13);
  let room = s.width - 2 * HEADER_PAD_X;
  if (s.tag) {
    const tagWidth = textWidth(s.tag, 10);
    out.push(
      `<text x="${num(s.width - HEADER_PAD_X)}" y="${baseline(HEADER_CENTER_Y, 10)}" font-size="10" font-weight="500" fill="${HEADER_TEXT}" fill-opacity="0.85" text-anchor="end">${s.tag}</text>`,
    );
    room -= tagWidth + 6;
  }
  const prefix = cleanText(s.prefix);
  const fitted = fitText(prefix + s.name, room, 13, { bold: true });
  // The schema prefix is dimmer, as on the canvas; when the cut falls inside it, all of it is.
  const dim = fitted.startsWith(prefix) ? prefix : fitted;
  const rest = fitted.slice(dim.length);
  const dimPart = dim
    ? `<tspan font-weight="400" fill-opacity="0.75">${escapeClean(dim)}</tspan>`
    : '';
  out.push(
    `<text x="${HEADER_PAD_X}" y="${y}" font-size="13" font-weight="600" fill="${HEADER_TEXT}">${dimPart}${escapeClean(rest)}</text>`,
  );
}

/**
 * The rows, as four groups of texts sharing their attributes (keys, names, types, `?`): a large
 * design has tens of thousands of rows, and repeating a font stack on each would double the file.
 */
function drawRows(out: string[], rows: readonly Row[], w: number, p: SvgPalette): void {
  if (rows.length === 0) return;
  // The cells of a canvas row, left to right (the canvas CSS reads the same numbers).
  const { padLeft, padRight, gap, keyCell, nullCell, typeMax } = ROW_CELLS;
  const typeRight = num(w - padRight - nullCell - gap);
  const nameLeft = padLeft + keyCell + gap;
  const keys: string[] = [];
  const names: string[] = [];
  const types: string[] = [];
  const nulls: string[] = [];
  rows.forEach((row, i) => {
    const centerY = rowCenterY(i);
    const type = fitText(row.type, typeMax, 11, { mono: true });
    const typeWidth = textWidth(type, 11, { mono: true });
    const room = Math.max(0, w - padRight - nullCell - gap - typeWidth - gap - nameLeft);
    const y = baseline(centerY, 12);
    if (row.key) keys.push(`<text x="${padLeft}" y="${baseline(centerY, 9)}">${row.key}</text>`);
    names.push(`<text x="${nameLeft}" y="${y}">${escapeClean(fitText(row.name, room, 12))}</text>`);
    types.push(`<text x="${typeRight}" y="${baseline(centerY, 11)}">${escapeClean(type)}</text>`);
    if (row.nullable) nulls.push(`<text x="${num(w - padRight - nullCell)}" y="${y}">?</text>`);
  });
  if (keys.length)
    out.push(`<g font-size="9" font-weight="700" fill="${p.warn}">`, ...keys, '</g>');
  out.push(`<g font-size="12" fill="${p.text}">`, ...names, '</g>');
  out.push(
    `<g font-size="11" font-family="${FONT_MONO}" fill="${p.muted}" text-anchor="end">`,
    ...types,
    '</g>',
  );
  if (nulls.length) out.push(`<g font-size="12" fill="${p.muted}">`, ...nulls, '</g>');
}
