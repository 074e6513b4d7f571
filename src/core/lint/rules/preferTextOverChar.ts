import { PRACTICE } from '../practices';
import { typeInfo } from '../typeInfo';
import type { Finding, Rule } from '../types';
import { toTextFix } from './textTypes';

export const preferTextOverChar: Rule = {
  id: 'prefer-text-over-char',
  title: 'char(n) instead of text',
  severity: 'warning',
  why: 'char(n) pads values with spaces to n characters, and the padding is ignored in some comparisons and not in others (LIKE, concatenation, client code); it is never faster than text.',
  practice: PRACTICE.char,
  check(_design, ctx) {
    const findings: Finding[] = [];
    for (const table of ctx.tables) {
      for (const column of table.columns) {
        const t = typeInfo(column.type);
        if (t.base !== 'char' || t.array || ctx.inherited(table, column)) continue;
        const n = t.modifiers ?? '1';
        findings.push(
          ctx.finding(
            preferTextOverChar,
            table,
            column,
            `${column.name} is ${column.type}, padded with spaces to ${n} characters. Prefer text with CHECK (char_length(${column.name}) <= ${n}).`,
            toTextFix(table, column),
          ),
        );
      }
    }
    return findings;
  },
};
