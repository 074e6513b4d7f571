import { newId, type Design, type Index, type Table } from '../model';
import { qualifiedName, quoteIdent, utf8ByteLength } from '../sql/quote';
import { filterColumns } from './filterColumns';
import { planNodes } from './parseExplain';
import type { IndexAdvice, PlanNode } from './types';

/** A filter is worth an index when it throws away at least this share of the rows it reads. */
const SELECTIVE = 0.9;
/** ...and at least this many rows: on a tiny table a scan is as good as an index. */
const MIN_REMOVED = 100;

/**
 * Indexes a plan asks for: a Seq Scan whose Filter throws away most rows gets an index on the
 * filtered columns (equalities first, then one range column, as a btree serves them best); a
 * Sort over a single table's scan gets an index in the sort order. Indexes the design already
 * has, also as the leading columns of a longer one or of a key, are not proposed again.
 */
export function adviseIndexes(tree: PlanNode, design: Design): IndexAdvice[] {
  const out: IndexAdvice[] = [];
  const proposed = new Set<string>();
  const propose = (
    node: PlanNode,
    columns: { name: string; descending?: boolean }[],
    reason: string,
  ) => {
    const table = findTable(design, node);
    if (!table || columns.length === 0) return;
    const ids = columns.map((c) => table.columns.find((col) => col.name === c.name)?.id);
    if (ids.some((id) => id === undefined)) return;
    const key = table.id + ':' + ids.join(',');
    if (proposed.has(key) || alreadyIndexed(table, ids as string[])) return;
    proposed.add(key);
    out.push(advice(design, table, columns, ids as string[], reason));
  };

  for (const node of planNodes(tree)) {
    if (node.nodeType === 'Seq Scan' && node.filter && node.rowsRemovedByFilter !== undefined) {
      const kept = (node.actualRows ?? 0) * (node.actualLoops ?? 1);
      const removed = node.rowsRemovedByFilter * (node.actualLoops ?? 1);
      const parts = filterColumns(node.filter);
      if (!parts || removed < MIN_REMOVED || removed / (removed + kept) < SELECTIVE) continue;
      const equal = unique(parts.filter((p) => p.equality).map((p) => p.column));
      const range = parts.find((p) => !p.equality && !equal.includes(p.column))?.column;
      const columns = [...equal, ...(range ? [range] : [])].map((name) => ({ name }));
      const share = Math.round((100 * removed) / (removed + kept));
      propose(
        node,
        columns,
        `The scan of ${node.relation} reads every row and its filter ${node.filter} throws away ${share}% of them (${removed} rows).`,
      );
    }
    if (node.nodeType === 'Sort' && node.sortKey) {
      const scans = planNodes(node).filter((n) => n.relation);
      const scan = scans[0];
      if (scans.length !== 1 || !scan || scan.nodeType !== 'Seq Scan') continue;
      const columns = node.sortKey.map(sortColumn);
      if (columns.some((c) => c === undefined)) continue;
      propose(
        scan,
        columns as { name: string; descending?: boolean }[],
        `${node.relation ?? scan.relation} is read in full and then sorted by ${node.sortKey.join(', ')}; an index in that order returns the rows already sorted.`,
      );
    }
  }
  return out;
}

/** `t.name`, `name DESC`, `"Name"`: a plain column, or undefined for an expression. */
function sortColumn(key: string): { name: string; descending?: boolean } | undefined {
  const m =
    /^(?:(?:"(?:[^"]|"")+"|[a-z_][a-z0-9_$]*)\.)?("(?:[^"]|"")+"|[a-z_][a-z0-9_$]*)( DESC)?$/.exec(
      key.trim(),
    );
  if (!m?.[1]) return undefined;
  const name = m[1].startsWith('"') ? m[1].slice(1, -1).replaceAll('""', '"') : m[1];
  return m[2] ? { name, descending: true } : { name };
}

function findTable(design: Design, node: PlanNode): Table | undefined {
  const schema = node.schema ?? 'public';
  return Object.values(design.tables).find(
    (t) => t.name === node.relationName && design.schemas[t.schemaId]?.name === schema,
  );
}

/** True when an index or key of the table starts with these columns (in any order). */
function alreadyIndexed(table: Table, ids: string[]): boolean {
  const leading: string[][] = table.indexes.map((i) =>
    i.elements.map((e) => (e.kind === 'column' ? e.columnId : '')),
  );
  for (const k of table.constraints)
    if (k.kind === 'primaryKey' || k.kind === 'unique') leading.push(k.columnIds);
  const wanted = new Set(ids);
  return leading.some(
    (cols) => cols.length >= ids.length && cols.slice(0, ids.length).every((c) => wanted.has(c)),
  );
}

function advice(
  design: Design,
  table: Table,
  columns: { name: string; descending?: boolean }[],
  ids: string[],
  reason: string,
): IndexAdvice {
  const name = indexName(
    table.name,
    columns.map((c) => c.name),
  );
  const target = qualifiedName(design.schemas[table.schemaId]?.name ?? 'public', table.name);
  const list = columns.map((c) => quoteIdent(c.name) + (c.descending ? ' DESC' : '')).join(', ');
  const index: Index = {
    id: newId('i'),
    name,
    unique: false,
    method: 'btree',
    elements: ids.map((columnId, i) =>
      columns[i]?.descending
        ? { kind: 'column', columnId, descending: true }
        : { kind: 'column', columnId },
    ),
    include: [],
  };
  return {
    table: target,
    tableId: table.id,
    columns: columns.map((c) => c.name),
    reason,
    createSql: `CREATE INDEX ${quoteIdent(name)} ON ${target} (${list})`,
    index,
  };
}

/** `<table>_<columns>_idx`, cut to PostgreSQL's 63 bytes. */
function indexName(table: string, columns: string[]): string {
  let name = `${table}_${columns.join('_')}_idx`;
  while (utf8ByteLength(name) > 63) name = name.slice(0, -5) + '_idx';
  return name;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
