import { changeColumnType } from '../fixOps';
import { nameWords } from '../names';
import { PRACTICE } from '../practices';
import { MONEY_NUMERIC } from '../preferredType';
import { typeInfo } from '../typeInfo';
import type { Finding, Rule } from '../types';

/** Words that make a column an amount of money. */
const MONEY_WORDS = new Set([
  'price',
  'prices',
  'amount',
  'amounts',
  'cost',
  'costs',
  'total',
  'subtotal',
  'balance',
  'fee',
  'fees',
  'tax',
  'charge',
  'payment',
  'salary',
  'wage',
  'revenue',
  'refund',
  'freight',
  'budget',
]);
const FLOATS = new Set(['real', 'double precision']);

/**
 * Floating point only where the name says money (a float `rate` of a physical quantity is fine
 * elsewhere), and the `money` type wherever it is.
 */
export const moneyType: Rule = {
  id: 'money-type',
  title: 'Money in a floating-point or money column',
  severity: 'warning',
  why: 'real and double precision are binary approximations: 0.1 + 0.2 is not 0.3, and sums of prices drift by cents. The money type depends on the lc_monetary setting and has a fixed scale. numeric(p,s) is exact.',
  practice: PRACTICE.money,
  check(_design, ctx) {
    const findings: Finding[] = [];
    for (const table of ctx.tables) {
      for (const column of table.columns) {
        const t = typeInfo(column.type);
        if (t.array || ctx.inherited(table, column)) continue;
        const isMoney = t.base === 'money';
        if (
          !isMoney &&
          !(FLOATS.has(t.base) && nameWords(column.name).some((w) => MONEY_WORDS.has(w)))
        )
          continue;
        findings.push(
          ctx.finding(
            moneyType,
            table,
            column,
            isMoney
              ? `${column.name} uses the money type, whose input and output depend on the server's lc_monetary setting. Use ${MONEY_NUMERIC} (and a currency column if there may be several).`
              : `${column.name} looks like an amount of money but is ${column.type}, which cannot hold most decimal amounts exactly. Use ${MONEY_NUMERIC}.`,
            {
              label: `Change ${column.name} to ${MONEY_NUMERIC}`,
              apply: (d) => changeColumnType(d, table.id, column.id, MONEY_NUMERIC),
            },
          ),
        );
      }
    }
    return findings;
  },
};
