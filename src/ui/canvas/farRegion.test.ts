import { describe, expect, it } from 'vitest';
import { overlayRegion, type ScreenView } from './farRegion';

// A 1,000 x 500 pane at zoom 0.5 showing flow x 0..2,000, y 0..1,000.
const view: ScreenView = { x: 0, y: 0, zoom: 0.5, width: 1000, height: 500 };
const span = (x0: number, y0: number, x1: number, y1: number) => ({ x0, y0, x1, y1 });

describe('overlayRegion', () => {
  it('spans what the drag moves with a quarter screen of room, kept to near the screen', () => {
    const r = overlayRegion(null, span(900, 400, 1100, 600), view, 1);
    // A quarter screen is 500 x 250 flow units at this zoom.
    expect(r).toEqual({ x0: 400, y0: 150, width: 1200, height: 700, zoom: 0.5, dpr: 1 });
    // Near the edge of the screen the room stops a quarter screen past it.
    const edge = overlayRegion(null, span(1900, 900, 2400, 1400), view, 1);
    expect(edge).toEqual({ x0: 1400, y0: 650, width: 1100, height: 600, zoom: 0.5, dpr: 1 });
  });

  it('keeps the same bitmap while what moves stays inside it, a new one once it leaves', () => {
    const first = overlayRegion(null, span(900, 400, 1100, 600), view, 1);
    const nudged = overlayRegion(first, span(1000, 450, 1200, 650), view, 1);
    expect(nudged).toBe(first);
    const gone = overlayRegion(first, span(1500, 450, 1700, 650), view, 1);
    expect(gone).not.toBe(first);
    expect(gone?.x0).toBe(1000);
    // Another zoom or pixel ratio is another bitmap, even over the same span.
    expect(overlayRegion(first, span(900, 400, 1100, 600), { ...view, zoom: 0.6 }, 1)).not.toBe(
      first,
    );
    expect(overlayRegion(first, span(900, 400, 1100, 600), view, 2)).not.toBe(first);
  });

  it('is null with nothing to draw or nothing near the screen', () => {
    expect(overlayRegion(null, null, view, 1)).toBeNull();
    expect(overlayRegion(null, span(9000, 9000, 9100, 9100), view, 1)).toBeNull();
  });
});
