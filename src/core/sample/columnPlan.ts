import type { Column, ForeignKey } from '../model';
import { quoteLiteral } from '../sql/quote';
import type { CheckReading, ColumnRule } from './checkRules';
import { readChecks, type CheckSource } from './readChecks';
import type { TableShape } from './tableShape';
import { resolveType, type TypeCatalog, type TypeInfo } from './typeInfo';
import { valueSource, type ValueSource } from './values';

/** How one column gets its value. */
export type ColumnFill =
  /** Not in the INSERT: a default, identity, generated column, or NULL. */
  | { kind: 'omit'; distinct: boolean }
  | { kind: 'value'; source: ValueSource }
  /** From the parent row picked for this foreign key (by its index in the shape's list). */
  | { kind: 'foreignKey'; fk: number; position: number };

/**
 * The plan of a table's columns, or why the table cannot be filled. `orderedFks` are pairs of
 * foreign keys (indexes) to the same parent rows where a CHECK wants the second after the first
 * (`tag1 < tag2`).
 */
export type ColumnPlan =
  { fills: Map<string, ColumnFill>; orderedFks: [number, number][] } | { skip: string };

const SERIAL = /^(small|big)?serial[248]?$/i;
/** Defaults that give each row its own value, so a unique key holds without our help. */
const DISTINCT_DEFAULT = /nextval\(|uuid|random|clock_timestamp/i;

/** Decides every column of the table; `broken` foreign keys (cycles) are filled with NULL. */
export function planColumns(
  shape: TableShape,
  catalog: TypeCatalog,
  broken: ReadonlySet<string>,
): ColumnPlan {
  const { table } = shape;
  const infos = new Map(table.columns.map((c) => [c.id, resolveType(catalog, c.type)]));
  const nullable = (c: Column) => c.nullable && !infos.get(c.id)?.domainNotNull;
  const byName = new Map(table.columns.map((c) => [c.name, c]));
  const sources: CheckSource[] = shape.checks.map((expression) => ({ expression }));
  for (const c of table.columns) {
    for (const expression of infos.get(c.id)?.domainChecks ?? [])
      sources.push({ expression, valueColumn: c.name });
  }
  const reading = readChecks(sources, new Set(byName.keys()), (name) => {
    const c = byName.get(name);
    return c !== undefined && nullable(c);
  });
  if (shape.partitionRule) mergePartitionRule(reading, shape.partitionRule);

  const inUniqueKey = new Set(shape.uniqueKeys.flat());
  const inAnyUniqueKey = new Set([...inUniqueKey, ...shape.partialUniqueKeys.flat()]);
  const fkOf = new Map<string, { fk: number; position: number; key: ForeignKey }>();
  shape.foreignKeys.forEach((key, fk) =>
    key.columnIds.forEach((id, position) => {
      if (!fkOf.has(id)) fkOf.set(id, { fk, position, key });
    }),
  );

  const fills = new Map<string, ColumnFill>();
  const selfRefs: { column: Column; ref: string }[] = [];
  for (const c of table.columns) {
    const info = infos.get(c.id);
    if (!info) continue;
    const rule = reading.rules.get(c.name);
    const fk = fkOf.get(c.id);
    if (c.generated !== undefined || c.identity !== undefined || SERIAL.test(c.type.trim())) {
      fills.set(c.id, { kind: 'omit', distinct: c.generated === undefined });
      continue;
    }
    const hasDefault = c.default !== undefined || info.domainDefault;
    // A CHECK passes when it is NULL: NULL is the safe value where a check could not be read.
    if (nullable(c) && (rule?.isNull || (reading.unknown.has(c.name) && !hasRule(rule)))) {
      fills.set(c.id, { kind: 'omit', distinct: true });
      continue;
    }
    if (fk && !broken.has(fk.key.id)) {
      fills.set(c.id, { kind: 'foreignKey', fk: fk.fk, position: fk.position });
      continue;
    }
    if (fk) {
      if (nullable(c)) {
        fills.set(c.id, { kind: 'omit', distinct: true });
        continue;
      }
      if (fk.key.refTableId === table.id && fk.key.columnIds.length === 1) {
        selfRefs.push({ column: c, ref: fk.key.refColumnIds[0] as string });
        continue;
      }
      return {
        skip: `Its foreign key ${describeFk(fk.key)} needs rows of a table filled later (a cycle of NOT NULL foreign keys), and column "${c.name}" cannot be NULL.`,
      };
    }
    const distinctDefault = c.default !== undefined && DISTINCT_DEFAULT.test(c.default);
    if (
      hasDefault &&
      (!inUniqueKey.has(c.id) || distinctDefault) &&
      !rule?.values &&
      !rule?.min &&
      !rule?.max
    ) {
      fills.set(c.id, { kind: 'omit', distinct: distinctDefault });
      continue;
    }
    const source = valueSource(c.name, info, rule, inAnyUniqueKey.has(c.id));
    if (source) fills.set(c.id, { kind: 'value', source });
    else if (nullable(c) || hasDefault) fills.set(c.id, { kind: 'omit', distinct: nullable(c) });
    else
      return {
        skip: `Column "${c.name}" is NOT NULL and of type ${c.type}, which sample data cannot be made for yet.`,
      };
  }
  for (const { column, ref } of selfRefs) {
    const source = selfReference(shape, fills, column, ref);
    if (!source)
      return {
        skip: `Column "${column.name}" is NOT NULL and references this table itself; the generator can fill that only from the row's own key.`,
      };
    fills.set(column.id, { kind: 'value', source });
  }
  orderColumns(table.columns, fills, reading, infos);
  return { fills, orderedFks: orderedForeignKeys(shape, fills, reading) };
}

/**
 * A NOT NULL foreign key to the table itself (a tree's `root`): each row points at itself. The
 * key's value is repeated where the plan makes it, or read back with currval() where a sequence
 * makes it, which works because PostgreSQL computes an INSERT's columns in table order.
 */
function selfReference(
  shape: TableShape,
  fills: Map<string, ColumnFill>,
  column: Column,
  refId: string,
): ValueSource | undefined {
  const columns = shape.table.columns;
  const ref = columns.find((c) => c.id === refId);
  const fill = fills.get(refId);
  if (!ref || !fill) return undefined;
  if (fill.kind === 'value' && fill.source.kind === 'expr' && !/random/.test(fill.source.sql)) {
    return { kind: 'expr', sql: fill.source.sql, injective: fill.source.injective };
  }
  if (
    fill.kind !== 'omit' ||
    ref.identity === 'always' ||
    columns.indexOf(ref) > columns.indexOf(column)
  )
    return undefined;
  // The SELECT list is computed in order: nextval() for the key first, then currval() for the
  // reference (a default would be computed only after the whole SELECT row).
  const nextval = /^nextval\((.*)\)$/.exec(ref.default ?? '');
  const sequence =
    nextval?.[1] ??
    (ref.identity || SERIAL.test(ref.type.trim())
      ? `pg_get_serial_sequence(${quoteLiteral(shape.qualifiedName)}, ${quoteLiteral(ref.name)})`
      : undefined);
  if (sequence === undefined) return undefined;
  fills.set(ref.id, {
    kind: 'value',
    source: { kind: 'expr', sql: `nextval(${sequence})`, injective: true },
  });
  return { kind: 'expr', sql: `currval(${sequence})`, injective: true };
  return undefined;
}

function orderedForeignKeys(
  shape: TableShape,
  fills: Map<string, ColumnFill>,
  reading: CheckReading,
): [number, number][] {
  const out: [number, number][] = [];
  for (const c of shape.table.columns) {
    const after = reading.rules.get(c.name)?.after;
    const other = shape.table.columns.find((o) => o.name === after?.column);
    const later = fills.get(c.id);
    const earlier = other && fills.get(other.id);
    if (later?.kind !== 'foreignKey' || earlier?.kind !== 'foreignKey') continue;
    const a = shape.foreignKeys[earlier.fk];
    const b = shape.foreignKeys[later.fk];
    const sameRows =
      a && b && a.refTableId === b.refTableId && a.refColumnIds.join() === b.refColumnIds.join();
    if (sameRows && a.columnIds.length === 1 && b.columnIds.length === 1)
      out.push([earlier.fk, later.fk]);
  }
  return out;
}

/**
 * `end > start` style checks: the later column's value becomes the earlier one's plus a step
 * (a day for dates and times, one for numbers), or its default plus a step when it is left to
 * the default (`duedate >= orderdate` with orderdate DEFAULT now()).
 */
function orderColumns(
  columns: readonly Column[],
  fills: Map<string, ColumnFill>,
  reading: CheckReading,
  infos: Map<string, TypeInfo>,
): void {
  for (const c of columns) {
    const after = reading.rules.get(c.name)?.after;
    const fill = fills.get(c.id);
    const other = columns.find((o) => o.name === after?.column);
    if (!after || !other || fill?.kind !== 'value' || fill.source.kind !== 'expr') continue;
    const base = infos.get(c.id)?.base ?? '';
    const step =
      base === 'date' || /^(integer|smallint|bigint|numeric|real|double precision)$/.test(base)
        ? '1'
        : base.startsWith('timestamp')
          ? "interval '1 day'"
          : undefined;
    const otherFill = fills.get(other.id);
    const start =
      otherFill?.kind === 'value' && otherFill.source.kind === 'expr'
        ? otherFill.source.sql
        : otherFill?.kind === 'omit' && other.default !== undefined
          ? other.default
          : undefined;
    if (step === undefined || start === undefined) continue;
    fills.set(c.id, {
      kind: 'value',
      source: { kind: 'expr', sql: `(${start}) + ${step}`, injective: fill.source.injective },
    });
  }
}

function hasRule(rule: ColumnRule | undefined): boolean {
  return (
    rule !== undefined &&
    (rule.values !== undefined ||
      rule.pattern !== undefined ||
      rule.after !== undefined ||
      rule.min !== undefined ||
      rule.max !== undefined ||
      rule.maxLength !== undefined ||
      rule.notNull === true)
  );
}

function mergePartitionRule(
  reading: CheckReading,
  { column, rule }: NonNullable<TableShape['partitionRule']>,
): void {
  const current = reading.rules.get(column) ?? {};
  reading.rules.set(column, {
    ...current,
    ...(rule.values ? { values: rule.values } : {}),
    ...(rule.min && !current.min ? { min: rule.min } : {}),
    ...(rule.max && !current.max ? { max: rule.max } : {}),
  });
}

function describeFk(key: ForeignKey): string {
  return key.name ? `"${key.name}"` : 'on ' + key.columnIds.length + ' column(s)';
}
