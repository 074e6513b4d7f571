import type { Design } from '../../model/schema';
import { updateConstraint, updateIndex } from '../../ops/index';
import { btreeKeys } from '../keys';
import { PRACTICE } from '../practices';
import type { Finding, Rule } from '../types';

/**
 * Only keys of two or more columns: a single nullable unique column (an optional but unique
 * email) is usually meant, while (a, b) with b nullable lets (1, NULL) in any number of times,
 * which is rarely what the key was for.
 */
export const nullableUniqueKey: Rule = {
  id: 'nullable-unique-key',
  title: 'Nullable column in a multi-column unique key',
  severity: 'warning',
  why: 'NULLs are distinct from each other in a unique key, so rows that share the other columns and have NULL here are all accepted: the key does not stop the duplicates it was written for.',
  practice: PRACTICE.nullableUnique,
  check(_design, ctx) {
    const findings: Finding[] = [];
    for (const table of ctx.tables) {
      for (const key of btreeKeys(table)) {
        // A partial key (WHERE b IS NOT NULL) is the usual deliberate answer to exactly this.
        if (!key.unique || key.nullsNotDistinct || key.where || key.leadingColumns.length < 2)
          continue;
        const nullable = key.leadingColumns
          .map((id) => ctx.column(table, id))
          .filter((c) => c?.nullable);
        const first = nullable[0];
        if (!first) continue;
        const names = key.leadingColumns.map((id) => ctx.column(table, id)?.name ?? '?').join(', ');
        const fix = {
          label: 'Make it UNIQUE NULLS NOT DISTINCT',
          apply: (d: Design) => {
            const t = d.tables[table.id];
            const k = t?.constraints.find((x) => x.id === key.id);
            if (k?.kind === 'unique')
              return updateConstraint(d, table.id, { ...k, nullsNotDistinct: true });
            const ix = t?.indexes.find((x) => x.id === key.id);
            return ix ? updateIndex(d, table.id, { ...ix, nullsNotDistinct: true }) : d;
          },
        };
        findings.push(
          ctx.finding(
            nullableUniqueKey,
            table,
            first,
            `The unique key (${names}) on ${ctx.label(table)} has nullable ${nullable.map((c) => c?.name).join(', ')}: rows with NULL there are never duplicates of each other. Make the columns NOT NULL, or the key NULLS NOT DISTINCT.`,
            fix,
          ),
        );
      }
    }
    return findings;
  },
};
