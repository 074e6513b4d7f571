import { PRACTICE } from '../practices';
import type { Finding, Rule } from '../types';

/**
 * `<x>_type` beside `<x>_id` (Rails' `commentable_type` / `commentable_id`) where `<x>_id` has no
 * foreign key: one column choosing which table the other points at.
 */
export const polymorphicAssociation: Rule = {
  id: 'polymorphic-association',
  title: 'Polymorphic association',
  severity: 'warning',
  why: 'An id whose table is named by another column cannot have a foreign key, so nothing stops it pointing at a row that does not exist, and every join needs a CASE. One nullable foreign key per target table, or a shared parent table, keep integrity.',
  practice: PRACTICE.polymorphic,
  check(_design, ctx) {
    const findings: Finding[] = [];
    for (const table of ctx.tables) {
      const byName = new Map(table.columns.map((c) => [c.name.toLowerCase(), c]));
      const fkColumns = new Set(
        table.constraints.flatMap((k) => (k.kind === 'foreignKey' ? k.columnIds : [])),
      );
      for (const column of table.columns) {
        const m = /^(.+)_(type|kind|class|table)$/.exec(column.name.toLowerCase());
        const id = m?.[1] ? byName.get(`${m[1]}_id`) : undefined;
        if (!id || fkColumns.has(id.id) || ctx.inherited(table, column)) continue;
        findings.push(
          ctx.finding(
            polymorphicAssociation,
            table,
            id,
            `${id.name} points at a table chosen by ${column.name}, so it can have no foreign key and may reference rows that do not exist. Use one foreign key column per target table (with a CHECK that exactly one is set), or a common parent table.`,
          ),
        );
      }
    }
    return findings;
  },
};
