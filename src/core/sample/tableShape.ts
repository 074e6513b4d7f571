import type { Design, ForeignKey, Table } from '../model';
import type { ColumnRule, Literal } from './checkRules';
import { tokenize } from './checkTokens';
import { qualifiedName as qualified } from '../sql/quote';

/**
 * A table as the generator sees it. Rows inserted into a partitioned table land in its
 * partitions, so the partitions' foreign keys and checks count too (pg_dump output often puts
 * the foreign keys on the partitions only), and the partition bounds limit the key's values.
 */
export interface TableShape {
  table: Table;
  /** The table's name as SQL, e.g. `public.film`. */
  qualifiedName: string;
  foreignKeys: ForeignKey[];
  checks: string[];
  /** Unique keys (primary key, unique constraints, unique indexes on plain columns), as column ids. */
  uniqueKeys: string[][];
  /** Unique indexes with a WHERE: a column left to its default usually stays outside them. */
  partialUniqueKeys: string[][];
  /** What the partition bounds ask of the partition key column. */
  partitionRule?: { column: string; rule: ColumnRule };
}

export function tableShape(design: Design, table: Table): TableShape {
  const partitions = Object.values(design.tables).filter(
    (t) => t.partitionOf?.tableId === table.id,
  );
  const idByName = new Map(table.columns.map((c) => [c.name, c.id]));
  const mapColumns = (from: Table, ids: readonly string[]) =>
    ids.map((id) => idByName.get(from.columns.find((c) => c.id === id)?.name ?? '') ?? '');
  const foreignKeys: ForeignKey[] = [];
  const seen = new Set<string>();
  const checks: string[] = [];
  for (const source of [table, ...partitions]) {
    for (const k of source.constraints) {
      if (k.kind === 'check' && !k.noInherit) checks.push(k.expression);
      if (k.kind !== 'foreignKey') continue;
      const columnIds = source === table ? k.columnIds : mapColumns(source, k.columnIds);
      const key = `${columnIds.join(',')}>${k.refTableId}:${k.refColumnIds.join(',')}`;
      if (columnIds.includes('') || seen.has(key)) continue;
      seen.add(key);
      foreignKeys.push({ ...k, columnIds });
    }
  }
  const uniqueKeys: string[][] = [];
  const partialUniqueKeys: string[][] = [];
  for (const k of table.constraints) {
    if (k.kind === 'primaryKey' || k.kind === 'unique') uniqueKeys.push(k.columnIds);
  }
  for (const i of table.indexes) {
    if (!i.unique || !i.elements.every((e) => e.kind === 'column')) continue;
    const key = i.elements.map((e) => (e.kind === 'column' ? e.columnId : ''));
    (i.where === undefined ? uniqueKeys : partialUniqueKeys).push(key);
  }
  const partitionRule = partitionKeyRule(table, partitions);
  const qualifiedName = qualified(design.schemas[table.schemaId]?.name ?? 'public', table.name);
  return {
    table,
    qualifiedName,
    foreignKeys,
    checks,
    uniqueKeys,
    partialUniqueKeys,
    ...(partitionRule ? { partitionRule } : {}),
  };
}

function partitionKeyRule(table: Table, partitions: Table[]): TableShape['partitionRule'] {
  const key = /^(RANGE|LIST) \(([^,()]+)\)$/.exec(table.partitionBy ?? '');
  if (!key?.[2] || partitions.length === 0) return undefined;
  const column = key[2]
    .trim()
    .replace(/^"(.*)"$/, '$1')
    .replaceAll('""', '"');
  const bounds = partitions.map((p) => p.partitionOf?.bound ?? '');
  if (bounds.some((b) => b === 'DEFAULT')) return undefined;
  if (key[1] === 'LIST') {
    const values = bounds.flatMap((b) => literals(/^FOR VALUES IN \((.*)\)$/.exec(b)?.[1]));
    return values.length > 0 ? { column, rule: { values } } : undefined;
  }
  const ranges = bounds.map((b) => /^FOR VALUES FROM \((.*)\) TO \((.*)\)$/.exec(b));
  const lows = ranges.flatMap((r) => literals(r?.[1]));
  const highs = ranges.flatMap((r) => literals(r?.[2]));
  if (lows.length !== partitions.length || highs.length !== partitions.length) return undefined;
  const smallest = lows.reduce((a, b) => (compare(b, a) < 0 ? b : a));
  const largest = highs.reduce((a, b) => (compare(b, a) > 0 ? b : a));
  // Gaps between partitions are possible; values starting at the first partition mostly fit.
  return {
    column,
    rule: { min: { value: smallest, inclusive: true }, max: { value: largest, inclusive: false } },
  };
}

/** Literal values of a bound list; MINVALUE, MAXVALUE and expressions give none. */
function literals(text: string | undefined): Literal[] {
  const tokens = text === undefined ? undefined : tokenize(text);
  if (!tokens) return [];
  const out: Literal[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const negative = t?.kind === 'op' && t.text === '-' && tokens[i + 1]?.kind === 'number';
    if (negative) i++;
    const v = tokens[i];
    if (v?.kind === 'number')
      out.push({ sql: (negative ? '-' : '') + v.text, num: (negative ? -1 : 1) * Number(v.text) });
    else if (v?.kind === 'string') out.push({ sql: `'${v.text.replaceAll("'", "''")}'` });
    else if (v?.kind === 'ident' && !['true', 'false'].includes(v.text)) return [];
    else if (v?.kind === 'ident') out.push({ sql: v.text });
  }
  return out;
}

/** Numbers by value, strings by text: partition bounds of one column share a format. */
function compare(a: Literal, b: Literal): number {
  if (a.num !== undefined && b.num !== undefined) return a.num - b.num;
  return a.sql < b.sql ? -1 : a.sql > b.sql ? 1 : 0;
}
