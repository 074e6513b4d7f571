import { primaryKeyOf } from '../../model/design';
import { changeColumnType } from '../fixOps';
import { PRACTICE } from '../practices';
import { typeInfo } from '../typeInfo';
import type { Finding, Rule } from '../types';

const WIDER: Record<string, string> = { integer: 'bigint', serial: 'bigserial' };

/** smallint keys are left alone: they are chosen on purpose, for small lookup tables. */
export const integerPrimaryKey: Rule = {
  id: 'integer-primary-key',
  title: 'integer primary key',
  severity: 'info',
  why: 'An integer key runs out at 2,147,483,647; sequences also advance on rolled-back inserts, so busy tables get there sooner than their row count suggests, and widening the key later rewrites the table and every table referencing it. bigint costs 4 bytes more per row.',
  practice: PRACTICE.bigintKeys,
  check(_design, ctx) {
    const findings: Finding[] = [];
    for (const table of ctx.tables) {
      const pk = primaryKeyOf(table);
      if (!pk || pk.columnIds.length !== 1) continue;
      const column = ctx.column(table, pk.columnIds[0] ?? '');
      if (!column || ctx.inherited(table, column)) continue;
      const t = typeInfo(column.type);
      const wider = WIDER[t.base];
      if (!wider || t.array) continue;
      // A key that is itself a foreign key follows its parent's key; the parent gets the finding.
      if (
        table.constraints.some(
          (k) =>
            k.kind === 'foreignKey' && k.columnIds.length === 1 && k.columnIds[0] === column.id,
        )
      )
        continue;
      const referencing = ctx.referencesTo(table.id).length;
      findings.push(
        ctx.finding(
          integerPrimaryKey,
          table,
          column,
          `The primary key ${column.name} is ${column.type}, which ends at about 2.1 billion. Prefer ${wider}${referencing ? ` (with the ${referencing} foreign key column${referencing === 1 ? '' : 's'} referencing it)` : ''}.`,
          {
            label: `Change ${column.name} to ${wider}${referencing ? ' and the columns referencing it' : ''}`,
            apply: (d) => changeColumnType(d, table.id, column.id, wider),
          },
        ),
      );
    }
    return findings;
  },
};
