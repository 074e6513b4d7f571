import { plainType } from '../../model/pgType';
import type { Design } from '../../model/schema';
import { addInferredForeignKey, leadsAnIndex } from '../fixOps';
import { PRACTICE } from '../practices';
import { guessReference, tablesByName } from '../referenceGuess';
import type { Finding, Rule } from '../types';

/** `a`, `a or b`, `a, b or c`. */
function orList(words: string[]): string {
  return words.length < 2
    ? (words[0] ?? '')
    : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
}

/**
 * `tableId/column` of columns a partition or inheritance child declares a foreign key on:
 * pagila's payment partitions each have their own, so the partitioned parent lacks none.
 */
function declaredOnChildren(design: Design): Set<string> {
  const out = new Set<string>();
  for (const table of Object.values(design.tables)) {
    const names = table.constraints.flatMap((k) =>
      k.kind === 'foreignKey'
        ? k.columnIds.map((id) => table.columns.find((c) => c.id === id)?.name ?? '')
        : [],
    );
    if (names.length === 0) continue;
    const seen = new Set<string>();
    const up = [table.partitionOf?.tableId, ...table.inherits];
    while (up.length > 0) {
      const parent = design.tables[up.pop() ?? ''];
      if (!parent || seen.has(parent.id)) continue;
      seen.add(parent.id);
      for (const name of names) out.add(`${parent.id}/${name}`);
      up.push(parent.partitionOf?.tableId, ...parent.inherits);
    }
  }
  return out;
}

/**
 * `<thing>_id` columns with no foreign key where the name and type point at exactly one table's
 * key: Rails and Ecto applications often relate tables only in code (GitLab's schema has
 * thousands of such columns), so the database checks nothing and the diagram draws no line.
 */
export const likelyForeignKey: Rule = {
  id: 'likely-foreign-key',
  title: 'Likely foreign key without a constraint',
  severity: 'warning',
  why: 'A column that holds another table’s key but has no foreign key can point at rows that were deleted or never existed, and nothing in the schema says how the tables relate. Declaring it lets PostgreSQL keep the reference true and shows the relationship on the diagram.',
  practice: PRACTICE.undeclaredReference,
  check(design, ctx) {
    const findings: Finding[] = [];
    const byName = tablesByName(design);
    const onChildren = declaredOnChildren(design);
    for (const table of ctx.tables) {
      const declared = new Set(
        table.constraints.flatMap((k) => (k.kind === 'foreignKey' ? k.columnIds : [])),
      );
      for (const column of table.columns) {
        if (declared.has(column.id) || ctx.inherited(table, column)) continue;
        if (onChildren.has(`${table.id}/${column.name}`)) continue;
        const guess = guessReference(byName, table, column);
        if (!guess) continue;
        const { target, targetColumn } = guess;
        const ref = `${ctx.label(target)}.${targetColumn.name}`;
        const why =
          guess.thing === 'parent'
            ? `${column.name} names a parent row of ${ctx.label(table)} itself`
            : `${ctx.label(target)} is the only table called ${orList(guess.names)}${guess.prefix ? `, prefixed ${guess.prefix} like ${table.name}` : ''}${guess.elsewhere > 0 ? ' in its schema' : ''}`;
        if (!guess.sameType) {
          findings.push(
            ctx.finding(
              likelyForeignKey,
              table,
              column,
              `${column.name} looks like a reference to ${ref}: ${why}, but ${column.name} is ${column.type} and ${ref} is ${plainType(targetColumn.type)}. If it holds ${ref}, change its type to ${plainType(targetColumn.type)} and add the foreign key (no one-click fix while the types differ).`,
            ),
          );
          continue;
        }
        findings.push(
          ctx.finding(
            likelyForeignKey,
            table,
            column,
            `${column.name} matches ${ref} (${plainType(targetColumn.type)}): ${why}, with the same type. No foreign key declares it, so PostgreSQL lets it point at rows that do not exist and the diagram draws no line.`,
            {
              label: `Add foreign key to ${ref}${leadsAnIndex(table, column.id) ? '' : ` and an index on ${column.name}`}`,
              apply: (d) =>
                addInferredForeignKey(d, table.id, column.id, target.id, targetColumn.id),
            },
          ),
        );
      }
    }
    return findings;
  },
};
