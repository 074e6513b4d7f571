import { primaryKeyOf } from '../../model/design';
import { updateColumn } from '../../ops/columns';
import { PRACTICE } from '../practices';
import { typeInfo } from '../typeInfo';
import type { Finding, Rule } from '../types';

const RANDOM_UUID = /^(public\.|extensions\.)?(gen_random_uuid|uuid_generate_v4|uuidv4)\(\)$/i;

export const randomUuidKey: Rule = {
  id: 'random-uuid-key',
  title: 'Random (v4) UUID primary key',
  severity: 'info',
  why: 'Random UUIDs land all over the primary key index, so every insert touches a different page: the index bloats and stops fitting in cache. Time-ordered UUIDs (uuidv7) keep inserts at the end of the index and stay just as unique.',
  practice: PRACTICE.uuidKeys,
  check(_design, ctx) {
    const findings: Finding[] = [];
    for (const table of ctx.tables) {
      const pk = primaryKeyOf(table);
      if (!pk || pk.columnIds.length !== 1) continue;
      const column = ctx.column(table, pk.columnIds[0] ?? '');
      if (!column || ctx.inherited(table, column) || typeInfo(column.type).base !== 'uuid')
        continue;
      if (!RANDOM_UUID.test(column.default?.trim() ?? '')) continue;
      findings.push(
        ctx.finding(
          randomUuidKey,
          table,
          column,
          `The primary key ${column.name} defaults to ${column.default ?? ''}, a random UUID. On PostgreSQL 18, uuidv7() gives time-ordered UUIDs that index far better.`,
          {
            label: `Default ${column.name} to uuidv7()`,
            apply: (d) => updateColumn(d, table.id, column.id, { default: 'uuidv7()' }),
          },
        ),
      );
    }
    return findings;
  },
};
