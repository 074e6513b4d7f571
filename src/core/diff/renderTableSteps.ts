import type { Table } from '../model/schema';
import { qualifiedName, quoteIdent, quoteLiteral } from '../sql/quote';
import { renderAttachPartition } from '../sql/renderPartitions';
import { renderCreateTable } from '../sql/renderTable';
import { renderRowSecurity } from '../sql/renderTableAlters';
import { renderTableComments } from '../sql/renderComments';
import { pairById } from './compare';
import {
  addStep,
  afterName,
  afterTable,
  beforeName,
  inTableSchema,
  schemaName,
  type PlanContext,
} from './planContext';

/** Whole tables: drop, rename and move, create, options, and every comment on a table's parts. */

/** Partitions and inheritance children before their parents. */
function childrenFirst(tables: Table[]): Table[] {
  const ids = new Set(tables.map((t) => t.id));
  const depth = (t: Table, seen = new Set<string>()): number => {
    const parents = [t.partitionOf?.tableId, ...t.inherits].filter(
      (p): p is string => p !== undefined && ids.has(p),
    );
    if (seen.has(t.id)) return 0;
    seen.add(t.id);
    return parents.length === 0
      ? 0
      : 1 +
          Math.max(
            ...parents.map((p) =>
              depth(
                tables.find((x) => x.id === p)!,
                seen,
              ),
            ),
          );
  };
  return [...tables].sort((a, b) => depth(b) - depth(a));
}

export function dropTables(ctx: PlanContext): void {
  const { removed } = pairById(Object.values(ctx.from.tables), Object.values(ctx.to.tables));
  for (const t of childrenFirst(removed)) {
    addStep(
      ctx,
      `DROP TABLE ${beforeName(ctx, t)};`,
      `Drop table ${t.name}`,
      'ACCESS EXCLUSIVE',
      [t.id],
      {
        destructive: { loses: `every row of table ${t.name}` },
      },
    );
  }
}

export function renameTables(ctx: PlanContext): void {
  for (const [t, u] of pairById(Object.values(ctx.from.tables), Object.values(ctx.to.tables))
    .kept) {
    if (t.schemaId !== u.schemaId) {
      const target = schemaName(ctx, u.schemaId);
      addStep(
        ctx,
        `ALTER TABLE ${beforeName(ctx, t)} SET SCHEMA ${quoteIdent(target)};`,
        `Move table ${t.name} to schema ${target}`,
        'ACCESS EXCLUSIVE',
        [t.id],
      );
    }
    if (t.name !== u.name) {
      const current = qualifiedName(schemaName(ctx, u.schemaId), t.name);
      addStep(
        ctx,
        `ALTER TABLE ${current} RENAME TO ${quoteIdent(u.name)};`,
        `Rename table ${t.name} to ${u.name}`,
        'ACCESS EXCLUSIVE',
        [t.id],
      );
    }
  }
}

/** New tables with their primary key, unique, check and exclusion constraints (keys come later). */
export function createTables(ctx: PlanContext): void {
  for (const y of pairById(Object.values(ctx.from.tables), Object.values(ctx.to.tables)).added) {
    const t = afterTable(ctx, y.id)!;
    addStep(ctx, renderCreateTable(ctx.after, t), `Create table ${t.name}`, 'none', [t.id]);
    const parent = t.partitionOf ? afterTable(ctx, t.partitionOf.tableId) : undefined;
    if (parent) {
      addStep(
        ctx,
        renderAttachPartition(ctx.after, parent, t),
        `Attach ${t.name} as a partition of ${parent.name}`,
        'SHARE UPDATE EXCLUSIVE',
        [t.id, parent.id],
      );
    }
    for (const sql of renderRowSecurity(ctx.after, t))
      addStep(ctx, sql, `Row level security on ${t.name}`, 'none', [t.id]);
  }
}

