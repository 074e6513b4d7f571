import type { Route, Table, TableLayout } from '../../core/model';
import { routeFits, type LineSide } from '../../core/geometry/lineEnds';

/** Corner radius of a routed line: the same as the canvas's own stepped lines. */
const RADIUS = 8;

/** Which sides a stored route joins, while it still fits its two column rows. */
export type RouteFit = { childSide: LineSide; parentSide: LineSide };

interface FitMemo {
  child: Table;
  parent: Table;
  childAt: TableLayout;
  parentAt: TableLayout;
  fit: RouteFit | null;
}
const fitMemo = new WeakMap<Route, FitMemo>();

/**
 * Whether auto-layout's route still holds for this foreign key, remembered per route while its two
 * tables and their layout entries are the same objects: a drag frame makes a new entry only for
 * the table it moves, so only that table's lines are checked again.
 */
export function fittingRoute(
  route: Route,
  child: { table: Table; at: TableLayout; columnId: string },
  parent: { table: Table; at: TableLayout; columnId: string },
): RouteFit | null {
  const memo = fitMemo.get(route);
  if (
    memo &&
    memo.child === child.table &&
    memo.parent === parent.table &&
    memo.childAt === child.at &&
    memo.parentAt === parent.at
  )
    return memo.fit;
  const fit = routeFits(route, child, parent);
  fitMemo.set(route, {
    child: child.table,
    parent: parent.table,
    childAt: child.at,
    parentAt: parent.at,
    fit,
  });
  return fit;
}

const pathMemo = new WeakMap<readonly number[], { near: string; far: string }>();

/**
 * SVG path of a routed line: its orthogonal points, corners rounded near (a plain polyline far
 * out, where a corner is a speck). Built once per route, not per frame.
 */
export function routedPath(points: readonly number[], near: boolean): string {
  let memo = pathMemo.get(points);
  if (!memo) {
    memo = { near: rounded(points), far: polyline(points) };
    pathMemo.set(points, memo);
  }
  return near ? memo.near : memo.far;
}

function polyline(p: readonly number[]): string {
  let d = `M${p[0]} ${p[1]}`;
  for (let i = 2; i + 1 < p.length; i += 2) d += `L${p[i]} ${p[i + 1]}`;
  return d;
}

function rounded(p: readonly number[]): string {
  const n = p.length / 2;
  const x = (i: number) => p[2 * i] as number;
  const y = (i: number) => p[2 * i + 1] as number;
  let d = `M${x(0)} ${y(0)}`;
  for (let i = 1; i < n - 1; i++) {
    const inLength = Math.abs(x(i) - x(i - 1)) + Math.abs(y(i) - y(i - 1));
    const outLength = Math.abs(x(i + 1) - x(i)) + Math.abs(y(i + 1) - y(i));
    const r = Math.min(RADIUS, inLength / 2, outLength / 2);
    const ix = Math.sign(x(i) - x(i - 1));
    const iy = Math.sign(y(i) - y(i - 1));
    const ox = Math.sign(x(i + 1) - x(i));
    const oy = Math.sign(y(i + 1) - y(i));
    d += `L${x(i) - ix * r} ${y(i) - iy * r}Q${x(i)} ${y(i)} ${x(i) + ox * r} ${y(i) + oy * r}`;
  }
  return `${d}L${x(n - 1)} ${y(n - 1)}`;
}
