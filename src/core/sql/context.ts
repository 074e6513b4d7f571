import type { Design, Table } from '../model/schema';
import { schemaNameOf } from './describe';
import { qualifiedName, quoteIdent } from './quote';

/** What the statement renderers share: the design, what to leave out, and quoted names computed once. */
export interface RenderContext {
  design: Design;
  omitted: ReadonlySet<string>;
  /** The table's name as SQL, schema-qualified outside `public`. */
  tableName(table: Table): string;
  /** A column's name as SQL, by column id (columns of any table). */
  columnName(table: Table, columnId: string): string;
}

export function createRenderContext(design: Design, omitted: ReadonlySet<string>): RenderContext {
  const tableNames = new Map<string, string>();
  return {
    design,
    omitted,
    tableName(table) {
      let name = tableNames.get(table.id);
      if (name === undefined) {
        name = qualifiedName(schemaNameOf(design, table.schemaId), table.name);
        tableNames.set(table.id, name);
      }
      return name;
    },
    columnName(table, columnId) {
      // A linear search beats building a map per table: tables have tens of columns, and most
      // lookups are the few key columns. Omissions guarantee the column exists; the fallback
      // keeps a damaged design visible rather than throwing.
      const column = table.columns.find((c) => c.id === columnId);
      return quoteIdent(column ? column.name : columnId);
    },
  };
}

/** `(a, b)` for a list of column ids. */
export function columnList(ctx: RenderContext, table: Table, columnIds: readonly string[]): string {
  let out = '(';
  for (let i = 0; i < columnIds.length; i++) {
    if (i > 0) out += ', ';
    out += ctx.columnName(table, columnIds[i] as string);
  }
  return out + ')';
}
