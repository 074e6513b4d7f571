import { quoteIdent } from '../../sql/quote';
import { SNAKE_CASE } from '../names';
import { PRACTICE } from '../practices';
import type { Finding, Rule } from '../types';

/**
 * Names PostgreSQL takes bare but that break the snake_case convention: leading, trailing or
 * doubled underscores. Names that need quoting (capitals, reserved words) are name-needs-quoting's.
 */
export const nameNotSnakeCase: Rule = {
  id: 'name-not-snake-case',
  title: 'Name not in snake_case',
  severity: 'info',
  why: 'One naming convention across a schema lets people guess names instead of looking them up; snake_case is the one PostgreSQL itself and most of its tools use.',
  practice: PRACTICE.naming,
  check(_design, ctx) {
    const findings: Finding[] = [];
    const odd = (name: string) => quoteIdent(name) === name && !SNAKE_CASE.test(name);
    for (const table of ctx.tables) {
      if (odd(table.name) && !table.partitionOf) {
        findings.push(
          ctx.finding(
            nameNotSnakeCase,
            table,
            undefined,
            `Table name ${table.name} is not snake_case (lower-case words joined by single underscores).`,
          ),
        );
      }
      for (const column of table.columns) {
        if (!odd(column.name) || ctx.inherited(table, column)) continue;
        findings.push(
          ctx.finding(
            nameNotSnakeCase,
            table,
            column,
            `Column name ${column.name} is not snake_case (lower-case words joined by single underscores).`,
          ),
        );
      }
    }
    return findings;
  },
};
