import type { Design } from '../model';
import { drawnTableId, foreignKeyGraph, otherEnd } from './foreignKeyGraph';

/**
 * The tables at most `hops` foreign keys away from `tableId` (either direction), with their
 * distance: the table itself at 0. Empty when the table is not in the design. What focus mode
 * keeps bright. A partition counts as its parent (see `foreignKeyGraph`): the tables returned are
 * the ones the canvas draws.
 */
export function neighbourhood(design: Design, tableId: string, hops: number): Map<string, number> {
  const distance = new Map<string, number>();
  if (!design.tables[tableId]) return distance;
  const graph = foreignKeyGraph(design);
  const start = drawnTableId(design, tableId);
  distance.set(start, 0);
  let frontier = [start];
  for (let d = 1; d <= hops && frontier.length; d++) {
    const next: string[] = [];
    for (const id of frontier)
      for (const link of graph.get(id) ?? []) {
        const other = otherEnd(link, id);
        if (distance.has(other)) continue;
        distance.set(other, d);
        next.push(other);
      }
    frontier = next;
  }
  return distance;
}
