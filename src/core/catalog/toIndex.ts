import {
  indexMethodSchema,
  type Index,
  type IndexElement,
  type IndexMethod,
} from '../model/schema';
import type { IndexRow } from './queries';
import type { TableColumns } from './toConstraint';
import { jsonArray } from './values';

/** indoption bits (pg_index.h). */
const INDOPTION_DESC = 1;
const INDOPTION_NULLS_FIRST = 2;

/**
 * One index from its catalog row, or undefined (with a note) when the model cannot hold it.
 * Keys are columns (by attnum) or Postgres's rendering of the expression via pg_get_indexdef.
 * NULLS FIRST/LAST is recorded only where it differs from the default for the direction.
 */
export function toIndex(
  row: IndexRow,
  id: string,
  table: TableColumns,
  note: (message: string) => void,
): Index | undefined {
  const method = indexMethodSchema.safeParse(row.method);
  if (!method.success) {
    note(
      `Index "${row.name}" on ${table.label} uses the ${row.method} method, which the design cannot hold; it is left out.`,
    );
    return undefined;
  }
  const keys = jsonArray<number>(row.keys);
  const options = jsonArray<number>(row.options);
  const definitions = jsonArray<string>(row.key_defs);
  const opclasses = jsonArray<string | null>(row.opclasses);
  const elements: IndexElement[] = [];
  for (let k = 0; k < row.key_count; k++) {
    const element = toElement(
      keys[k] ?? 0,
      options[k] ?? 0,
      definitions[k] ?? '',
      opclasses[k] ?? null,
      table,
      method.data,
    );
    if (!element) {
      note(
        `Index "${row.name}" on ${table.label} has a key the design cannot hold; it is left out.`,
      );
      return undefined;
    }
    if (element.kind === 'expression' && (opclasses[k] || hasNonDefaultNulls(options[k] ?? 0))) {
      note(
        `Index "${row.name}" on ${table.label} has an expression key with an operator class or NULLS order; the design drops them.`,
      );
    }
    elements.push(element);
  }
  const include: string[] = [];
  for (const attnum of keys.slice(row.key_count)) {
    const columnId = table.columnIds.get(attnum);
    if (columnId !== undefined) include.push(columnId);
  }
  if (row.nulls_not_distinct) {
    note(`Index "${row.name}" on ${table.label} is NULLS NOT DISTINCT; the design drops that.`);
  }
  const index: Index = {
    id,
    name: row.name,
    unique: row.is_unique,
    method: method.data,
    elements,
    include,
  };
  if (row.predicate !== null) index.where = row.predicate;
  return index;
}

function hasNonDefaultNulls(option: number): boolean {
  return ((option & INDOPTION_DESC) !== 0) !== ((option & INDOPTION_NULLS_FIRST) !== 0);
}

function toElement(
  attnum: number,
  option: number,
  definition: string,
  opclass: string | null,
  table: TableColumns,
  method: IndexMethod,
): IndexElement | undefined {
  const descending = (option & INDOPTION_DESC) !== 0;
  const nullsFirst = (option & INDOPTION_NULLS_FIRST) !== 0;
  if (attnum === 0) {
    return descending
      ? { kind: 'expression', expression: definition, descending: true }
      : { kind: 'expression', expression: definition };
  }
  const columnId = table.columnIds.get(attnum);
  if (columnId === undefined) return undefined;
  const element: IndexElement = { kind: 'column', columnId };
  if (opclass) element.opclass = opclass;
  if (method === 'btree') {
    if (descending) element.descending = true;
    if (descending && !nullsFirst) element.nulls = 'last';
    if (!descending && nullsFirst) element.nulls = 'first';
  }
  return element;
}
