import { changeColumnType, immutableExpressions, mentionsColumn } from '../fixOps';
import { PRACTICE } from '../practices';
import { preferredType } from '../preferredType';
import { typeInfo } from '../typeInfo';
import type { Finding, Rule } from '../types';

export const preferTimestamptz: Rule = {
  id: 'prefer-timestamptz',
  title: 'timestamp without time zone',
  severity: 'warning',
  why: 'timestamp without time zone stores a wall-clock reading with no zone, so the same value means different instants to clients in different zones and around daylight saving changes. timestamptz stores an instant (and takes the same 8 bytes).',
  practice: PRACTICE.timestamp,
  check(design, ctx) {
    const findings: Finding[] = [];
    for (const table of ctx.tables) {
      let expressions: string[] | undefined; // computed for tables with a timestamp column only
      for (const column of table.columns) {
        const t = typeInfo(column.type);
        if (t.base !== 'timestamp' || ctx.inherited(table, column)) continue;
        const type = preferredType(column.type);
        // No one-click fix where the column is in an index expression or the like: on timestamptz
        // date(col) or col::date are no longer immutable, and PostgreSQL refuses the index.
        expressions ??= immutableExpressions(design, table.id);
        const fixable = !expressions.some((sql) => mentionsColumn(sql, column.name));
        findings.push(
          ctx.finding(
            preferTimestamptz,
            table,
            column,
            `${column.name} is ${column.type}. Use ${type}, unless it really is a local time with no place attached (existing values are read in the session's time zone when converted).${fixable ? '' : ' An index, generated column or constraint expression uses it and must be rewritten for timestamptz first (e.g. with AT TIME ZONE).'}`,
            fixable
              ? {
                  label: `Change ${column.name} to ${type}`,
                  apply: (d) => changeColumnType(d, table.id, column.id, type),
                }
              : undefined,
          ),
        );
      }
    }
    return findings;
  },
};
