import { changeColumnType } from '../fixOps';
import { PRACTICE } from '../practices';
import { typeInfo } from '../typeInfo';
import type { Finding, Rule } from '../types';

export const preferTimestamptz: Rule = {
  id: 'prefer-timestamptz',
  title: 'timestamp without time zone',
  severity: 'warning',
  why: 'timestamp without time zone stores a wall-clock reading with no zone, so the same value means different instants to clients in different zones and around daylight saving changes. timestamptz stores an instant (and takes the same 8 bytes).',
  practice: PRACTICE.timestamp,
  check(_design, ctx) {
    const findings: Finding[] = [];
    for (const table of ctx.tables) {
      for (const column of table.columns) {
        const t = typeInfo(column.type);
        if (t.base !== 'timestamp' || ctx.inherited(table, column)) continue;
        const type = `timestamptz${t.modifiers ? `(${t.modifiers})` : ''}${t.array ? '[]' : ''}`;
        findings.push(
          ctx.finding(
            preferTimestamptz,
            table,
            column,
            `${column.name} is ${column.type}. Use ${type}, unless it really is a local time with no place attached (existing values are read in the session's time zone when converted).`,
            { label: `Change ${column.name} to ${type}`, apply: (d) => changeColumnType(d, table.id, column.id, type) },
          ),
        );
      }
    }
    return findings;
  },
};
