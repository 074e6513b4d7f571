import { foreignKeysOf } from '../../model/design';
import { addColumnsIndex } from '../fixOps';
import { btreeKeys } from '../keys';
import { PRACTICE } from '../practices';
import type { Finding, Rule } from '../types';

/**
 * An index serves a foreign key when its leading columns are exactly the key's columns, in any
 * order: the lookup on delete or update of the referenced row is an equality on all of them.
 */
export const fkWithoutIndex: Rule = {
  id: 'fk-without-index',
  title: 'Foreign key without an index',
  severity: 'warning',
  why: 'PostgreSQL does not index the referencing columns of a foreign key. Without an index every delete or key update on the referenced table scans the whole referencing table, and joins along the relationship cannot use an index.',
  practice: PRACTICE.fkIndex,
  check(design, ctx) {
    const findings: Finding[] = [];
    for (const table of ctx.tables) {
      const keys = btreeKeys(table).filter((k) => k.where === '');
      for (const fk of foreignKeysOf(table)) {
        const wanted = new Set(fk.columnIds);
        const covered = keys.some(
          (k) =>
            k.leadingColumns.length >= wanted.size &&
            k.leadingColumns.slice(0, wanted.size).every((c) => wanted.has(c)),
        );
        if (covered) continue;
        const columns = fk.columnIds.map((id) => ctx.column(table, id));
        const names = columns.map((c) => c?.name ?? '?').join(', ');
        const ref = design.tables[fk.refTableId];
        findings.push(
          ctx.finding(
            fkWithoutIndex,
            table,
            fk.columnIds.length === 1 ? columns[0] : undefined,
            `No index starts with (${names}), the foreign key to ${ref ? ctx.label(ref) : 'another table'}: deleting a referenced row scans all of ${ctx.label(table)}.`,
            {
              label: `Add index on (${names})`,
              apply: (d) => addColumnsIndex(d, table.id, fk.columnIds),
            },
          ),
        );
      }
    }
    return findings;
  },
};
