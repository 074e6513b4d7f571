import { inflate, overlaps, type Point, type Rect, type Size } from './rect';

/**
 * Rectangles bucketed in a uniform grid, so "does this overlap anything?" looks at a few cells
 * instead of every table (placement asks it thousands of times on a 1,000-table canvas).
 */
export class RectIndex {
  private readonly cells = new Map<string, Rect[]>();
  private readonly items: Rect[] = [];

  constructor(private readonly cellSize = 512) {}

  add(rect: Rect): void {
    this.items.push(rect);
    this.forCells(rect, (key) => {
      const bucket = this.cells.get(key);
      if (bucket) bucket.push(rect);
      else this.cells.set(key, [rect]);
    });
  }

  all(): readonly Rect[] {
    return this.items;
  }

  /** The indexed rectangles that overlap `rect`, each once. */
  overlapping(rect: Rect): Rect[] {
    const found = new Set<Rect>();
    this.forCells(rect, (key) => {
      for (const r of this.cells.get(key) ?? []) if (overlaps(r, rect)) found.add(r);
    });
    return [...found];
  }

  /** True when `rect` overlaps any indexed rectangle. */
  hits(rect: Rect): boolean {
    let hit = false;
    this.forCells(rect, (key) => {
      if (!hit) hit = this.cells.get(key)?.some((r) => overlaps(r, rect)) ?? false;
    });
    return hit;
  }

  private forCells(rect: Rect, visit: (key: string) => void): void {
    const s = this.cellSize;
    const x1 = Math.floor(rect.x / s);
    const x2 = Math.floor((rect.x + rect.width) / s);
    const y1 = Math.floor(rect.y / s);
    const y2 = Math.floor((rect.y + rect.height) / s);
    for (let cx = x1; cx <= x2; cx++) for (let cy = y1; cy <= y2; cy++) visit(`${cx},${cy}`);
  }
}

export interface FreeSpotOptions {
  /** Clear space to keep around every obstacle. */
  gap: number;
  /**
   * Vertical distance counts this many times horizontal distance when ranking spots; above 1,
   * groups built spot by spot grow wider than tall, like a screen.
   */
  yWeight?: number;
}

/**
 * The top-left corner, nearest to `target`, where a box of `size` overlaps no obstacle (keeping
 * `gap` clear). Candidates are the target itself and the spots flush against each obstacle's
 * sides; one right of the rightmost obstacle is always free, so this always finds one.
 */
export function findFreeSpot(
  size: Size,
  target: Point,
  obstacles: RectIndex,
  options: FreeSpotOptions,
): Point {
  const { gap } = options;
  const yWeight = options.yWeight ?? 1;
  const fits = (x: number, y: number) =>
    !obstacles.hits(inflate({ x, y, width: size.width, height: size.height }, gap));
  if (fits(target.x, target.y)) return { x: target.x, y: target.y };

  const xs: number[] = [];
  const ys: number[] = [];
  const push = (x: number, y: number) => {
    xs.push(x);
    ys.push(y);
  };
  for (const o of obstacles.all()) {
    const right = o.x + o.width + gap;
    const left = o.x - gap - size.width;
    const below = o.y + o.height + gap;
    const above = o.y - gap - size.height;
    for (const y of [target.y, o.y, o.y + o.height - size.height]) {
      push(right, y);
      push(left, y);
    }
    for (const x of [target.x, o.x, o.x + o.width - size.width]) {
      push(x, below);
      push(x, above);
    }
  }
  const cost = new Float64Array(xs.length);
  const order = new Uint32Array(xs.length);
  for (let i = 0; i < xs.length; i++) {
    const dx = (xs[i] as number) - target.x;
    const dy = ((ys[i] as number) - target.y) * yWeight;
    cost[i] = dx * dx + dy * dy;
    order[i] = i;
  }
  order.sort((a, b) => (cost[a] as number) - (cost[b] as number));
  for (const i of order) {
    const x = xs[i] as number;
    const y = ys[i] as number;
    if (fits(x, y)) return { x, y };
  }
  // Unreachable (see above), but a value beats an exception if floating point disagrees.
  const maxX = Math.max(...obstacles.all().map((o) => o.x + o.width));
  return { x: maxX + gap + 1, y: target.y };
}
