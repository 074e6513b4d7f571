import type { ForeignKey, ReferentialAction, Table } from '../model/schema';
import { columnList, type RenderContext } from './context';
import { givenName } from './omissions';
import { quoteIdent } from './quote';
import { deferrableClause } from './renderTable';

const ACTION_SQL: Record<Exclude<ReferentialAction, 'noAction'>, string> = {
  restrict: 'RESTRICT',
  cascade: 'CASCADE',
  setNull: 'SET NULL',
  setDefault: 'SET DEFAULT',
};

/**
 * `ALTER TABLE t ADD [CONSTRAINT name] FOREIGN KEY (...) REFERENCES r (...) ...;` Clauses that
 * only restate PostgreSQL's defaults (MATCH SIMPLE, NO ACTION, NOT DEFERRABLE) are left out.
 */
export function renderForeignKey(
  ctx: RenderContext,
  table: Table,
  fk: ForeignKey,
  referenced: Table,
): string {
  const name = givenName(fk);
  let sql = 'ALTER TABLE ' + ctx.tableName(table) + '\n  ADD ';
  if (name !== undefined) sql += 'CONSTRAINT ' + quoteIdent(name) + ' ';
  sql += 'FOREIGN KEY ' + columnList(ctx, table, fk.columnIds);
  sql +=
    ' REFERENCES ' + ctx.tableName(referenced) + ' ' + columnList(ctx, referenced, fk.refColumnIds);
  if (fk.matchFull) sql += ' MATCH FULL';
  if (fk.onDelete !== 'noAction') sql += ' ON DELETE ' + ACTION_SQL[fk.onDelete];
  if (fk.onUpdate !== 'noAction') sql += ' ON UPDATE ' + ACTION_SQL[fk.onUpdate];
  sql += deferrableClause(fk.deferrable);
  if (fk.notValid) sql += ' NOT VALID';
  return sql + ';';
}
