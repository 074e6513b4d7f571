import { nameWords } from '../names';
import { PRACTICE } from '../practices';
import { isTextLike, typeInfo } from '../typeInfo';
import type { Finding, Rule } from '../types';

/** Last words that name a list: `tags`, `user_ids`, `email_list`, `roles_csv`. */
const LIST_WORDS = new Set(['ids', 'tags', 'list', 'csv', 'keywords', 'codes', 'uuids']);

/**
 * Only text columns: an array or jsonb column holding a list is a deliberate PostgreSQL choice
 * (typed, indexable with GIN), while a list in text is a string to be split by every reader.
 */
export const listInColumn: Rule = {
  id: 'list-in-column',
  title: 'List of values in a text column',
  severity: 'warning',
  why: 'A comma-separated list in one column breaks first normal form: it cannot be indexed, joined or constrained (no foreign keys for the ids in it), and every query must split and re-join the string.',
  practice: PRACTICE.normalForm,
  check(_design, ctx) {
    const findings: Finding[] = [];
    for (const table of ctx.tables) {
      for (const column of table.columns) {
        const t = typeInfo(column.type);
        if (!isTextLike(t) || t.array || ctx.inherited(table, column)) continue;
        const last = nameWords(column.name).at(-1) ?? '';
        if (!LIST_WORDS.has(last)) continue;
        findings.push(
          ctx.finding(
            listInColumn,
            table,
            column,
            `${column.name} is ${column.type} but its name says it holds a list. Store the values as rows of a separate table (with a foreign key where they are ids), or at least as an array.`,
          ),
        );
      }
    }
    return findings;
  },
};
