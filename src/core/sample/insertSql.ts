import type { Design, ForeignKey, Table } from '../model';
import { qualifiedName, quoteIdent } from '../sql/quote';
import type { ColumnFill } from './columnPlan';
import type { TableShape } from './tableShape';

/**
 * The INSERT ... SELECT for one table. All the work happens inside PostgreSQL: rows come from
 * generate_series, and each foreign key picks its parent row by number through a hash join on
 * row_number() (an ORDER BY ... OFFSET per row would scan the parent once per row).
 *
 * A unique key whose columns all come from a finite set (parent rows, enum labels, a CHECK's
 * list) is a "dimension" problem: its combinations are enumerated in mixed radix, so every row
 * gets a new one, and the rows stop when the combinations run out.
 */

/** A finite set of choices: parent rows of a foreign key, or a column's finite values. */
type Dim = { fk: number } | { column: string; count: number };

export function insertSql(
  design: Design,
  shape: TableShape,
  fills: Map<string, ColumnFill>,
  rows: number,
  orderedFks: readonly [number, number][] = [],
): string {
  const { table } = shape;
  const target = tableName(design, table);
  const dims = uniqueDims(shape, fills);
  const index = new Map<string, string>();
  const limits: string[] = [];
  const k = '(g - 1)::bigint';
  for (const [a, b] of orderedFks) {
    // Row k is the k-th pair i < j of parent rows (triangular numbering), so pairs are distinct
    // and ordered as the CHECK wants.
    const j = `floor((1 + sqrt(1 + 8 * ${k})) / 2)::bigint`;
    index.set(`fk:${a}`, `(${k} - ${j} * (${j} - 1) / 2)`);
    index.set(`fk:${b}`, j);
    limits.push(`${k} < f${a}n.n * (f${a}n.n - 1) / 2`);
    for (const list of [dims.direct, dims.radix]) {
      for (let i = list.length - 1; i >= 0; i--) {
        const d = list[i] as Dim;
        if ('fk' in d && (d.fk === a || d.fk === b)) list.splice(i, 1);
      }
    }
  }
  const countOf = (d: Dim) => ('fk' in d ? `nullif(f${d.fk}n.n, 0)` : String(d.count));
  const keyOf = (d: Dim) => ('fk' in d ? `fk:${d.fk}` : `col:${d.column}`);
  for (const d of dims.direct) {
    index.set(keyOf(d), k);
    limits.push(`${k} < ${countOf(d)}`);
  }
  if (dims.radix.length > 0) {
    let stride = '1';
    let first = '';
    dims.radix.forEach((d, i) => {
      const pick =
        i === 0 ? `${k} % ${countOf(d)}` : `(${k} / (${stride}) + ${first}) % ${countOf(d)}`;
      if (i === 0) first = `(${pick})`;
      index.set(keyOf(d), `(${pick})`);
      stride = stride === '1' ? countOf(d) : `${stride} * ${countOf(d)}`;
    });
    limits.push(`${k} < ${stride}`);
  }

  const usedFks = new Set<number>();
  const names: string[] = [];
  const values: string[] = [];
  for (const c of table.columns) {
    const fill = fills.get(c.id);
    if (!fill || fill.kind === 'omit') continue;
    names.push(quoteIdent(c.name));
    if (fill.kind === 'foreignKey') {
      usedFks.add(fill.fk);
      values.push(`f${fill.fk}.k${fill.position}`);
    } else if (fill.source.kind === 'expr') {
      values.push(fill.source.sql);
    } else {
      values.push(fill.source.at(index.get(`col:${c.id}`) ?? `(g - 1) % ${fill.source.count}`));
    }
  }

  const from = [
    `FROM (SELECT count(*)::int AS n FROM ${target}) AS existing`,
    `CROSS JOIN generate_series(existing.n + 1, existing.n + ${rows}) AS g`,
  ];
  // Every parent's row count first: a mixed-radix pick reads the counts of all its digits.
  const joins: string[] = [];
  for (const fk of [...usedFks].sort((a, b) => a - b)) {
    const key = shape.foreignKeys[fk] as ForeignKey;
    const parent = design.tables[key.refTableId] as Table;
    const refs = key.refColumnIds.map((id) =>
      quoteIdent(parent.columns.find((c) => c.id === id)?.name ?? ''),
    );
    const notNull = refs.map((r) => `${r} IS NOT NULL`).join(' AND ');
    const source = `FROM ${tableName(design, parent)} WHERE ${notNull}`;
    // Different foreign keys to one parent start at different rows (a <> b checks are common).
    const pick = index.get(`fk:${fk}`) ?? `(${k} + ${fk}) % nullif(f${fk}n.n, 0)`;
    const required = key.columnIds.every((id) => !table.columns.find((c) => c.id === id)?.nullable);
    from.push(`CROSS JOIN (SELECT count(*) AS n ${source}) AS f${fk}n`);
    joins.push(
      `${required ? 'JOIN' : 'LEFT JOIN'} (SELECT ${refs.map((r, i) => `${r} AS k${i}`).join(', ')}, row_number() OVER (ORDER BY ${refs.join(', ')}) - 1 AS rn ${source}) AS f${fk} ON f${fk}.rn = ${pick}`,
    );
  }
  const where = limits.length > 0 ? [`WHERE ${limits.join(' AND ')}`] : [];
  // With no columns to fill (all defaults) the SELECT list is empty, which PostgreSQL accepts.
  return [
    names.length > 0 ? `INSERT INTO ${target} (${names.join(', ')})` : `INSERT INTO ${target}`,
    `SELECT ${values.join(',\n       ')}`,
    ...from,
    ...joins,
    ...where,
  ].join('\n');
}

export function tableName(design: Design, table: Table): string {
  return qualifiedName(design.schemas[table.schemaId]?.name ?? 'public', table.name);
}

/**
 * For each unique key not already made distinct by an injective value, a default or NULLs: its
 * finite choices. A key with one choice set uses it directly (row n takes choice n); keys with
 * several share one mixed-radix enumeration.
 */
function uniqueDims(
  shape: TableShape,
  fills: Map<string, ColumnFill>,
): { direct: Dim[]; radix: Dim[] } {
  const direct: Dim[] = [];
  const radix: Dim[] = [];
  const same = (a: Dim, b: Dim) =>
    'fk' in a && 'fk' in b
      ? a.fk === b.fk
      : 'column' in a && 'column' in b && a.column === b.column;
  for (const key of [...shape.uniqueKeys, ...shape.partialUniqueKeys]) {
    const dims: Dim[] = [];
    let distinct = false;
    for (const id of key) {
      const fill = fills.get(id);
      if (!fill) continue;
      if (fill.kind === 'omit') distinct ||= fill.distinct;
      else if (fill.kind === 'value' && fill.source.kind === 'expr')
        distinct ||= fill.source.injective;
      else if (fill.kind === 'value' && fill.source.kind === 'finite')
        dims.push({ column: id, count: fill.source.count });
      else if (fill.kind === 'foreignKey' && !dims.some((d) => 'fk' in d && d.fk === fill.fk))
        dims.push({ fk: fill.fk });
    }
    if (distinct || dims.length === 0) continue;
    if (dims.some((d) => direct.some((e) => same(d, e)))) continue;
    if (dims.length === 1) direct.push(dims[0] as Dim);
    else for (const d of dims) if (!radix.some((e) => same(d, e))) radix.push(d);
  }
  // A dimension used directly is not also a digit of the enumeration.
  return { direct, radix: radix.filter((d) => !direct.some((e) => same(d, e))) };
}
