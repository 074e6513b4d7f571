import type { Table } from '../../model/schema';
import { deleteIndex } from '../../ops/indexes';
import { btreeKeys, type BtreeKey } from '../keys';
import type { LintContext } from '../context';
import { PRACTICE } from '../practices';
import type { Finding, Fix, Rule } from '../types';

const sameList = (a: string[], b: string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Whether `b` serves every query `a` serves and enforces at least what `a` enforces. A unique key
 * is only covered by a non-deferrable unique key on the same columns; a plain index by any key it
 * is a prefix of.
 */
function covers(b: BtreeKey, a: BtreeKey): boolean {
  if (a.where !== b.where || a.elements.length > b.elements.length) return false;
  if (!sameList(a.elements, b.elements.slice(0, a.elements.length))) return false;
  if (a.include.some((c) => !b.include.includes(c) && !b.leadingColumns.includes(c))) return false;
  if (!a.unique) return true;
  // A deferrable key does not replace an immediate one: a foreign key may reference a.
  if (b.deferrable && !a.deferrable) return false;
  return (
    b.unique && a.elements.length === b.elements.length && a.nullsNotDistinct === b.nullsNotDistinct
  );
}

const describeKey = (k: BtreeKey, ctx: LintContext, table: Table) => {
  const what =
    k.source === 'primaryKey'
      ? 'primary key'
      : k.source === 'unique'
        ? 'unique constraint'
        : k.unique
          ? 'unique index'
          : 'index';
  const cols = k.elements.map((e) =>
    e.startsWith('c:')
      ? (ctx.column(table, e.slice(2).split('#')[0] ?? '')?.name ?? '?')
      : 'expression',
  );
  return `${what}${k.name ? ' ' + k.name : ''} (${cols.join(', ')})`;
};

export const redundantIndex: Rule = {
  id: 'redundant-index',
  title: 'Duplicate or redundant index',
  severity: 'warning',
  why: 'An index whose columns repeat another index, or lead it, serves no query the other cannot; it still slows every insert and update and takes space and cache.',
  practice: PRACTICE.indexes,
  check(_design, ctx) {
    const findings: Finding[] = [];
    const parents = new Set(
      ctx.tables.flatMap((t) => t.indexes.flatMap((i) => (i.attachedTo ? [i.attachedTo] : []))),
    );
    for (const table of ctx.tables) {
      const keys = btreeKeys(table); // constraints first: on a tie, a constraint's index is kept
      for (const [i, a] of keys.entries()) {
        if (a.source !== 'index' || !a.index) continue;
        // Of two identical keys, only the later one is reported, so a pair gives one finding.
        const b = keys.find((k, j) => k !== a && covers(k, a) && (j < i || !covers(a, k)));
        if (!b) continue;
        findings.push(
          ctx.finding(
            redundantIndex,
            table,
            undefined,
            sameList(a.elements, b.elements)
              ? `The ${describeKey(a, ctx, table)} on ${ctx.label(table)} duplicates the ${describeKey(b, ctx, table)}.`
              : `The ${describeKey(a, ctx, table)} on ${ctx.label(table)} is redundant: the ${describeKey(b, ctx, table)} starts with the same columns and serves every query it can.`,
            dropFix(table, a, parents),
          ),
        );
      }
    }
    return findings;
  },
};

/** No fix where dropping the index would change more than the index list (CLUSTER, partitions). */
function dropFix(table: Table, key: BtreeKey, parents: Set<string>): Fix | undefined {
  const index = key.index;
  if (!index || table.clusterOn === index.id || index.attachedTo || parents.has(index.id))
    return undefined;
  return {
    label: `Drop index ${index.name ?? ''}`.trimEnd(),
    apply: (d) => deleteIndex(d, table.id, index.id),
  };
}
