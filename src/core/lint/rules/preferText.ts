import { PRACTICE } from '../practices';
import { typeInfo } from '../typeInfo';
import type { Finding, Rule } from '../types';
import { toTextFix } from './textTypes';

export const preferText: Rule = {
  id: 'prefer-text',
  title: 'varchar(n) instead of text',
  severity: 'info',
  why: 'In PostgreSQL varchar(n) is text with a length check that cannot be changed without rewriting or relocking the table; a limit picked at random (255) is not a business rule. Use text, and a CHECK where the limit matters.',
  practice: PRACTICE.varchar,
  check(_design, ctx) {
    const findings: Finding[] = [];
    for (const table of ctx.tables) {
      for (const column of table.columns) {
        const t = typeInfo(column.type);
        if (t.base !== 'varchar' || t.array || ctx.inherited(table, column)) continue;
        const limit = t.modifiers;
        findings.push(
          ctx.finding(
            preferText,
            table,
            column,
            limit
              ? `${column.name} is ${column.type}. Prefer text; if ${limit} characters is a real rule, keep it as CHECK (char_length(${column.name}) <= ${limit}), which can be changed without a table rewrite.`
              : `${column.name} is ${column.type} without a limit, which is text by another name. Write text.`,
            toTextFix(table, column),
          ),
        );
      }
    }
    return findings;
  },
};
