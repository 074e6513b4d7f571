import { primaryKeyOf } from '../../model/design';
import { PRACTICE } from '../practices';
import type { Rule } from '../types';

export const noPrimaryKey: Rule = {
  id: 'no-primary-key',
  title: 'Table without a primary key',
  severity: 'error',
  why: 'Without a primary key rows cannot be told apart: duplicates creep in, one row cannot be updated or referenced reliably, and logical replication cannot apply updates or deletes.',
  practice: PRACTICE.primaryKey,
  check(design, ctx) {
    return (
      ctx.tables
        // A partition takes its keys from its partitioned table: the finding (and its fix) is the
        // parent's, and naming each partition again would only repeat it.
        .filter((t) => !primaryKeyOf(t) && !(t.partitionOf && design.tables[t.partitionOf.tableId]))
        .map((t) =>
          ctx.finding(
            noPrimaryKey,
            t,
            undefined,
            `${ctx.label(t)} has no primary key. Add one: the columns that already identify a row, or an identity column (id bigint GENERATED ALWAYS AS IDENTITY).`,
          ),
        )
    );
  },
};
