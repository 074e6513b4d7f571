import { displayName, type Design } from '../model';
import { shortTypeName } from '../model/typeNames';

/** One search result: a table, or a column shown as `table.column` with its type. */
export type SearchMatch =
  | { kind: 'table'; tableId: string; label: string }
  | { kind: 'column'; tableId: string; columnId: string; label: string; type: string };

/** How well `name` answers `q`: 0 exact, 1 starts with it, 2 contains it, null not at all. */
function rank(name: string, q: string): number | null {
  const n = name.toLowerCase();
  if (n === q) return 0;
  if (n.startsWith(q)) return 1;
  return n.includes(q) ? 2 : null;
}

/**
 * Tables and columns whose names contain `query` (case-insensitive), best first: exact names,
 * then names that start with it, then the rest; at the same rank tables before columns, then by
 * label. `table.col` (a dot) looks for columns starting `col` in tables matching `table`.
 * Partitions are left out: the canvas folds them under their parent.
 */
export function searchDesign(design: Design, query: string, limit = 12): SearchMatch[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const dot = q.lastIndexOf('.');
  const [tableQ, columnQ] = dot > 0 ? [q.slice(0, dot), q.slice(dot + 1)] : [q, q];
  const scored: { score: number; match: SearchMatch }[] = [];
  for (const table of Object.values(design.tables)) {
    if (table.partitionOf) continue;
    const label = displayName(design, table);
    const tableRank = rank(label, q) ?? rank(table.name, q);
    if (tableRank !== null)
      scored.push({ score: tableRank * 2, match: { kind: 'table', tableId: table.id, label } });
    // With a dot, the table part must match the table; without one any table's columns count.
    if (dot > 0 && rank(label, tableQ) === null && rank(table.name, tableQ) === null) continue;
    for (const column of table.columns) {
      const columnRank = columnQ ? rank(column.name, columnQ) : 1;
      if (columnRank === null) continue;
      scored.push({
        score: columnRank * 2 + 1,
        match: {
          kind: 'column',
          tableId: table.id,
          columnId: column.id,
          label: `${label}.${column.name}`,
          type: shortTypeName(column.type),
        },
      });
    }
  }
  return (
    scored
      // Code-point order, not the locale's: `film.id` before `film_actor.id`, the same everywhere.
      .sort((a, b) => a.score - b.score || byCodePoint(a.match.label, b.match.label))
      .slice(0, limit)
      .map((s) => s.match)
  );
}

const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
