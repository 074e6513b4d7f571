import { displayName } from '../model/design';
import type { Column, Design, ForeignKey, Table } from '../model/schema';
import type { Finding, Fix, Rule } from './types';

/** A foreign key seen from the table it points at. */
export interface IncomingReference {
  table: Table;
  fk: ForeignKey;
}

/**
 * Lookups every rule needs, computed once per lint run so that rules stay linear in the size of
 * the design (musicbrainz has 375 tables and 760 foreign keys).
 */
export interface LintContext {
  /** Tables in design order. */
  tables: Table[];
  schemaName(table: Table): string;
  /** `schema.table`, or the bare name in `public`: how messages name a table. */
  label(table: Table): string;
  /** Foreign keys elsewhere that reference this table. */
  referencesTo(tableId: string): IncomingReference[];
  column(table: Table, columnId: string): Column | undefined;
  /**
   * Whether the column comes from a parent (a partition's columns, or an INHERITS parent's): its
   * type and name are reviewed once, on the parent, not again on every child.
   */
  inherited(table: Table, column: Column): boolean;
  finding(
    rule: Rule,
    table: Table,
    column: Column | undefined,
    message: string,
    fix?: Fix,
  ): Finding;
}

export function createLintContext(design: Design): LintContext {
  const tables = Object.values(design.tables);
  const incoming = new Map<string, IncomingReference[]>();
  const columns = new Map<string, Map<string, Column>>();
  for (const table of tables) {
    columns.set(table.id, new Map(table.columns.map((c) => [c.id, c])));
    for (const k of table.constraints) {
      if (k.kind !== 'foreignKey') continue;
      const list = incoming.get(k.refTableId) ?? [];
      list.push({ table, fk: k });
      incoming.set(k.refTableId, list);
    }
  }
  const labels = new Map(tables.map((t) => [t.id, displayName(design, t)]));
  return {
    tables,
    schemaName: (table) => design.schemas[table.schemaId]?.name ?? 'public',
    label: (table) => labels.get(table.id) ?? table.name,
    referencesTo: (tableId) => incoming.get(tableId) ?? [],
    column: (table, columnId) => columns.get(table.id)?.get(columnId),
    inherited(table, column) {
      if (table.partitionOf && design.tables[table.partitionOf.tableId]) return true;
      return table.inherits.some((p) =>
        design.tables[p]?.columns.some((c) => c.name === column.name),
      );
    },
    finding(rule, table, column, message, fix) {
      return {
        rule: rule.id,
        severity: rule.severity,
        tableId: table.id,
        ...(column ? { columnId: column.id } : {}),
        table: labels.get(table.id) ?? table.name,
        column: column ? column.name : null,
        message,
        ...(fix ? { fix } : {}),
      };
    },
  };
}
