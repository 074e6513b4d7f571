import type { Index, IndexElement, Table } from '../model/schema';

/**
 * A btree key of a table: a primary key or unique constraint (PostgreSQL backs each with a btree
 * index) or a btree index. What the index rules compare.
 */
export interface BtreeKey {
  /** The constraint's or index's id. */
  id: string;
  source: 'primaryKey' | 'unique' | 'index';
  name: string | undefined;
  unique: boolean;
  /** Per key element: a signature that equal elements share (column id or expression, with order options). */
  elements: string[];
  /** Column ids of the leading plain-column elements, up to the first expression. */
  leadingColumns: string[];
  include: string[];
  /** WHERE clause of a partial index, or '' for a whole-table key. */
  where: string;
  /** UNIQUE NULLS NOT DISTINCT. */
  nullsNotDistinct: boolean;
  /** A DEFERRABLE constraint: checked late, so foreign keys and ON CONFLICT cannot use it. */
  deferrable: boolean;
  index?: Index;
}

export function btreeKeys(table: Table): BtreeKey[] {
  const keys: BtreeKey[] = [];
  for (const k of table.constraints) {
    if (k.kind !== 'primaryKey' && k.kind !== 'unique') continue;
    keys.push({
      id: k.id,
      source: k.kind,
      name: k.name,
      unique: true,
      elements: k.columnIds.map((c) => `c:${c}`),
      leadingColumns: [...k.columnIds],
      include: k.include,
      where: '',
      nullsNotDistinct: k.kind === 'unique' && Boolean(k.nullsNotDistinct),
      deferrable: (k.deferrable ?? 'notDeferrable') !== 'notDeferrable',
    });
  }
  for (const index of table.indexes) {
    if (index.method !== 'btree') continue;
    const leading: string[] = [];
    for (const e of index.elements) {
      if (e.kind !== 'column') break;
      leading.push(e.columnId);
    }
    keys.push({
      id: index.id,
      source: 'index',
      name: index.name,
      unique: index.unique,
      elements: index.elements.map(elementSignature),
      leadingColumns: leading,
      include: index.include,
      where: index.where?.trim() ?? '',
      nullsNotDistinct: Boolean(index.nullsNotDistinct),
      deferrable: false,
      index,
    });
  }
  return keys;
}

function elementSignature(e: IndexElement): string {
  const head =
    e.kind === 'column' ? `c:${e.columnId}` : `e:${e.expression.replace(/\s+/g, ' ').trim()}`;
  // Sort order matters for ORDER BY, opclass and collation for which operators the index serves.
  const options = [
    e.descending ? 'desc' : '',
    e.nulls ?? '',
    e.opclass ?? '',
    e.collation ?? '',
  ].join('|');
  return options === '|||' ? head : `${head}#${options}`;
}
