import type { Design, Layout } from '../core/model';
import { lineEnd, type LineSide } from '../core/geometry/lineEnds';
import { NODE_WIDTH } from '../core/geometry/tableGeometry';
import type { LayoutProgress, RoutesPatch } from './autoLayout';
import { RectIndex } from './freeSpot';
import type { ClusterRoute } from './layered';
import { canvasNodes } from './nodes';
import { nudgeApart } from './nudge';
import { orthoRoute, simplify } from './orthoRoute';
import type { Point, Rect } from './rect';

/** Straight run out of a table before a line may turn: room for the crow's foot (22 px). */
export const STUB = 28;
/** How far around the two ends the router looks for a way, tried in turn. */
const WINDOWS = [240, 720];

/**
 * Every foreign key touching a moved table, routed among the final positions: ELK's routes inside
 * each cluster (moved with their cluster, ends snapped to the whole-pixel rows), and for the lines
 * between clusters an orthogonal path around every drawn node (`orthoRoute`). A line no route is
 * found for is left out: the canvas draws it its own way. Self-references are never routed.
 */
export function routeLines(
  design: Design,
  layout: Layout,
  options: {
    clusterRoutes: readonly ClusterRoute[];
    moved: ReadonlySet<string>;
    onProgress?: (progress: LayoutProgress) => void;
  },
): RoutesPatch {
  const routes: RoutesPatch = {};
  const fromCluster = new Map(options.clusterRoutes.map((r) => [r.id, r]));
  const obstacles = new RectIndex(512);
  const owner = new Map<Rect, string>();
  for (const node of canvasNodes(design, layout)) {
    const at = layout.tables[node.id] ?? { x: 0, y: 0 };
    const box = { x: at.x, y: at.y, width: node.width, height: node.height };
    obstacles.add(box);
    owner.set(box, node.id);
  }
  // A line may run through no table but its own two.
  const crossesOther = (points: readonly Point[], line: Line) =>
    points.some((a, i) => {
      const b = points[i - 1];
      if (!b) return false;
      const segment = {
        x: Math.min(a.x, b.x),
        y: Math.min(a.y, b.y),
        width: Math.abs(a.x - b.x),
        height: Math.abs(a.y - b.y),
      };
      return obstacles.overlapping(segment).some((r) => {
        const id = owner.get(r);
        return id !== line.child.id && id !== line.parent.id;
      });
    });
  const todo = linesToRoute(design, layout, options.moved);
  const report = options.onProgress ?? (() => {});
  report({ phase: 'routing', done: 0, total: todo.length });
  let done = 0;
  const routed = new Map<string, Point[]>();
  const ours: Point[][] = [];
  for (const line of todo) {
    // ELK routes a line around its own cluster's tables; one that swings out of the cluster (a
    // line against the layering) may cross a neighbour's: that one is routed among them all.
    const elk = fromCluster.get(line.k.id);
    let points = routeOne(line, elk, obstacles);
    let ourOwn = !elk;
    if (points && elk && crossesOther(points, line)) {
      points = routeOne(line, undefined, obstacles);
      ourOwn = true;
    }
    if (points) {
      routed.set(line.k.id, points);
      if (ourOwn) ours.push(points);
    }
    if (++done % PROGRESS_EVERY === 0) report({ phase: 'routing', done, total: todo.length });
  }
  // ELK keeps its lines apart; the router's may share a channel.
  nudgeApart(ours);
  for (const [id, points] of routed) routes[id] = { points: points.flatMap((p) => [p.x, p.y]) };
  return routes;
}

type Line = ReturnType<typeof linesToRoute>[number];

/** ELK's route for a line inside a cluster, moved with it; else a path found among the obstacles. */
function routeOne(
  { child, parent, childAt, parentAt, childColumn, parentColumn }: Line,
  elk: ClusterRoute | undefined,
  obstacles: RectIndex,
): Point[] | null {
  if (elk) {
    const from = lineEnd(child, childAt, childColumn, 'l');
    const to = lineEnd(parent, parentAt, parentColumn, 'r');
    const moved = pairs(elk.points).map((p) => ({
      x: Math.round(childAt.x + p.x),
      y: Math.round(childAt.y + p.y),
    }));
    return snapEnds(moved, from, to);
  }
  const [childSide, parentSide] = facingSides(childAt, parentAt);
  const from = lineEnd(child, childAt, childColumn, childSide);
  const to = lineEnd(parent, parentAt, parentColumn, parentSide);
  return routeBetween(from, childSide, to, parentSide, obstacles);
}

