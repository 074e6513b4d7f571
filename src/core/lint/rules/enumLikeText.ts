import { escapeRegExp } from '../fixOps';
import { nameWords } from '../names';
import { PRACTICE } from '../practices';
import { isTextLike, typeInfo } from '../typeInfo';
import type { Finding, Rule } from '../types';

/** Last words of names that usually hold one of a few fixed values. */
const ENUM_WORDS = new Set([
  'status',
  'state',
  'type',
  'kind',
  'role',
  'category',
  'level',
  'priority',
  'gender',
  'mode',
  'stage',
  'phase',
]);
/** Open-ended despite the word: MIME and content types. */
const OPEN_ENDED = /(^|_)(mime|content|media|file)_type$/;
/** Columns that make `state` a part of a postal address (a region), not a lifecycle state. */
const ADDRESS_WORDS = new Set(['city', 'country', 'postal', 'zip', 'address', 'postcode']);

export const enumLikeText: Rule = {
  id: 'enum-like-text',
  title: 'Status-like text column without a CHECK or enum',
  severity: 'info',
  why: 'A status or type column accepts any string unless something says which values are allowed; typos and retired values then live in the data forever. A CHECK (col IN (...)), an enum type or a foreign key to a lookup table states the allowed set.',
  practice: PRACTICE.enumLike,
  check(_design, ctx) {
    const findings: Finding[] = [];
    for (const table of ctx.tables) {
      const fkColumns = new Set(
        table.constraints.flatMap((k) => (k.kind === 'foreignKey' ? k.columnIds : [])),
      );
      const checks = table.constraints.flatMap((k) => (k.kind === 'check' ? [k.expression] : []));
      const names = new Set(table.columns.map((c) => c.name.toLowerCase()));
      const isAddress = table.columns.some((c) =>
        nameWords(c.name).some((w) => ADDRESS_WORDS.has(w)),
      );
      for (const column of table.columns) {
        const t = typeInfo(column.type);
        if (!isTextLike(t) || t.array || fkColumns.has(column.id) || ctx.inherited(table, column))
          continue;
        const name = column.name.toLowerCase();
        const last = nameWords(column.name).at(-1) ?? '';
        if (!ENUM_WORDS.has(last) || OPEN_ENDED.test(name) || (last === 'state' && isAddress))
          continue;
        // `<x>_type` beside `<x>_id` is polymorphic-association's finding.
        if (/_type$/.test(name) && names.has(name.replace(/_type$/, '_id'))) continue;
        const mentioned = new RegExp(
          `(^|[^a-z0-9_])"?${escapeRegExp(column.name)}"?([^a-z0-9_]|$)`,
          'i',
        );
        if (checks.some((e) => mentioned.test(e))) continue;
        findings.push(
          ctx.finding(
            enumLikeText,
            table,
            column,
            `${column.name} is ${column.type} with nothing limiting its values. If it takes one of a known set, say so: CHECK (${column.name} IN (...)), an enum type, or a foreign key to a lookup table.`,
          ),
        );
      }
    }
    return findings;
  },
};
