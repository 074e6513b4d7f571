import { foreignKeysOf } from '../../model/design';
import { plainType, sameType } from '../../model/pgType';
import { changeColumnType } from '../fixOps';
import { PRACTICE } from '../practices';
import { typeInfo } from '../typeInfo';
import type { Finding, Rule } from '../types';

/**
 * Types compared canonically: `int4` is `integer`, and a serial key wants a plain integer. text
 * and varchar of any length count as one: they compare without casts, and the foreign key itself
 * already limits the referencing values to what the key holds.
 */
export function matchesReferenced(columnType: string, referencedType: string): boolean {
  const a = typeInfo(columnType);
  const b = typeInfo(plainType(referencedType));
  if (a.array !== b.array) return false;
  const stringy = (base: string) => base === 'text' || base === 'varchar';
  if (stringy(a.base) && stringy(b.base)) return true;
  return sameType(columnType, plainType(referencedType));
}

export const fkTypeMismatch: Rule = {
  id: 'fk-type-mismatch',
  title: 'Foreign key column type differs from the referenced column',
  severity: 'error',
  why: 'A referencing column of another type than the key it points at either cannot hold every key (integer pointing at bigint overflows one day) or needs a cast on every join, which can keep indexes from being used.',
  practice: PRACTICE.exampleDesign,
  check(design, ctx) {
    const findings: Finding[] = [];
    for (const table of ctx.tables) {
      for (const fk of foreignKeysOf(table)) {
        const ref = design.tables[fk.refTableId];
        if (!ref) continue;
        fk.columnIds.forEach((columnId, i) => {
          const column = ctx.column(table, columnId);
          const target = ctx.column(ref, fk.refColumnIds[i] ?? '');
          if (!column || !target || matchesReferenced(column.type, target.type)) return;
          const type = plainType(target.type);
          findings.push(
            ctx.finding(
              fkTypeMismatch,
              table,
              column,
              `${column.name} is ${column.type} but references ${ctx.label(ref)}.${target.name}, which is ${target.type}. Make it ${type}.`,
              {
                label: `Change ${column.name} to ${type}`,
                apply: (d) => changeColumnType(d, table.id, column.id, type),
              },
            ),
          );
        });
      }
    }
    return findings;
  },
};
