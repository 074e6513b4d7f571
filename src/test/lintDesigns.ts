import { expect } from 'vitest';
import { emptyDesign } from '../core/model/design';
import { checkIntegrity } from '../core/model/integrity';
import type { Column, Constraint, Design, Index, Table } from '../core/model/schema';
import { generateDdl } from '../core/sql/generateDdl';
import { lintDesign } from '../core/lint/lintDesign';
import type { Finding, Rule } from '../core/lint/types';

/** Test designs in a few lines. Ids are readable: table `t_orders`, column `c_orders_id`. */
export type ColumnSpec = [name: string, type: string, extra?: Partial<Column>];

export interface TableSpec {
  name: string;
  schemaId?: string;
  columns: ColumnSpec[];
  pk?: string[];
  unique?: string[][];
  checks?: string[];
  /** [columns, referenced table, referenced columns, extra]. */
  fks?: Array<[string[], string, string[], Partial<Extract<Constraint, { kind: 'foreignKey' }>>?]>;
  indexes?: Array<Partial<Index> & { columns: string[] }>;
  extra?: Partial<Table>;
}

export const columnId = (table: string, column: string) => `c_${table}_${column}`;

export function table(spec: TableSpec): Table {
  const id = `t_${spec.name}`;
  const col = (c: string) => columnId(spec.name, c);
  const constraints: Constraint[] = [];
  if (spec.pk)
    constraints.push({
      id: `k_${spec.name}_pkey`,
      name: `${spec.name}_pkey`,
      kind: 'primaryKey',
      columnIds: spec.pk.map(col),
      include: [],
    });
  for (const [i, u] of (spec.unique ?? []).entries()) {
    constraints.push({
      id: `k_${spec.name}_u${i}`,
      name: `${spec.name}_u${i}_key`,
      kind: 'unique',
      columnIds: u.map(col),
      include: [],
    });
  }
  for (const [i, expression] of (spec.checks ?? []).entries()) {
    constraints.push({
      id: `k_${spec.name}_c${i}`,
      name: `${spec.name}_c${i}_check`,
      kind: 'check',
      expression,
    });
  }
  for (const [i, [cols, ref, refCols, extra]] of (spec.fks ?? []).entries()) {
    constraints.push({
      id: `k_${spec.name}_f${i}`,
      name: `${spec.name}_f${i}_fkey`,
      kind: 'foreignKey',
      columnIds: cols.map(col),
      refTableId: `t_${ref}`,
      refColumnIds: refCols.map((c) => columnId(ref, c)),
      onDelete: 'restrict',
      onUpdate: 'noAction',
      deferrable: 'notDeferrable',
      ...extra,
    });
  }
  const indexes: Index[] = (spec.indexes ?? []).map(({ columns, ...rest }, i) => ({
    id: `i_${spec.name}_${i}`,
    name: `${spec.name}_i${i}_idx`,
    unique: false,
    method: 'btree',
    elements: columns.map((c) => ({ kind: 'column', columnId: col(c) })),
    include: [],
    ...rest,
  }));
  return {
    id,
    schemaId: spec.schemaId ?? 's_public',
    name: spec.name,
    comment: `One ${spec.name} row.`,
    columns: spec.columns.map(([name, type, extra]) => ({
      id: col(name),
      name,
      type,
      nullable: false,
      ...extra,
    })),
    constraints,
    indexes,
    inherits: [],
    storageParameters: [],
    ...spec.extra,
  };
}

export function design(...tables: TableSpec[]): Design {
  const d = emptyDesign('test', 'd_test');
  return {
    ...d,
    tables: Object.fromEntries(tables.map((spec) => [`t_${spec.name}`, table(spec)])),
  };
}

export const run = (rule: Rule, d: Design) => lintDesign(d, { rules: [rule] });

/** Where a finding is: `table` or `table.column`, for compact expectations. */
export const where = (findings: Finding[]) =>
  findings.map((f) => (f.column === null ? f.table : `${f.table}.${f.column}`));

/**
 * Applies each fix of the rule's findings to the design it came from, and checks what a fix must
 * guarantee: its finding is gone, the design is still whole, and the DDL has no new problems.
 */
export function expectFixesResolve(rule: Rule, d: Design, limit = Infinity): number {
  const before = generateDdl(d).problems.length;
  let applied = 0;
  for (const finding of run(rule, d)) {
    if (!finding.fix || applied >= limit) continue;
    const next = finding.fix.apply(d);
    applied++;
    const again = run(rule, next).filter(
      (f) =>
        f.tableId === finding.tableId &&
        f.columnId === finding.columnId &&
        f.message === finding.message,
    );
    expect(again, `${finding.fix.label} leaves: ${finding.message}`).toEqual([]);
    expect(checkIntegrity(next), finding.fix.label).toBeUndefined();
    expect(generateDdl(next).problems.length, finding.fix.label).toBeLessThanOrEqual(before);
  }
  return applied;
}

/**
 * Applies fixes one at a time, linting again after each (a fix may change what others would do,
 * e.g. widening a key its referencing columns follow), until none is left or `max` were applied.
 */
export function applyAllFixes(d: Design, max = 1000): { design: Design; applied: string[] } {
  const applied: string[] = [];
  const tried = new Set<string>();
  let current = d;
  while (applied.length < max) {
    const next = lintDesign(current).find(
      (f) => f.fix && !tried.has(`${f.rule}|${f.tableId}|${f.message}`),
    );
    if (!next?.fix) break;
    tried.add(`${next.rule}|${next.tableId}|${next.message}`);
    current = next.fix.apply(current);
    applied.push(`${next.rule}: ${next.fix.label}`);
  }
  return { design: current, applied };
}

/** A design on which most fixable rules fire at once. */
export const messyDesign = (): Design => {
  const d = design(
    {
      name: 'Customer',
      columns: [
        ['id', 'serial'],
        ['email', 'varchar(200)'],
        ['active', 'boolean', { nullable: true }],
        ['created_at', 'timestamp', { default: 'now()' }],
      ],
      pk: ['id'],
    },
    {
      name: 'orders',
      columns: [
        ['id', 'integer'],
        ['customer_id', 'integer'],
        ['total', 'real'],
        ['country', 'char(2)'],
        ['data', 'json'],
        ['note', 'text', { nullable: true }],
        ['created_at', 'timestamp', { default: 'now()' }],
      ],
      pk: ['id'],
      unique: [['customer_id', 'note']],
      fks: [[['customer_id'], 'Customer', ['id']]],
      indexes: [{ columns: ['total'] }, { columns: ['total', 'country'] }],
    },
    {
      name: 'token',
      columns: [
        ['id', 'uuid', { default: 'gen_random_uuid()' }],
        ['customer_id', 'bigint'],
      ],
      pk: ['id'],
      fks: [[['customer_id'], 'Customer', ['id']]],
    },
    {
      name: 'audit',
      columns: [
        ['id', 'bigint', { identity: 'always' }],
        ['created_at', 'timestamptz', { default: 'now()' }],
      ],
      pk: ['id'],
    },
    { name: 'extra', columns: [['id', 'bigint', { identity: 'always' }]], pk: ['id'] },
  );
  const orders = d.tables.t_orders;
  if (orders) orders.constraints = orders.constraints.map(({ name: _n, ...k }) => k);
  return d;
};