export function alterTableOptions(ctx: PlanContext): void {
  for (const [t, u] of pairById(Object.values(ctx.from.tables), Object.values(ctx.to.tables))
    .kept) {
    const name = afterName(ctx, u);
    if (!!t.unlogged !== !!u.unlogged) {
      addStep(
        ctx,
        `ALTER TABLE ${name} SET ${u.unlogged ? 'UNLOGGED' : 'LOGGED'};`,
        `Make ${u.name} ${u.unlogged ? 'unlogged' : 'logged'}`,
        'ACCESS EXCLUSIVE',
        [u.id],
        { rewritesTable: true },
      );
    }
    if (!!t.rowSecurity !== !!u.rowSecurity) {
      addStep(
        ctx,
        `ALTER TABLE ${name} ${u.rowSecurity ? 'ENABLE' : 'DISABLE'} ROW LEVEL SECURITY;`,
        `Row level security on ${u.name}`,
        'ACCESS EXCLUSIVE',
        [u.id],
      );
    }
    if (!!t.forceRowSecurity !== !!u.forceRowSecurity) {
      addStep(
        ctx,
        `ALTER TABLE ${name} ${u.forceRowSecurity ? 'FORCE' : 'NO FORCE'} ROW LEVEL SECURITY;`,
        `Forced row level security on ${u.name}`,
        'ACCESS EXCLUSIVE',
        [u.id],
      );
    }
    const before = t.storageParameters;
    const after = u.storageParameters;
    const key = (p: string) => p.split('=')[0]?.trim() ?? p;
    const reset = before.map(key).filter((k) => !after.map(key).includes(k));
    const set = after.filter((p) => !before.includes(p));
    if (reset.length > 0)
      addStep(
        ctx,
        `ALTER TABLE ${name} RESET (${reset.join(', ')});`,
        `Reset storage parameters of ${u.name}`,
        'SHARE UPDATE EXCLUSIVE',
        [u.id],
      );
    if (set.length > 0)
      addStep(
        ctx,
        `ALTER TABLE ${name} SET (${set.join(', ')});`,
        `Set storage parameters of ${u.name}`,
        'SHARE UPDATE EXCLUSIVE',
        [u.id],
      );
  }
}

const literal = (value: string | undefined) => (value ? quoteLiteral(value) : 'NULL');

/**
 * Comments that differ: all of a new table's, and on kept tables those whose text changed or whose
 * object was dropped and added again (a rebuilt key loses its comment).
 */
export function commentTables(ctx: PlanContext): void {
  for (const y of Object.values(ctx.to.tables)) {
    const t = afterTable(ctx, y.id)!;
    const x = ctx.from.tables[y.id];
    if (!x) {
      for (const sql of renderTableComments(ctx.after, t))
        addStep(ctx, sql, `Comment on ${t.name}`, 'none', [t.id]);
      continue;
    }
    const name = afterName(ctx, t);
    const add = (sql: string, what: string, id: string) =>
      addStep(ctx, sql, `Comment on ${what}`, 'none', [t.id, id]);
    if ((x.comment ?? '') !== (t.comment ?? ''))
      add(`COMMENT ON TABLE ${name} IS ${literal(t.comment)};`, `table ${t.name}`, t.id);
    for (const c of t.columns) {
      const old = x.columns.find((o) => o.id === c.id);
      if ((old?.comment ?? '') !== (c.comment ?? '')) {
        add(
          `COMMENT ON COLUMN ${name}.${quoteIdent(c.name)} IS ${literal(c.comment)};`,
          `column ${t.name}.${c.name}`,
          c.id,
        );
      }
    }
    for (const k of t.constraints) {
      const old = x.constraints.find((o) => o.id === k.id);
      const had = old && !ctx.rebuilt.has(k.id) ? (old.comment ?? '') : '';
      if (had !== (k.comment ?? ''))
        add(
          `COMMENT ON CONSTRAINT ${quoteIdent(k.name ?? '')} ON ${name} IS ${literal(k.comment)};`,
          `constraint ${k.name}`,
          k.id,
        );
    }
    for (const ix of t.indexes) {
      const old = x.indexes.find((o) => o.id === ix.id);
      const had = old && !ctx.rebuilt.has(ix.id) ? (old.comment ?? '') : '';
      if (had !== (ix.comment ?? ''))
        add(
          `COMMENT ON INDEX ${inTableSchema(ctx, t, ix.name ?? '')} IS ${literal(ix.comment)};`,
          `index ${ix.name}`,
          ix.id,
        );
    }
  }
}
