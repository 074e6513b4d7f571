import { updateColumnEverywhere } from '../fixOps';
import { PRACTICE } from '../practices';
import { typeInfo } from '../typeInfo';
import type { Finding, Rule } from '../types';

export const nullableBoolean: Rule = {
  id: 'nullable-boolean',
  title: 'Nullable boolean',
  severity: 'info',
  why: 'A nullable boolean has three states; WHERE NOT flag silently skips the NULL rows, and nobody remembers what NULL was meant to say. If there is a third state, name it (an enum or a CHECKed text).',
  practice: PRACTICE.nullableBoolean,
  check(_design, ctx) {
    const findings: Finding[] = [];
    for (const table of ctx.tables) {
      for (const column of table.columns) {
        const t = typeInfo(column.type);
        if (
          t.base !== 'boolean' ||
          t.array ||
          !column.nullable ||
          column.generated ||
          ctx.inherited(table, column)
        )
          continue;
        const fallback = column.default ?? 'false';
        findings.push(
          ctx.finding(
            nullableBoolean,
            table,
            column,
            `${column.name} is a nullable boolean: true, false and NULL. Make it NOT NULL${column.default ? '' : ' DEFAULT false'} unless NULL means something.`,
            {
              label: `Make ${column.name} NOT NULL${column.default ? '' : ' DEFAULT false'}`,
              apply: (d) =>
                updateColumnEverywhere(d, table.id, column.id, {
                  nullable: false,
                  default: fallback,
                }),
            },
          ),
        );
      }
    }
    return findings;
  },
};
