import { PRACTICE } from '../practices';
import type { Rule } from '../types';

/** Partitions share their parent's meaning and are not asked for a comment of their own. */
export const missingTableComment: Rule = {
  id: 'missing-table-comment',
  title: 'Table without a comment',
  severity: 'info',
  why: 'COMMENT ON TABLE travels with the schema into every dump, psql \\d+ and most tools; one sentence on what a row is saves the next reader from guessing from the name.',
  practice: PRACTICE.comments,
  check(_design, ctx) {
    return ctx.tables
      .filter((t) => !t.partitionOf && !t.comment?.trim())
      .map((t) =>
        ctx.finding(
          missingTableComment,
          t,
          undefined,
          `${ctx.label(t)} has no comment. Say in a sentence what one row of it is.`,
        ),
      );
  },
};
