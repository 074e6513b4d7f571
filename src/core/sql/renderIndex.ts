import type { Index, IndexElement, Table } from '../model/schema';
import { columnList, type RenderContext } from './context';
import { indexKeyExpression } from './expressions';
import { givenName } from './omissions';
import { qualifiedName, quoteIdent } from './quote';
import { collationName } from './renderTable';
import { schemaNameOf } from './describe';

/**
 * `CREATE [UNIQUE] INDEX [name] ON [ONLY] t [USING method] (keys) [INCLUDE (...)]
 * [NULLS NOT DISTINCT] [WHERE ...];` `USING btree` is the default and left out. `ONLY` is for a
 * partitioned table's index whose partitions' indexes are created and attached one by one.
 */
export function renderIndex(
  ctx: RenderContext,
  table: Table,
  index: Index,
  options: { only?: boolean } = {},
): string {
  const name = givenName(index);
  let sql = index.unique ? 'CREATE UNIQUE INDEX ' : 'CREATE INDEX ';
  if (name !== undefined) sql += quoteIdent(name) + ' ';
  sql += (options.only ? 'ON ONLY ' : 'ON ') + ctx.tableName(table);
  if (index.method !== 'btree') sql += ' USING ' + index.method;
  sql += ' (' + index.elements.map((e) => indexKey(ctx, table, e)).join(', ') + ')';
  if (index.include.length > 0) sql += ' INCLUDE ' + columnList(ctx, table, index.include);
  if (index.nullsNotDistinct) sql += ' NULLS NOT DISTINCT';
  if (index.where) sql += ' WHERE ' + index.where;
  return sql + ';';
}

/** One key: `col|(expression) [COLLATE c] [opclass] [DESC] [NULLS FIRST|LAST]`. */
function indexKey(ctx: RenderContext, table: Table, element: IndexElement): string {
  let sql =
    element.kind === 'expression'
      ? indexKeyExpression(element.expression)
      : ctx.columnName(table, element.columnId);
  if (element.collation) sql += ' COLLATE ' + collationName(element.collation);
  // An operator class is a possibly schema-qualified name, written as SQL in the model.
  if (element.opclass) sql += ' ' + element.opclass;
  if (element.descending) sql += ' DESC';
  if (element.nulls === 'first') sql += ' NULLS FIRST';
  else if (element.nulls === 'last') sql += ' NULLS LAST';
  return sql;
}

/** An index's name as SQL: indexes live in their table's schema. */
export function indexName(ctx: RenderContext, table: Table, index: Index): string {
  return qualifiedName(schemaNameOf(ctx.design, table.schemaId), index.name ?? '');
}
