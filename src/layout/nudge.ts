import type { Point } from './rect';

/** Room between lines that shared a run, and the most a run may move (less than ROUTE_MARGIN). */
const SPACING = 5;
const MAX_SHIFT = 10;
/** A stub out of a table keeps at least this much straight line: the crow's foot is 22 px. */
const MIN_STUB = 23;

interface Run {
  line: Point[];
  /** The run is from point `i` to point `i + 1`. */
  i: number;
  at: number;
  from: number;
  to: number;
}

/**
 * Lines the router made share the same channel (the grid line beside a table's side) and would
 * be drawn on top of each other, reading as one. Runs that overlap on one grid line are spread
 * a few pixels apart, within the clear margin around tables. The first and last segments (level
 * out of the column rows) never move, and a stub is never shortened under a crow's foot.
 * Mutates the given point lists.
 */
export function nudgeApart(lines: Point[][]): void {
  for (const axis of ['x', 'y'] as const) {
    const groups = new Map<number, Run[]>();
    for (const line of lines) {
      for (let i = 1; i + 2 < line.length; i++) {
        const a = line[i] as Point;
        const b = line[i + 1] as Point;
        if (a[axis] !== b[axis]) continue;
        const other = axis === 'x' ? 'y' : 'x';
        const run = {
          line,
          i,
          at: a[axis],
          from: Math.min(a[other], b[other]),
          to: Math.max(a[other], b[other]),
        };
        const list = groups.get(run.at);
        if (list) list.push(run);
        else groups.set(run.at, [run]);
      }
    }
    for (const runs of groups.values()) {
      if (runs.length < 2) continue;
      runs.sort((p, q) => p.from - q.from);
      let cluster: Run[] = [];
      let end = -Infinity;
      for (const run of runs) {
        if (run.from >= end && cluster.length > 0) {
          spread(cluster, axis);
          cluster = [];
        }
        cluster.push(run);
        end = Math.max(end, run.to);
      }
      spread(cluster, axis);
    }
  }
}

function spread(cluster: readonly Run[], axis: 'x' | 'y'): void {
  const k = cluster.length;
  if (k < 2) return;
  const step = Math.min(SPACING, (2 * MAX_SHIFT) / (k - 1));
  cluster.forEach((run, j) => {
    const shift = Math.round((j - (k - 1) / 2) * step);
    if (shift !== 0 && canShift(run, axis, shift)) {
      (run.line[run.i] as Point)[axis] += shift;
      (run.line[run.i + 1] as Point)[axis] += shift;
    }
  });
}

/** Whether moving the run keeps its neighbours' direction, and any stub long enough. */
function canShift({ line, i }: Run, axis: 'x' | 'y', shift: number): boolean {
  const last = line.length - 1;
  for (const [end, next] of [
    [i, i - 1],
    [i + 1, i + 2],
  ] as const) {
    const before = (line[end] as Point)[axis] - (line[next] as Point)[axis];
    const after = before + shift;
    if (Math.sign(after) !== Math.sign(before) || Math.abs(after) < 1) return false;
    const stub = next === 0 || next === last;
    if (stub && Math.abs(after) < Math.abs(before) && Math.abs(after) < MIN_STUB) return false;
  }
  return true;
}
