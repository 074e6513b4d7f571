import type { Column, Design, Table } from '../../model/schema';
import { addColumnEverywhere, lintId } from '../fixOps';
import { PRACTICE } from '../practices';
import { preferredType } from '../preferredType';
import type { Finding, Rule } from '../types';

/** Bookkeeping columns a schema tends to put on every table. */
const CONVENTION_COLUMNS = [
  'created_at',
  'updated_at',
  'inserted_at',
  'modified_at',
  'last_update',
  'created',
  'updated',
  'modified',
];
/** Share of tables that must have the column before its absence counts as inconsistent. */
const MAJORITY = 0.6;
const MIN_TABLES = 4;

/**
 * A convention is what most tables do: when at least 60% of the (non-partition) tables of a design
 * have `created_at`, the others are reported. The fix adds the column as most tables define it,
 * but in the type the review recommends: copying a `timestamp(6) without time zone` (Rails) would
 * add a column prefer-timestamptz then flags.
 */
export const missingConventionColumn: Rule = {
  id: 'missing-convention-column',
  title: 'Table missing a column most tables have',
  severity: 'info',
  why: 'When most tables record when a row was created or changed, the few that do not are usually an oversight, found the day someone needs to know when a row appeared.',
  practice: PRACTICE.conventions,
  check(_design, ctx) {
    const findings: Finding[] = [];
    const tables = ctx.tables.filter((t) => !t.partitionOf);
    if (tables.length < MIN_TABLES) return findings;
    for (const name of CONVENTION_COLUMNS) {
      const having = tables.flatMap((t) => t.columns.filter((c) => c.name === name));
      if (having.length < tables.length * MAJORITY) continue;
      const model = mostCommon(having);
      for (const table of tables) {
        if (table.columns.some((c) => c.name === name)) continue;
        findings.push(
          ctx.finding(
            missingConventionColumn,
            table,
            undefined,
            `${having.length} of ${tables.length} tables have ${name}, but ${ctx.label(table)} does not.`,
            {
              label: `Add ${name} ${preferredType(model.type)}`,
              apply: (d) => addColumnEverywhere(d, table.id, templateColumn(d, table, model)),
            },
          ),
        );
      }
    }
    return findings;
  },
};

/** The definition most tables use (type, nullability, default), so the added column matches them. */
function mostCommon(columns: Column[]): Column {
  const counts = new Map<string, [number, Column]>();
  for (const c of columns) {
    const key = `${c.type}|${c.nullable}|${c.default ?? ''}`;
    const entry = counts.get(key);
    counts.set(key, [(entry?.[0] ?? 0) + 1, entry?.[1] ?? c]);
  }
  return [...counts.values()].sort((a, b) => b[0] - a[0])[0]?.[1] ?? (columns[0] as Column);
}

function templateColumn(design: Design, table: Table, model: Column): Column {
  // A copied nextval(...) would share the model table's sequence: such a default is left off.
  const fallback =
    model.default !== undefined && !/^nextval\(/i.test(model.default.trim())
      ? model.default
      : undefined;
  // NOT NULL without a default cannot be added to a table that has rows; nullable then.
  const nullable = model.nullable || fallback === undefined;
  return {
    id: lintId(design, 'c', `${table.id}/column/${model.name}`),
    name: model.name,
    type: preferredType(model.type),
    nullable,
    ...(fallback !== undefined ? { default: fallback } : {}),
  };
}
