import { checkIdentifierLength, MAX_IDENTIFIER_BYTES, utf8ByteLength } from '../../sql/quote';
import { PRACTICE } from '../practices';
import type { Finding, Rule } from '../types';

export const identifierTooLong: Rule = {
  id: 'identifier-too-long',
  title: 'Name over 63 bytes',
  severity: 'error',
  why: 'PostgreSQL cuts names to 63 bytes without an error, so two long names that share their first 63 bytes collide, and the name in the database is not the one in the design or the code.',
  practice: PRACTICE.identifierLength,
  check(_design, ctx) {
    const findings: Finding[] = [];
    const tooLong = (name: string) =>
      name.length > 21 && utf8ByteLength(name) > MAX_IDENTIFIER_BYTES;
    for (const table of ctx.tables) {
      const at = ` on ${ctx.label(table)}`;
      if (tooLong(table.name))
        findings.push(
          ctx.finding(
            identifierTooLong,
            table,
            undefined,
            checkIdentifierLength(table.name, 'Table name') ?? '',
          ),
        );
      for (const column of table.columns) {
        if (tooLong(column.name))
          findings.push(
            ctx.finding(
              identifierTooLong,
              table,
              column,
              checkIdentifierLength(column.name, 'Column name') ?? '',
            ),
          );
      }
      for (const k of table.constraints) {
        if (k.name && tooLong(k.name))
          findings.push(
            ctx.finding(
              identifierTooLong,
              table,
              undefined,
              checkIdentifierLength(k.name, 'Constraint name', at) ?? '',
            ),
          );
      }
      for (const i of table.indexes) {
        if (i.name && tooLong(i.name))
          findings.push(
            ctx.finding(
              identifierTooLong,
              table,
              undefined,
              checkIdentifierLength(i.name, 'Index name', at) ?? '',
            ),
          );
      }
    }
    return findings;
  },
};
