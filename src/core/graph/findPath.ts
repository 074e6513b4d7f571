import type { Design } from '../model';
import { drawnTableId, foreignKeyGraph, otherEnd } from './foreignKeyGraph';

/** A chain of foreign keys joining two tables: `tableIds[i]` and `tableIds[i + 1]` share `foreignKeyIds[i]`. */
export interface ForeignKeyPath {
  tableIds: string[];
  foreignKeyIds: string[];
}

/**
 * The shortest chain of foreign keys (followed either way) from table `a` to table `b`: breadth
 * first, so no shorter chain exists; ties go to the key met first in design order, so the same
 * design always gives the same path. `null` when no chain joins them (or a table is missing).
 * A partition stands for its parent, as on the canvas (see `foreignKeyGraph`).
 */
export function findPath(design: Design, from: string, to: string): ForeignKeyPath | null {
  if (!design.tables[from] || !design.tables[to]) return null;
  const a = drawnTableId(design, from);
  const b = drawnTableId(design, to);
  if (a === b) return { tableIds: [a], foreignKeyIds: [] };
  const graph = foreignKeyGraph(design);
  const cameFrom = new Map<string, { tableId: string; foreignKeyId: string }>();
  const seen = new Set([a]);
  let frontier = [a];
  while (frontier.length && !seen.has(b)) {
    const next: string[] = [];
    for (const id of frontier)
      for (const link of graph.get(id) ?? []) {
        const other = otherEnd(link, id);
        if (seen.has(other)) continue;
        seen.add(other);
        cameFrom.set(other, { tableId: id, foreignKeyId: link.foreignKeyId });
        next.push(other);
      }
    frontier = next;
  }
  if (!seen.has(b)) return null;
  const tableIds = [b];
  const foreignKeyIds: string[] = [];
  for (let step = cameFrom.get(b); step; step = cameFrom.get(step.tableId)) {
    tableIds.unshift(step.tableId);
    foreignKeyIds.unshift(step.foreignKeyId);
  }
  return { tableIds, foreignKeyIds };
}
