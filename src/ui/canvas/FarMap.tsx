import { memo, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { ViewportPortal, useStoreApi, type Node } from '@xyflow/react';
import type { Design, Layout } from '../../core/model';
import { useTheme } from '../common/useTheme';
import { farLines, type FarLine } from './farLines';
import { drawFarMap, type MapPalette, type MapRegion, type MapTable } from './farMap';
import { mapRegion, overlayRegion, regionServes, type ScreenView } from './farRegion';
import { labelZoomBucket, placeMapLabels, type Box, type PlacedLabel } from './labels';
import { sameOrNext, type RelationshipEdge } from './toFlow';

const COLORS = ['slate', 'blue', 'green', 'amber', 'red', 'violet', 'pink', 'teal'];
/** Room around the tables for names reaching past them (px on screen at the drawn zoom). */
const LABEL_ROOM_PX = 160;

/** The theme's tokens as the map draws them, read from the CSS where the canvas sits. */
function readPalette(el: HTMLElement): { palette: MapPalette; colors: Map<string, string> } {
  const probe = document.createElement('canvas').getContext('2d');
  const css = getComputedStyle(el);
  const token = (name: string, fallback: string) => {
    const v = css.getPropertyValue(name).trim() || fallback;
    if (!probe) return v;
    probe.fillStyle = fallback;
    probe.fillStyle = v;
    return String(probe.fillStyle);
  };
  const colors = new Map<string, string>();
  const swatch = document.createElement('span');
  el.append(swatch);
  for (const c of COLORS) {
    swatch.dataset.color = c;
    const v = getComputedStyle(swatch).getPropertyValue('--tw-table-color').trim();
    if (probe) {
      probe.fillStyle = '#64748b';
      probe.fillStyle = v || '#64748b';
    }
    colors.set(c, probe ? String(probe.fillStyle) : v);
  }
  swatch.remove();
  return {
    colors,
    palette: {
      tableBg: token('--tw-table-bg', '#ffffff'),
      border: token('--tw-border', '#d8dde5'),
      text: token('--tw-text', '#1b2430'),
      edge: token('--tw-edge', '#6b7a90'),
      warn: token('--tw-warn', '#b54708'),
      path: token('--tw-path', '#c2410c'),
      dimmedOpacity: Number(css.getPropertyValue('--tw-dimmed-opacity')) || 0.2,
      font: css.getPropertyValue('--tw-font').trim() || 'sans-serif',
    },
  };
}

/** The map's extent: every table, with room for the names that reach past the outer ones. */
function boundsOf(tables: readonly MapTable[], zoom: number): Box | null {
  if (!tables.length) return null;
  const b = { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity };
  for (const t of tables) {
    b.x0 = Math.min(b.x0, t.x);
    b.y0 = Math.min(b.y0, t.y);
    b.x1 = Math.max(b.x1, t.x + t.width);
    b.y1 = Math.max(b.y1, t.y + t.height);
  }
  const room = LABEL_ROOM_PX / zoom;
  return { x0: b.x0 - room, y0: b.y0 - room, x1: b.x1 + room, y1: b.y1 + room };
}

/** The screen view React Flow shows, from its store. */
function screenView(s: { transform: [number, number, number]; width: number; height: number }) {
  const [x, y, zoom] = s.transform;
  return { x, y, zoom, width: s.width, height: s.height };
}

/**
 * Far out, the whole map in one bitmap inside the viewport: table blocks, names and relationship
 * lines. A pan only moves the viewport's transform, which carries the bitmap: nothing is drawn,
 * laid out or re-rendered. It is drawn again when the design, the layout, the emphasis or the
 * theme change, when the zoom changes by a fifth (and once the zoom settles), and when a pan
 * brings in a part of a big map it does not cover. Tables being dragged are drawn on a second,
 * small-cost bitmap, so a drag frame does not redraw the other 999.
 */
export const FarMap = memo(function FarMap({
  design,
  layout,
  nodes,
  edges,
  moving,
}: {
  design: Design;
  layout: Layout;
  nodes: readonly Node[];
  edges: readonly RelationshipEdge[];
  /** Tables in hand (a drag): drawn on the overlay, left out of the base bitmap. */
  moving: ReadonlySet<string>;
}) {
  const flowStore = useStoreApi();
  const theme = useTheme();
  const baseRef = useRef<HTMLCanvasElement>(null);
  const overRef = useRef<HTMLCanvasElement>(null);
  const [view, setView] = useState<ScreenView>(() => screenView(flowStore.getState()));
  const [palette, setPalette] = useState<ReturnType<typeof readPalette> | null>(null);
  useLayoutEffect(() => {
    if (baseRef.current) setPalette(readPalette(baseRef.current));
  }, [theme]);

  const tableNodes = useMemo(() => nodes.filter((n) => n.type === 'table'), [nodes]);
  // Names are placed at the zoom's bucket; during a drag the placement stays (the moved tables'
  // names go with them), so a drag frame does not place 1,000 names again.
  const labelZoom = labelZoomBucket(view.zoom);
  const lastLabels = useRef<{ at: Layout; labels: Map<string, PlacedLabel> } | null>(null);
  const labels = useMemo(() => {
    const last = lastLabels.current;
    if (moving.size && last) return last;
    const shown = new Set(tableNodes.map((n) => n.id));
    return { at: layout, labels: placeMapLabels(design, layout, shown, labelZoom) };
  }, [design, layout, tableNodes, labelZoom, moving]);
  lastLabels.current = labels;

  // A table's drawing is reused while its node, name placement and colour are the same objects,
  // so a drag frame leaves the base bitmap's list unchanged (and the base is not drawn again).
  const tableCache = useRef(
    new WeakMap<
      Node,
      { placed: PlacedLabel | undefined; color: string; at: Layout; table: MapTable }
    >(),
  );
  const tables = useMemo((): MapTable[] => {
    if (!palette) return [];
    return tableNodes.map((n) => {
      const placed = labels.labels.get(n.id);
      const color = palette.colors.get(layout.tables[n.id]?.color ?? 'slate') ?? '#64748b';
      const cached = tableCache.current.get(n);
      if (cached && cached.placed === placed && cached.color === color && cached.at === labels.at)
        return cached.table;
      const from = labels.at.tables[n.id];
      const dx = from ? n.position.x - from.x : 0;
      const dy = from ? n.position.y - from.y : 0;
      const cls = n.className ?? '';
      const table = {
        id: n.id,
        x: n.position.x,
        y: n.position.y,
        width: n.width ?? 0,
        height: n.height ?? 0,
        color,
        label: placed
          ? { lines: placed.lines, cx: placed.cx + dx, cy: placed.cy + dy, fontPx: placed.fontPx }
          : null,
        dimmed: cls.includes('tw-dimmed'),
        onPath: cls.includes('tw-on-path'),
      };
      tableCache.current.set(n, { placed, color, at: labels.at, table });
      return table;
    });
  }, [tableNodes, labels, palette, layout.tables]);
  const lines = useMemo(() => farLines(nodes, edges), [nodes, edges]);

  // What each bitmap draws; the base keeps its arrays while a drag moves only the overlay's.
  const lastBase = useRef<{ tables: MapTable[]; lines: FarLine[] }>({ tables: [], lines: [] });
  const edgeById = useMemo(() => new Map(edges.map((e) => [e.id, e])), [edges]);
  const split = useMemo(() => {
    const byId = edgeById;
    const touches = (l: FarLine) => {
      const e = byId.get(l.id);
      return !!e && (moving.has(e.source) || moving.has(e.target));
    };
    const baseTables = tables.filter((t) => !moving.has(t.id));
    const movingLines = moving.size ? lines.filter(touches) : [];
    const baseLines = moving.size ? lines.filter((l) => !touches(l)) : lines;
    // The tables in hand and those at the other end of their lines: what the overlay must span.
    const ends = new Set(moving);
    for (const l of movingLines) {
      const e = byId.get(l.id);
      if (e) ends.add(e.source).add(e.target);
    }
    return {
      movingTables: moving.size ? tables.filter((t) => moving.has(t.id)) : [],
      movingLines,
      baseTables,
      baseLines,
      overlaySpan: moving.size ? tables.filter((t) => ends.has(t.id)) : [],
    };
  }, [tables, lines, edgeById, moving]);

  // While tables are in hand the map keeps the extent it had: a table dragged past the edge is on
  // the overlay, and a base whose region followed it would be resized and drawn again every frame.
  const stillBounds = useRef<{ zoom: number; box: Box | null } | null>(null);
  const bounds = useMemo(() => {
    const still = stillBounds.current;
    if (moving.size && still?.box && still.zoom === view.zoom) return still.box;
    return boundsOf(tables, view.zoom);
  }, [tables, view.zoom, moving]);
  stillBounds.current = { zoom: view.zoom, box: bounds };
  const [region, setRegion] = useState<MapRegion | null>(null);
  // The region follows the view: redrawn only when the drawn one no longer serves.
  useEffect(() => {
    const dpr = window.devicePixelRatio || 1;
    if (!bounds) return setRegion(null);
    if (!regionServes(region, bounds, view) || region?.dpr !== dpr)
      setRegion(mapRegion(bounds, view, dpr));
  }, [bounds, view, region]);
  // A zoom that settled between two fifths is drawn again at its own scale.
  useEffect(() => {
    if (!region || !bounds || Math.abs(region.zoom - view.zoom) < 1e-9) return;
    const t = setTimeout(() => setRegion(mapRegion(bounds, view, region.dpr)), 150);
    return () => clearTimeout(t);
  }, [region, bounds, view]);
  // The view, from React Flow's store: set only when the drawn region stops serving (a pan at fit
  // view sets nothing), or the zoom changes.
  const regionRef = useRef(region);
  regionRef.current = region;
  const boundsRef = useRef(bounds);
  boundsRef.current = bounds;
  useEffect(
    () =>
      flowStore.subscribe((s) => {
        const next = screenView(s);
        const b = boundsRef.current;
        const r = regionRef.current;
        if (b && regionServes(r, b, next) && r && Math.abs(r.zoom - next.zoom) < 1e-9) return;
        setView(next);
      }),
    [flowStore],
  );

  const base = useMemo(() => {
    const next = {
      tables: sameOrNext(lastBase.current.tables, split.baseTables),
      lines: sameOrNext(lastBase.current.lines, split.baseLines),
    };
    return next.tables === lastBase.current.tables && next.lines === lastBase.current.lines
      ? lastBase.current
      : next;
  }, [split]);
  lastBase.current = base;

  useLayoutEffect(() => {
    const canvas = baseRef.current;
    if (!canvas || !region || !palette) return;
    sizeTo(canvas, region);
    const ctx = canvas.getContext('2d');
    if (ctx) drawFarMap(ctx, region, base.tables, base.lines, palette.palette);
    // What is drawn, for tests and tools that cannot read pixels.
    canvas.dataset.lines = String(lines.length);
    const placed = [...labels.labels.values()];
    canvas.dataset.names = String(placed.length);
    canvas.dataset.namePx = String(Math.min(...placed.map((p) => p.fontPx)));
  }, [base, region, palette, lines.length, labels]);
  // The overlay spans only the tables in hand and their lines, with room to move: a drag frame
  // clears and composites a small bitmap, not one the size of the map, and the bitmap is
  // resized (which reallocates it) only when the tables outgrow it, not on every frame.
  const lastOver = useRef<MapRegion | null>(null);
  const overRegion = useMemo(() => {
    const span = boundsOf(split.overlaySpan, view.zoom);
    const dpr = region?.dpr ?? (window.devicePixelRatio || 1);
    return overlayRegion(lastOver.current, span, screenView(flowStore.getState()), dpr);
  }, [split.overlaySpan, region?.dpr, view.zoom, flowStore]);
  lastOver.current = overRegion;
  useLayoutEffect(() => {
    const canvas = overRef.current;
    if (!canvas || !palette) return;
    if (!overRegion || !split.movingTables.length) {
      canvas.width = canvas.height = 0;
      delete canvas.dataset.lines;
      return;
    }
    sizeTo(canvas, overRegion);
    const ctx = canvas.getContext('2d');
    if (ctx) drawFarMap(ctx, overRegion, split.movingTables, split.movingLines, palette.palette);
    canvas.dataset.lines = String(split.movingLines.length);
  }, [split.movingTables, split.movingLines, overRegion, palette]);

  const style = region
    ? { left: region.x0, top: region.y0, width: region.width, height: region.height }
    : { display: 'none' };
  const overStyle = overRegion
    ? {
        left: overRegion.x0,
        top: overRegion.y0,
        width: overRegion.width,
        height: overRegion.height,
      }
    : { display: 'none' };
  return (
    <ViewportPortal>
      <canvas ref={baseRef} className="tw-far-map" style={style} aria-hidden />
      <canvas ref={overRef} className="tw-far-map-over" style={overStyle} aria-hidden />
    </ViewportPortal>
  );
});

/** A bitmap of the region's size in device pixels (resizing clears it, so only on change). */
function sizeTo(canvas: HTMLCanvasElement, r: MapRegion) {
  const w = Math.max(1, Math.round(r.width * r.zoom * r.dpr));
  const h = Math.max(1, Math.round(r.height * r.zoom * r.dpr));
  if (canvas.width !== w) canvas.width = w;
  if (canvas.height !== h) canvas.height = h;
}
