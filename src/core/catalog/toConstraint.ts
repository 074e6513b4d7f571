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
 * One constraint from its catalog row, or undefined (with a note) when it cannot be represented.
 * Check expressions and exclusion bodies are Postgres's own text from pg_get_constraintdef.
 */
export function toConstraint(
  row: ConstraintRow,
  id: string,
  table: TableColumns,
  referenced: TableColumns | undefined,
  note: (message: string) => void,
): Constraint | undefined {
  const named = { id, name: row.name };
  const columnIds = attnumsToIds(table, jsonArray<number>(row.columns));
  const lost = (why: string) => {
    note(`Constraint "${row.name}" on ${table.label} is left out: ${why}`);
    return undefined;
  };
  switch (row.kind) {
    case 'p':
      return columnIds
        ? { ...named, kind: 'primaryKey', columnIds }
        : lost('it is on a system column.');
    case 'u':
      if (!columnIds) return lost('it is on a system column.');
      return row.nulls_not_distinct
        ? { ...named, kind: 'unique', columnIds, nullsNotDistinct: true }
        : { ...named, kind: 'unique', columnIds };
    case 'c':
      return { ...named, kind: 'check', expression: checkExpression(row.definition) };
    case 'x':
      return { ...named, kind: 'exclude', definition: row.definition.replace(/^EXCLUDE /, '') };
    case 'f': {
      if (!referenced) {
        return lost(
          "it references a table the design does not include (a partition or an extension's table).",
        );
      }
      const refColumnIds = attnumsToIds(referenced, jsonArray<number>(row.ref_columns));
      if (!columnIds || !refColumnIds) return lost('it is on a system column.');
      if (row.has_delete_set_columns) {
        note(
          `Foreign key "${row.name}" on ${table.label} sets only some columns on delete; the design sets all of them.`,
        );
      }
      if (row.match_type === 'p') {
        note(
          `Foreign key "${row.name}" on ${table.label} is MATCH PARTIAL; the design keeps it as MATCH SIMPLE.`,
        );
      }
      return {
        ...named,
        kind: 'foreignKey',
        columnIds,
        refTableId: referenced.id,
        refColumnIds,
        onDelete: ACTIONS[row.on_delete] ?? 'noAction',
        onUpdate: ACTIONS[row.on_update] ?? 'noAction',
        deferrable: deferrable(row),
        ...(row.match_type === 'f' ? { matchFull: true } : {}),
      };
    }
    default:
      return lost(`its kind "${row.kind}" is not supported.`);
  }
}

function deferrable(row: ConstraintRow): Deferrable {
  if (!row.deferrable) return 'notDeferrable';
  return row.deferred ? 'initiallyDeferred' : 'initiallyImmediate';
}

/** Column ids for attnums, or undefined if any is missing (a system column). */
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
