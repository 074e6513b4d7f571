import type { EnumType, Namespace, Table } from '../model/schema';
import type { RenderContext } from './context';
import { enumName } from './renderTypes';
import { givenName } from './omissions';
import { quoteIdent, quoteLiteral } from './quote';
import { indexName } from './renderIndex';

/**
 * COMMENT ON statements. An empty comment is no comment: `IS ''` would only delete one, so it is
 * not emitted.
 */

export function renderSchemaComment(schema: Namespace): string | undefined {
  return schema.comment
    ? 'COMMENT ON SCHEMA ' + quoteIdent(schema.name) + ' IS ' + quoteLiteral(schema.comment) + ';'
    : undefined;
}

export function renderEnumComment(ctx: RenderContext, type: EnumType): string | undefined {
  return type.comment
    ? 'COMMENT ON TYPE ' + enumName(ctx, type) + ' IS ' + quoteLiteral(type.comment) + ';'
    : undefined;
}

/** The table's comment, then its columns' comments in column order. */
export function renderTableComments(ctx: RenderContext, table: Table): string[] {
  const out: string[] = [];
  const name = ctx.tableName(table);
  if (table.comment) {
    out.push('COMMENT ON TABLE ' + name + ' IS ' + quoteLiteral(table.comment) + ';');
  }
  for (const column of table.columns) {
    if (!column.comment || ctx.omitted.has(column.id)) continue;
    out.push(
      'COMMENT ON COLUMN ' +
        name +
        '.' +
        ctx.columnName(table, column.id) +
        ' IS ' +
        quoteLiteral(column.comment) +
        ';',
    );
  }
  // Only named constraints and indexes can be commented on: COMMENT ON needs the name.
  for (const constraint of table.constraints) {
    const constraintName = givenName(constraint);
    if (!constraint.comment || constraintName === undefined || ctx.omitted.has(constraint.id))
      continue;
    out.push(
      'COMMENT ON CONSTRAINT ' +
        quoteIdent(constraintName) +
        ' ON ' +
        name +
        ' IS ' +
        quoteLiteral(constraint.comment) +
        ';',
    );
  }
  for (const index of table.indexes) {
    if (!index.comment || givenName(index) === undefined || ctx.omitted.has(index.id)) continue;
    out.push(
      'COMMENT ON INDEX ' +
        indexName(ctx, table, index) +
        ' IS ' +
        quoteLiteral(index.comment) +
        ';',
    );
  }
  return out;
}
