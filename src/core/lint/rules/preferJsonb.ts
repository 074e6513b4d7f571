import { changeColumnType } from '../fixOps';
import { PRACTICE } from '../practices';
import { preferredType } from '../preferredType';
import { typeInfo } from '../typeInfo';
import type { Finding, Rule } from '../types';

export const preferJsonb: Rule = {
  id: 'prefer-jsonb',
  title: 'json instead of jsonb',
  severity: 'warning',
  why: 'json keeps the input text and reparses it on every access; jsonb is stored parsed, is faster to query, and can be indexed (GIN) and compared. json is only right when the exact text, key order or duplicate keys must be kept.',
  practice: PRACTICE.json,
  check(_design, ctx) {
    const findings: Finding[] = [];
    for (const table of ctx.tables) {
      for (const column of table.columns) {
        const t = typeInfo(column.type);
        if (t.base !== 'json' || ctx.inherited(table, column)) continue;
        const type = preferredType(column.type);
        findings.push(
          ctx.finding(
            preferJsonb,
            table,
            column,
            `${column.name} is ${column.type}. Use ${type} unless the exact input text (whitespace, key order, duplicate keys) must be kept.`,
            {
              label: `Change ${column.name} to ${type}`,
              apply: (d) => changeColumnType(d, table.id, column.id, type),
            },
          ),
        );
      }
    }
    return findings;
  },
};
