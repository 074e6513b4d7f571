import { describe, expect, it } from 'vitest';
import { nudgeApart } from './nudge';

const line = (...xy: number[]) =>
  Array.from({ length: xy.length / 2 }, (_, i) => ({ x: xy[2 * i]!, y: xy[2 * i + 1]! }));

describe('nudgeApart', () => {
  it('spreads runs that share a channel, and leaves the ends on their rows', () => {
    // Two lines out of the same table side, up the same channel x = 100, to different tables.
    const a = line(0, 50, 100, 50, 100, -200, 300, -200);
    const b = line(0, 80, 100, 80, 100, -100, 300, -100);
    const alone = line(0, 500, 50, 500, 50, 600, 300, 600);
    const before = JSON.stringify(alone);
    nudgeApart([a, b, alone]);
    expect(a[1]!.x).not.toBe(b[1]!.x);
    expect(Math.abs(a[1]!.x - b[1]!.x)).toBeLessThanOrEqual(10);
    // Still orthogonal, ends untouched.
    for (const l of [a, b]) {
      expect(l[1]!.x).toBe(l[2]!.x);
      expect(l[0]!.y).toBe(l[1]!.y);
      expect(l[2]!.y).toBe(l[3]!.y);
    }
    expect(a[0]).toEqual({ x: 0, y: 50 });
    expect(b[3]).toEqual({ x: 300, y: -100 });
    // A line sharing nothing is left as it was.
    expect(JSON.stringify(alone)).toBe(before);
  });

  it("never moves a first or last segment, nor shortens a stub under a crow's foot", () => {
    // The shared run is next to 24 px stubs: moving it inwards is refused.
    const a = line(0, 0, 24, 0, 24, 100, 200, 100);
    const b = line(0, 40, 24, 40, 24, 140, 200, 140);
    nudgeApart([a, b]);
    for (const l of [a, b]) expect(l[1]!.x).toBeGreaterThanOrEqual(23);
    expect(a[1]!.x + b[1]!.x).toBeGreaterThan(48);
    expect(a[0]).toEqual({ x: 0, y: 0 });
    expect(b[3]).toEqual({ x: 200, y: 140 });
  });
});
