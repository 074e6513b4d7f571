import type { Constraint, Deferrable, ReferentialAction } from '../model/schema';
import { matchingParen } from '../sql/expressions';
import type { ConstraintRow } from './queries';
import { jsonArray } from './values';

const ACTIONS: Record<string, ReferentialAction> = {
  a: 'noAction',
  r: 'restrict',
  c: 'cascade',
  n: 'setNull',
  d: 'setDefault',
};

/** A table as `toConstraint` needs it: its id and its column ids by attnum. */
export interface TableColumns {
  id: string;
  label: string;
  columnIds: ReadonlyMap<number, string>;
}

/**
 * One constraint from its catalog row, or why the model cannot hold it (the caller keeps such a
 * constraint verbatim). Check expressions and exclusion bodies are Postgres's own text from
 * pg_get_constraintdef.
 */
export function toConstraint(
  row: ConstraintRow,
  id: string,
  table: TableColumns,
  referenced: TableColumns | undefined,
): { constraint: Constraint } | { unsupported: string } {
  const named: { id: string; name: string; comment?: string } = { id, name: row.name };
  if (row.comment !== null && row.comment !== undefined) named.comment = row.comment;
  const columnIds = attnumsToIds(table, jsonArray<number>(row.columns));
  const systemColumn = { unsupported: 'it is on a system column' };
  if (row.enforced === false) return { unsupported: 'it is NOT ENFORCED' };
  if (row.period) return { unsupported: 'it uses WITHOUT OVERLAPS or PERIOD' };
  switch (row.kind) {
    case 'p':
    case 'u': {
      if (!columnIds) return systemColumn;
      const include = attnumsToIds(table, jsonArray<number>(row.include_columns));
      const key = {
        ...named,
        columnIds,
        include: include ?? [],
        ...(row.deferrable ? { deferrable: deferrable(row) } : {}),
      };
      if (row.kind === 'p') return { constraint: { ...key, kind: 'primaryKey' } };
      return {
        constraint: row.nulls_not_distinct
          ? { ...key, kind: 'unique', nullsNotDistinct: true }
          : { ...key, kind: 'unique' },
      };
    }
    case 'c':
      return {
        constraint: {
          ...named,
          kind: 'check',
          expression: checkExpression(row.definition),
          ...(row.no_inherit ? { noInherit: true } : {}),
          ...(row.validated === false ? { notValid: true } : {}),
        },
      };
    case 'x':
      return {
        constraint: {
          ...named,
          kind: 'exclude',
          definition: row.definition.replace(/^EXCLUDE /, ''),
        },
      };
    case 'f': {
      if (!referenced) return { unsupported: 'it references a table the design does not include' };
      const refColumnIds = attnumsToIds(referenced, jsonArray<number>(row.ref_columns));
      if (!columnIds || !refColumnIds) return systemColumn;
      if (row.has_delete_set_columns) return { unsupported: 'it sets only some columns on delete' };
      if (row.match_type === 'p') return { unsupported: 'it is MATCH PARTIAL' };
      return {
        constraint: {
          ...named,
          kind: 'foreignKey',
          columnIds,
          refTableId: referenced.id,
          refColumnIds,
          onDelete: ACTIONS[row.on_delete] ?? 'noAction',
          onUpdate: ACTIONS[row.on_update] ?? 'noAction',
          deferrable: deferrable(row),
          ...(row.match_type === 'f' ? { matchFull: true } : {}),
          ...(row.validated === false ? { notValid: true } : {}),
        },
      };
    }
    default:
      return { unsupported: `its kind "${row.kind}" is not supported` };
  }
}

function deferrable(row: ConstraintRow): Deferrable {
  if (!row.deferrable) return 'notDeferrable';
  return row.deferred ? 'initiallyDeferred' : 'initiallyImmediate';
}

/** Column ids for attnums, or undefined if any is missing (a system column) or there are none. */
function attnumsToIds(table: TableColumns, attnums: readonly number[]): string[] | undefined {
  const ids: string[] = [];
  for (const attnum of attnums) {
    const id = table.columnIds.get(attnum);
    if (id === undefined) return undefined;
    ids.push(id);
  }
  return ids.length > 0 ? ids : undefined;
}

/**
 * The text inside `CHECK (...)` of pg_get_constraintdef, without suffixes such as NOT VALID or
 * NO INHERIT.
 */
export function checkExpression(definition: string): string {
  const open = definition.indexOf('(');
  const close = open < 0 ? -1 : matchingParen(definition, open);
  return close < 0 ? definition.replace(/^CHECK\s*/, '') : definition.slice(open + 1, close);
}
