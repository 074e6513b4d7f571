import type { EnumType, Namespace, Table } from '../model/schema';
import type { RenderContext } from './context';
import { enumName } from './renderTypes';
import { quoteIdent, quoteLiteral } from './quote';

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
  return out;
}
