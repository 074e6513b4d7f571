import { foreignKeysOf } from '../../model/design';
import { PRACTICE } from '../practices';
import type { Finding, Rule } from '../types';

/**
 * NO ACTION is what a foreign key gets when nobody wrote ON DELETE, and the model cannot tell
 * "chosen" from "left at the default"; RESTRICT says the same thing deliberately.
 */
export const fkOnDeleteUnchosen: Rule = {
  id: 'fk-on-delete-unchosen',
  title: 'Foreign key without a chosen ON DELETE action',
  severity: 'info',
  why: 'What happens to child rows when their parent is deleted is a design decision (block it, cascade, or set null). Left at the default NO ACTION it is usually a decision nobody made.',
  practice: PRACTICE.fkActions,
  check(design, ctx) {
    const findings: Finding[] = [];
    for (const table of ctx.tables) {
      for (const fk of foreignKeysOf(table)) {
        if (fk.onDelete !== 'noAction') continue;
        const ref = design.tables[fk.refTableId];
        const names = fk.columnIds.map((id) => ctx.column(table, id)?.name ?? '?').join(', ');
        findings.push(
          ctx.finding(
            fkOnDeleteUnchosen,
            table,
            fk.columnIds.length === 1 ? ctx.column(table, fk.columnIds[0] ?? '') : undefined,
            `The foreign key (${names}) to ${ref ? ctx.label(ref) : 'another table'} has no ON DELETE action: choose RESTRICT to forbid deleting a referenced row, CASCADE to delete its ${ctx.label(table)} rows too, or SET NULL.`,
          ),
        );
      }
    }
    return findings;
  },
};
