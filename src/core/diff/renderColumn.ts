import type { Column, Table } from '../model/schema';
import { quoteIdent } from '../sql/quote';
import { columnDefinition as renderedDefinition } from '../sql/renderTable';

/** A column's definition after ADD COLUMN: the same text CREATE TABLE uses, so it reads back the same. */
export function columnDefinition(column: Column): string {
  return quoteIdent(column.name) + ' ' + renderedDefinition(column);
}

/** NOT NULL as PostgreSQL enforces it: declared, or implied by the primary key. */
export function effectivelyNotNull(table: Table, column: Column): boolean {
  return (
    !column.nullable ||
    table.constraints.some((k) => k.kind === 'primaryKey' && k.columnIds.includes(column.id))
  );
}

/** A column that cannot be altered into its new form: it becomes generated, or changes generation kind. */
export function mustRecreate(before: Column, after: Column): boolean {
  if (!after.generated) return false;
  return (
    !before.generated || (before.generatedKind ?? 'stored') !== (after.generatedKind ?? 'stored')
  );
}

/** Whether the identity sequence's name is chosen by PostgreSQL (not given in the options). */
export function defaultSequence(column: Column): boolean {
  return !/SEQUENCE NAME/i.test(column.identityOptions ?? '');
}
