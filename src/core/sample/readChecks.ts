import type { Token } from './checkTokens';
import { parseCheck, type ColumnRule, type CheckReading, type Node } from './checkRules';

/** A CHECK's expression and, for a domain's check, the column that VALUE stands for. */
export interface CheckSource {
  expression: string;
  valueColumn?: string;
}

/**
 * Reads a table's checks into rules per column. Nullable columns are told so the reader can
 * take an `x IS NULL` branch of an OR only where NULL is allowed.
 */
export function readChecks(
  checks: readonly CheckSource[],
  columnNames: ReadonlySet<string>,
  nullable: (column: string) => boolean,
): CheckReading {
  const reading: CheckReading = { rules: new Map(), unknown: new Set() };
  for (const check of checks) {
    const columnOf = (t: Token): string | undefined => {
      if (t.kind !== 'ident') return undefined;
      if (check.valueColumn !== undefined && !t.quoted && t.text === 'value')
        return check.valueColumn;
      return columnNames.has(t.text) ? t.text : undefined;
    };
    apply(parseCheck(check.expression, columnOf), reading, nullable);
  }
  return reading;
}

function apply(node: Node, reading: CheckReading, nullable: (c: string) => boolean): void {
  if (node.k === 'pred') {
    reading.rules.set(node.col, merge(reading.rules.get(node.col) ?? {}, node.rule));
  } else if (node.k === 'unknown') {
    for (const c of node.cols) reading.unknown.add(c);
  } else if (node.k === 'and') {
    for (const item of node.items) apply(item, reading, nullable);
  } else {
    // One branch is enough for an OR: the first one that can be met in full.
    const branch = node.items.find((item) => fullyKnown(item) && possible(item, nullable));
    if (branch) apply(branch, reading, nullable);
    else for (const c of columnsOf(node)) reading.unknown.add(c);
  }
}

function fullyKnown(node: Node): boolean {
  if (node.k === 'pred') return true;
  if (node.k === 'unknown') return false;
  return node.k === 'and' ? node.items.every(fullyKnown) : node.items.some(fullyKnown);
}

function possible(node: Node, nullable: (c: string) => boolean): boolean {
  if (node.k === 'pred') return !node.rule.isNull || nullable(node.col);
  if (node.k === 'unknown') return false;
  return node.k === 'and'
    ? node.items.every((i) => possible(i, nullable))
    : node.items.some((i) => possible(i, nullable));
}

function columnsOf(node: Node): string[] {
  if (node.k === 'pred') return [node.col];
  if (node.k === 'unknown') return node.cols;
  return node.items.flatMap(columnsOf);
}

function merge(a: ColumnRule, b: ColumnRule): ColumnRule {
  const out: ColumnRule = { ...a };
  if (b.notNull) out.notNull = true;
  if (b.isNull) out.isNull = true;
  if (b.values) {
    out.values = a.values
      ? a.values.filter((v) =>
          b.values?.some((w) => w.sql === v.sql || (w.num !== undefined && w.num === v.num)),
        )
      : b.values;
  }
  if (b.min)
    out.min =
      a.min &&
      a.min.value.num !== undefined &&
      b.min.value.num !== undefined &&
      a.min.value.num > b.min.value.num
        ? a.min
        : b.min;
  if (b.max)
    out.max =
      a.max &&
      a.max.value.num !== undefined &&
      b.max.value.num !== undefined &&
      a.max.value.num < b.max.value.num
        ? a.max
        : b.max;
  if (b.maxLength !== undefined) out.maxLength = Math.min(b.maxLength, a.maxLength ?? Infinity);
  if (b.after) out.after = b.after;
  if (b.pattern) out.pattern = b.pattern;
  if (b.minLength !== undefined) out.minLength = Math.max(b.minLength, a.minLength ?? 0);
  return out;
}