/** Lines between progress reports: often enough to move the bar, rarely enough to cost nothing. */
const PROGRESS_EVERY = 100;

/** The foreign keys touching a moved table, between two placed, drawn tables (not to itself). */
function linesToRoute(design: Design, layout: Layout, moved: ReadonlySet<string>) {
  const todo = [];
  for (const child of Object.values(design.tables)) {
    if (child.partitionOf) continue;
    for (const k of child.constraints) {
      if (k.kind !== 'foreignKey' || k.refTableId === child.id) continue;
      const parent = design.tables[k.refTableId];
      const childAt = layout.tables[child.id];
      const parentAt = parent && layout.tables[parent.id];
      const childColumn = k.columnIds[0];
      const parentColumn = k.refColumnIds[0];
      if (!parent || parent.partitionOf || !childAt || !parentAt || !childColumn || !parentColumn)
        continue;
      if (!moved.has(child.id) && !moved.has(parent.id)) continue;
      todo.push({ k, child, parent, childAt, parentAt, childColumn, parentColumn });
    }
  }
  return todo;
}

/** The sides of two tables that face each other (tables side by side), as the canvas picks them. */
function facingSides(
  child: { x: number; width?: number | undefined },
  parent: { x: number; width?: number | undefined },
): [LineSide, LineSide] {
  const dx =
    parent.x + (parent.width ?? NODE_WIDTH) / 2 - (child.x + (child.width ?? NODE_WIDTH) / 2);
  return dx > 0 ? ['r', 'l'] : ['l', 'r'];
}

/** A line from one column row to another, out of each side by `STUB`, around every obstacle. */
function routeBetween(
  from: Point,
  fromSide: LineSide,
  to: Point,
  toSide: LineSide,
  obstacles: RectIndex,
): Point[] | null {
  const fromDir = fromSide === 'r' ? 1 : -1;
  const toDir = toSide === 'r' ? 1 : -1;
  const a = { x: from.x + fromDir * STUB, y: from.y };
  const b = { x: to.x + toDir * STUB, y: to.y };
  for (const margin of WINDOWS) {
    const window: Rect = {
      x: Math.min(a.x, b.x) - margin,
      y: Math.min(a.y, b.y) - margin,
      width: Math.abs(a.x - b.x) + 2 * margin,
      height: Math.abs(a.y - b.y) + 2 * margin,
    };
    const path = orthoRoute(a, fromDir, b, toDir, obstacles.overlapping(window), window);
    if (path) return simplify([from, ...path, to]);
  }
  return null;
}

function pairs(flat: readonly number[]): Point[] {
  const out: Point[] = [];
  for (let i = 0; i + 1 < flat.length; i += 2)
    out.push({ x: flat[i] as number, y: flat[i + 1] as number });
  return out;
}

/**
 * ELK's points moved with their cluster and rounded, with the two ends put exactly on the column
 * rows (rounding can leave them a pixel off); a run that was level stays level.
 */
function snapEnds(points: Point[], from: Point, to: Point): Point[] {
  const out = points.map((p) => ({ ...p }));
  const n = out.length;
  if (n < 2) return [from, to];
  const first = out[0] as Point;
  const second = out[1] as Point;
  const last = out[n - 1] as Point;
  const beforeLast = out[n - 2] as Point;
  if (Math.abs(second.y - first.y) <= 1) second.y = from.y;
  if (Math.abs(beforeLast.y - last.y) <= 1) beforeLast.y = to.y;
  out[0] = from;
  out[n - 1] = to;
  return simplify(orthogonal(out));
}

/** Put a vertical jog in the middle of any run that is neither level nor upright. */
function orthogonal(points: readonly Point[]): Point[] {
  const out: Point[] = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (last && last.x !== p.x && last.y !== p.y) {
      const mx = Math.round((last.x + p.x) / 2);
      out.push({ x: mx, y: last.y }, { x: mx, y: p.y });
    }
    out.push(p);
  }
  return out;
}
