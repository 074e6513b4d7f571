import type { Design } from '../model/schema';
import { pairById } from './compare';
import { mustRecreate } from './renderColumn';

/** A table whose columns a migration leaves in another order than the target design's. */
export interface ColumnOrderDifference {
  schema: string;
  table: string;
  /** Column names in the order the migrated table has them, and in the target's order. */
  migrated: string[];
  expected: string[];
}

/**
 * Where the migration from A to B leaves columns in another order than B lists them. PostgreSQL
 * cannot reorder columns: ALTER TABLE ADD COLUMN appends (as does a column the planner re-creates),
 * a dropped column leaves its place, and a renamed one keeps it. So the migrated order is A's
 * order of the columns B keeps, then B's new columns in B's order.
 */
export function columnOrderDifferences(a: Design, b: Design): ColumnOrderDifference[] {
  const out: ColumnOrderDifference[] = [];
  for (const [t, u] of pairById(Object.values(a.tables), Object.values(b.tables)).kept) {
    const { kept, added } = pairById(t.columns, u.columns);
    const stay = kept.filter(([c, d]) => !mustRecreate(c, d)).map(([, d]) => d);
    const appended = u.columns.filter(
      (d) => added.includes(d) || kept.some(([c, e]) => e === d && mustRecreate(c, d)),
    );
    const migrated = [...stay, ...appended].map((d) => d.name);
    const expected = u.columns.map((d) => d.name);
    if (migrated.join('\u0000') !== expected.join('\u0000'))
      out.push({
        schema: b.schemas[u.schemaId]?.name ?? 'public',
        table: u.name,
        migrated,
        expected,
      });
  }
  return out;
}
