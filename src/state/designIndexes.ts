import type { Design } from '../core/model';

const partitionCache = new WeakMap<Design['tables'], ReadonlyMap<string, number>>();

/**
 * How many partitions each partitioned table has, by table id, computed once per set of tables:
 * a table node reads its own count instead of scanning every table on every store change (a
 * drag frame is a store change).
 */
export function partitionCounts(design: Design): ReadonlyMap<string, number> {
  const cached = partitionCache.get(design.tables);
  if (cached) return cached;
  const counts = new Map<string, number>();
  for (const table of Object.values(design.tables)) {
    const parentId = table.partitionOf?.tableId;
    if (parentId) counts.set(parentId, (counts.get(parentId) ?? 0) + 1);
  }
  partitionCache.set(design.tables, counts);
  return counts;
}
