import { viewsOf, type Design, type Layout, type TableLayout } from '../model';
import { renderEdge } from './svgEdges';
import { renderTable, renderView, type NodeBox } from './svgTable';
import { escapeClean, escapeXml, fitText, num } from './svgText';
import { FONT_SANS, PALETTES, TABLE_COLOR_VALUES, type SvgTheme } from './svgTheme';
import { areaRegions } from '../geometry/areaRegions';

/** Options of `renderDiagramSvg`. */
export interface SvgOptions {
  theme: SvgTheme;
  /** Room around the drawing, in px (default 32). */
  padding?: number;
}

/** A standalone SVG document and its size in px (the size of its viewBox). */
export interface SvgDiagram {
  svg: string;
  width: number;
  height: number;
}

/** Room around a schema's tables inside its box, as `GROUP_PAD` in toFlow. */
const GROUP_PAD = { top: 48, right: 24, bottom: 24, left: 24 };
const ORIGIN: TableLayout = { x: 0, y: 0 };

/**
 * The whole diagram as the canvas draws it, as one SVG 1.1 file: tables (partitions folded into
 * their parent's footer), views, schema boxes when there are several schemas, subject areas as
 * tinted regions in their colour, and every foreign
 * key between drawn tables with crow's-foot ends. Pure and deterministic: no DOM, no fonts or
 * other external references, text widths estimated, output identical for identical input.
 * Coordinates are the canvas's own; the viewBox frames their bounding box plus the padding.
 */
export function renderDiagramSvg(design: Design, layout: Layout, options: SvgOptions): SvgDiagram {
  const palette = PALETTES[options.theme];
  const padding = Math.max(0, options.padding ?? 32);
  const schemaName = (id: string | undefined) => (id ? (design.schemas[id]?.name ?? '') : '');

  // Nodes are drawn into their own buffer first: edges go beneath them but need their boxes.
  const nodes: string[] = [];
  const boxes = new Map<string, NodeBox>();
  const partitions = new Map<string, number>();
  for (const t of Object.values(design.tables)) {
    if (t.partitionOf)
      partitions.set(t.partitionOf.tableId, (partitions.get(t.partitionOf.tableId) ?? 0) + 1);
  }
  const tables = Object.values(design.tables).filter((t) => !t.partitionOf);
  for (const t of tables) {
    const l = layout.tables[t.id] ?? ORIGIN;
    boxes.set(
      t.id,
      renderTable(nodes, t, schemaName(t.schemaId), l, partitions.get(t.id) ?? 0, palette),
    );
  }
  const views: NodeBox[] = [];
  for (const v of viewsOf(design)) {
    if (!v.columns) continue;
    const l = layout.tables[v.id] ?? ORIGIN;
    views.push(
      renderView(
        nodes,
        v.id,
        v.name,
        schemaName(v.schemaId),
        v.kind === 'materializedView',
        v.columns,
        l,
        palette,
      ),
    );
  }

  const groups = Object.keys(design.schemas).length > 1 ? schemaGroups(design, boxes) : [];
  const regions = areaRegions(design, boxes);
  const edges: string[] = [];
  const edgeExtents: Rect[] = [];
  for (const child of tables) {
    for (const k of child.constraints) {
      if (k.kind !== 'foreignKey') continue;
      const parent = design.tables[k.refTableId];
      const childBox = boxes.get(child.id);
      const parentBox = boxes.get(k.refTableId);
      if (parent && childBox && parentBox)
        edgeExtents.push(renderEdge(edges, k, child, parent, childBox, parentBox, palette));
    }
  }

  // Edges count too: a same-side route runs outside both of its tables.
  const frame = bounds(
    [
      ...boxes.values(),
      ...views,
      ...groups.map((g) => g.box),
      ...regions.map((r) => r.box),
      ...edgeExtents,
    ],
    padding,
  );
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="${num(frame.width)}" height="${num(frame.height)}" viewBox="${num(frame.x)} ${num(frame.y)} ${num(frame.width)} ${num(frame.height)}" font-family="${FONT_SANS}" font-size="12">`,
    `<title>${escapeXml(design.name)}</title>`,
    `<rect x="${num(frame.x)}" y="${num(frame.y)}" width="${num(frame.width)}" height="${num(frame.height)}" fill="${palette.background}"/>`,
  ];
  for (const g of groups) {
    const { x, y, width, height } = g.box;
    out.push(
      `<rect x="${num(x + 1)}" y="${num(y + 1)}" width="${num(width - 2)}" height="${num(height - 2)}" rx="13" fill="${palette.panel}" fill-opacity="0.55" stroke="${palette.border}" stroke-width="2"/>`,
      `<text x="${num(x + 16)}" y="${num(y + 32)}" font-size="16" font-weight="700" fill="${palette.muted}">${escapeClean(fitText(g.name, width - 32, 16, { bold: true }))}</text>`,
    );
  }
  for (const { area, box } of regions) {
    const { x, y, width, height } = box;
    const color = TABLE_COLOR_VALUES[area.color];
    out.push(
      `<rect x="${num(x)}" y="${num(y)}" width="${num(width)}" height="${num(height)}" rx="12" fill="${color}" fill-opacity="0.12" stroke="${color}" stroke-width="2"/>`,
      `<text x="${num(x + 12)}" y="${num(y + 26)}" font-size="15" font-weight="700" fill="${color}">${escapeClean(fitText(area.name, width - 24, 15, { bold: true }))}</text>`,
    );
  }
  // Joined part by part: spreading tens of thousands of strings into one push overflows the stack.
  const parts = [out, edges, nodes].filter((p) => p.length > 0).map((p) => p.join('\n'));
  return { svg: `${parts.join('\n')}\n</svg>\n`, width: frame.width, height: frame.height };
}

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The bounding box of `rects` grown by `padding`; an empty design gets a small empty frame. */
function bounds(rects: readonly Rect[], padding: number): Rect {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const r of rects) {
    x0 = Math.min(x0, r.x);
    y0 = Math.min(y0, r.y);
    x1 = Math.max(x1, r.x + r.width);
    y1 = Math.max(y1, r.y + r.height);
  }
  if (x0 > x1)
    return { x: -padding, y: -padding, width: 2 * padding || 1, height: 2 * padding || 1 };
  // Whole pixels outward, so the frame never cuts a border in half.
  const x = Math.floor(x0 - padding);
  const y = Math.floor(y0 - padding);
  return { x, y, width: Math.ceil(x1 + padding) - x, height: Math.ceil(y1 + padding) - y };
}

/** One labelled box per schema around its tables, as the canvas draws them when there are several. */
function schemaGroups(
  design: Design,
  boxes: ReadonlyMap<string, NodeBox>,
): { name: string; box: Rect }[] {
  const bySchema = new Map<string, NodeBox[]>();
  for (const [id, box] of boxes) {
    const schemaId = design.tables[id]?.schemaId;
    if (!schemaId) continue;
    const list = bySchema.get(schemaId) ?? [];
    list.push(box);
    bySchema.set(schemaId, list);
  }
  return [...bySchema].map(([schemaId, list]) => {
    const b = bounds(list, 0);
    return {
      name: design.schemas[schemaId]?.name ?? '',
      box: {
        x: b.x - GROUP_PAD.left,
        y: b.y - GROUP_PAD.top,
        width: b.width + GROUP_PAD.left + GROUP_PAD.right,
        height: b.height + GROUP_PAD.top + GROUP_PAD.bottom,
      },
    };
  });
}
