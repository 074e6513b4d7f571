import type { Index, IndexElement, Table } from '../model/schema';
import { columnList, type RenderContext } from './context';
import { indexKeyExpression } from './expressions';
import { givenName } from './omissions';
import { quoteIdent } from './quote';

/**
 * `CREATE [UNIQUE] INDEX [name] ON t [USING method] (keys) [INCLUDE (...)] [WHERE ...];`
 * `USING btree` is the default and left out.
 */
export function renderIndex(ctx: RenderContext, table: Table, index: Index): string {
  const name = givenName(index);
  let sql = index.unique ? 'CREATE UNIQUE INDEX ' : 'CREATE INDEX ';
  if (name !== undefined) sql += quoteIdent(name) + ' ';
  sql += 'ON ' + ctx.tableName(table);
  if (index.method !== 'btree') sql += ' USING ' + index.method;
  sql += ' (' + index.elements.map((e) => indexKey(ctx, table, e)).join(', ') + ')';
  if (index.include.length > 0) sql += ' INCLUDE ' + columnList(ctx, table, index.include);
  if (index.where) sql += ' WHERE ' + index.where;
  return sql + ';';
}

/** One key: `col [opclass] [DESC] [NULLS FIRST|LAST]` or `(expression) [DESC]`. */
function indexKey(ctx: RenderContext, table: Table, element: IndexElement): string {
  if (element.kind === 'expression') {
    return indexKeyExpression(element.expression) + (element.descending ? ' DESC' : '');
  }
  let sql = ctx.columnName(table, element.columnId);
  // An operator class is a possibly schema-qualified name, written as SQL in the model.
  if (element.opclass) sql += ' ' + element.opclass;
  if (element.descending) sql += ' DESC';
  if (element.nulls === 'first') sql += ' NULLS FIRST';
  else if (element.nulls === 'last') sql += ' NULLS LAST';
  return sql;
}
