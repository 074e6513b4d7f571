import type { Box } from './labels';
import type { MapRegion } from './farMap';

/** What the screen shows: the viewport transform and the pane's size in CSS pixels. */
export interface ScreenView {
  x: number;
  y: number;
  zoom: number;
  width: number;
  height: number;
}

/** Most device pixels one bitmap may hold (a 4K screen's worth: about 33 MB). */
export const MAX_MAP_PIXELS = 8_300_000;

const intersect = (a: Box, b: Box): Box | null => {
  const r = {
    x0: Math.max(a.x0, b.x0),
    y0: Math.max(a.y0, b.y0),
    x1: Math.min(a.x1, b.x1),
    y1: Math.min(a.y1, b.y1),
  };
  return r.x0 < r.x1 && r.y0 < r.y1 ? r : null;
};

/** The part of the flow on screen, grown by `margin` screens on every side. */
function visible(view: ScreenView, margin: number): Box {
  const w = view.width / view.zoom;
  const h = view.height / view.zoom;
  const x0 = -view.x / view.zoom;
  const y0 = -view.y / view.zoom;
  return {
    x0: x0 - w * margin,
    y0: y0 - h * margin,
    x1: x0 + w * (1 + margin),
    y1: y0 + h * (1 + margin),
  };
}

/**
 * The bitmap to draw for `bounds` (the map) seen through `view`: the whole map when it fits in a
 * screen and a half around what is shown (as at fit view, where a pan then never draws again),
 * else what is shown and half a screen around it, so a pan draws again only every half screen.
 * Null when none of the map is near the screen.
 */
export function mapRegion(bounds: Box, view: ScreenView, dpr: number): MapRegion | null {
  for (const margin of [0.5, 0.25, 0]) {
    const r = intersect(bounds, visible(view, margin));
    if (!r) return null;
    const width = r.x1 - r.x0;
    const height = r.y1 - r.y0;
    const pixels = width * view.zoom * dpr * (height * view.zoom * dpr);
    if (pixels <= MAX_MAP_PIXELS || margin === 0)
      return { x0: r.x0, y0: r.y0, width, height, zoom: view.zoom, dpr };
  }
  return null;
}

/**
 * Whether `drawn` still serves `view`: drawn at about this zoom (within a fifth; between, the
 * viewport's transform scales it) and covering all of the map that is on screen.
 */
export function regionServes(drawn: MapRegion | null, bounds: Box, view: ScreenView): boolean {
  const shown = intersect(bounds, visible(view, 0));
  if (!shown) return true;
  if (!drawn) return false;
  const ratio = view.zoom / drawn.zoom;
  if (ratio > 1.2 || ratio < 1 / 1.2) return false;
  return (
    shown.x0 >= drawn.x0 - 1e-6 &&
    shown.y0 >= drawn.y0 - 1e-6 &&
    shown.x1 <= drawn.x0 + drawn.width + 1e-6 &&
    shown.y1 <= drawn.y0 + drawn.height + 1e-6
  );
}

/** How much room the overlay keeps around what it draws, in screens (see `overlayRegion`). */
const OVERLAY_ROOM = 0.25;

/**
 * The bitmap for what a drag moves (`span`: the tables in hand and their lines' other ends): the
 * `last` one while it still holds all of `span` near the screen at this zoom, else `span` with a
 * quarter screen of room around it, so a drag resizes (and so reallocates) the bitmap only every
 * quarter screen. Kept to the screen and a quarter around it: far off-screen ends are not drawn.
 * Null when nothing of `span` is near the screen.
 */
export function overlayRegion(
  last: MapRegion | null,
  span: Box | null,
  view: ScreenView,
  dpr: number,
): MapRegion | null {
  if (!span) return null;
  const near = visible(view, OVERLAY_ROOM);
  const shown = intersect(span, near);
  if (!shown) return null;
  if (
    last &&
    last.zoom === view.zoom &&
    last.dpr === dpr &&
    shown.x0 >= last.x0 &&
    shown.y0 >= last.y0 &&
    shown.x1 <= last.x0 + last.width &&
    shown.y1 <= last.y0 + last.height
  )
    return last;
  const roomX = (view.width / view.zoom) * OVERLAY_ROOM;
  const roomY = (view.height / view.zoom) * OVERLAY_ROOM;
  const grown = intersect(
    { x0: shown.x0 - roomX, y0: shown.y0 - roomY, x1: shown.x1 + roomX, y1: shown.y1 + roomY },
    near,
  );
  if (!grown) return null;
  return {
    x0: grown.x0,
    y0: grown.y0,
    width: grown.x1 - grown.x0,
    height: grown.y1 - grown.y0,
    zoom: view.zoom,
    dpr,
  };
}
