import type { Column } from '../../model/schema';
import { PRACTICE } from '../practices';
import type { Finding, Rule } from '../types';

/** Address lines are positional parts of one address, not a list: the accepted exception. */
const POSITIONAL = /(address|addr|line|street)_?$/;

/**
 * phone1, phone2, phone3 (or phone_1...): three or more columns sharing a stem, numbered from 1
 * or following an unnumbered column of the stem's name (phone, phone2, phone3). Pairs are left
 * alone: tag1/tag2 or user1/user2 are usually the two ends of a relationship, not a list.
 */
export const repeatingGroup: Rule = {
  id: 'repeating-group',
  title: 'Repeating group of numbered columns',
  severity: 'warning',
  why: 'Numbered columns are a list spread across a row: the number of items is fixed by the table, searching means OR-ing every column, and a fourth item needs a schema change. Rows in a child table hold any number.',
  practice: PRACTICE.normalForm,
  check(_design, ctx) {
    const findings: Finding[] = [];
    for (const table of ctx.tables) {
      const groups = new Map<string, Array<[number, Column]>>();
      for (const column of table.columns) {
        const m = /^(.*[a-z])_?(\d+)$/.exec(column.name.toLowerCase());
        if (
          !m?.[1] ||
          !m[2] ||
          m[1].length < 3 ||
          POSITIONAL.test(m[1]) ||
          ctx.inherited(table, column)
        )
          continue;
        const key = m[1].replace(/_$/, '');
        const list = groups.get(key) ?? [];
        list.push([Number(m[2]), column]);
        groups.set(key, list);
      }
      for (const [stem, members] of groups) {
        const numbers = new Set(members.map(([n]) => n));
        const base = table.columns.some((c) => c.name.toLowerCase() === stem);
        if (!numbers.has(2) || !(numbers.has(1) || base) || members.length + (base ? 1 : 0) < 3)
          continue;
        const names = members.map(([, c]) => c.name);
        findings.push(
          ctx.finding(
            repeatingGroup,
            table,
            members[0]?.[1],
            `${base ? `${stem}, ` : ''}${names.join(', ')} on ${ctx.label(table)} repeat one attribute in numbered columns. Move ${stem} into a child table with one row per value.`,
          ),
        );
      }
    }
    return findings;
  },
};
