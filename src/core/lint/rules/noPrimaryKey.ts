import { primaryKeyOf } from '../../model/design';
import { PRACTICE } from '../practices';
import type { Rule } from '../types';

export const noPrimaryKey: Rule = {
  id: 'no-primary-key',
  title: 'Table without a primary key',
  severity: 'error',
  why: 'Without a primary key rows cannot be told apart: duplicates creep in, one row cannot be updated or referenced reliably, and logical replication cannot apply updates or deletes.',
  practice: PRACTICE.primaryKey,
  check(_design, ctx) {
    return ctx.tables
      .filter((t) => !primaryKeyOf(t))
      .map((t) =>
        ctx.finding(
          noPrimaryKey,
          t,
          undefined,
          `${ctx.label(t)} has no primary key. Add one: the columns that already identify a row, or an identity column (id bigint GENERATED ALWAYS AS IDENTITY).`,
        ),
      );
  },
};
