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
 * One index from its catalog row, or why the model cannot hold it (the caller keeps such an
 * index verbatim). Keys are columns (by attnum) or Postgres's rendering of the expression via
 * pg_get_indexdef. NULLS FIRST/LAST is recorded only where it differs from the default for the
 * direction. `attachedTo` is left for the caller, who knows the ids of the parent's indexes.
 */
export function toIndex(
  row: IndexRow,
  id: string,
  table: TableColumns,
): { index: Index } | { unsupported: string } {
  const method = indexMethodSchema.safeParse(row.method);
  if (!method.success) return { unsupported: `it uses the ${row.method} access method` };
  const keys = jsonArray<number>(row.keys);
  const options = jsonArray<number>(row.options);
  const definitions = jsonArray<string>(row.key_defs);
  const opclasses = jsonArray<string | null>(row.opclasses);
  const collations = jsonArray<string | null>(row.collations);
  const elements: IndexElement[] = [];
  for (let k = 0; k < row.key_count; k++) {
    const element = toElement(
      keys[k] ?? 0,
      options[k] ?? 0,
      definitions[k] ?? '',
      table,
      method.data,
    );
    if (!element) return { unsupported: 'it has a key on a system column' };
    const opclass = opclasses[k];
    if (opclass) element.opclass = opclass;
    const collation = collations[k];
    if (collation) element.collation = collation;
    elements.push(element);
  }
  const include: string[] = [];
  for (const attnum of keys.slice(row.key_count)) {
    const columnId = table.columnIds.get(attnum);
    if (columnId === undefined) return { unsupported: 'it includes a system column' };
    include.push(columnId);
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
  if (row.nulls_not_distinct) index.nullsNotDistinct = true;
  if (row.comment !== null && row.comment !== undefined) index.comment = row.comment;
  return { index };
}

function toElement(
  attnum: number,
  option: number,
  definition: string,
  table: TableColumns,
  method: IndexMethod,
): IndexElement | undefined {
  const descending = (option & INDOPTION_DESC) !== 0;
  const nullsFirst = (option & INDOPTION_NULLS_FIRST) !== 0;
  let element: IndexElement;
  if (attnum === 0) {
    element = { kind: 'expression', expression: definition };
  } else {
    const columnId = table.columnIds.get(attnum);
    if (columnId === undefined) return undefined;
    element = { kind: 'column', columnId };
  }
  // Only ordered access methods (btree, among the model's) keep a direction and NULLS order.
  if (method === 'btree') {
    if (descending) element.descending = true;
    if (descending && !nullsFirst) element.nulls = 'last';
    if (!descending && nullsFirst) element.nulls = 'first';
  }
  return element;
}
