import { nameConstraint, suggestedConstraintName } from '../fixOps';
import { PRACTICE } from '../practices';
import type { Finding, Rule } from '../types';

const KIND: Record<string, string> = {
  primaryKey: 'primary key',
  unique: 'unique constraint',
  check: 'check constraint',
  foreignKey: 'foreign key',
  exclude: 'exclusion constraint',
};

export const unnamedConstraint: Rule = {
  id: 'unnamed-constraint',
  title: 'Constraint without a name',
  severity: 'warning',
  why: 'A constraint without a name gets one PostgreSQL makes up, which differs between databases built at different times; migrations that drop or alter it by name then break, and error messages name something nobody chose.',
  practice: PRACTICE.nameConstraints,
  check(design, ctx) {
    const findings: Finding[] = [];
    for (const table of ctx.tables) {
      for (const k of table.constraints) {
        if (k.name) continue;
        const name = suggestedConstraintName(design, table, k);
        const column =
          'columnIds' in k && k.columnIds.length === 1
            ? ctx.column(table, k.columnIds[0] ?? '')
            : undefined;
        findings.push(
          ctx.finding(
            unnamedConstraint,
            table,
            column,
            `A ${KIND[k.kind]} on ${ctx.label(table)} has no name; PostgreSQL would call it ${name}. Name it so migrations can refer to it.`,
            { label: `Name it ${name}`, apply: (d) => nameConstraint(d, table.id, k.id) },
          ),
        );
      }
    }
    return findings;
  },
};
