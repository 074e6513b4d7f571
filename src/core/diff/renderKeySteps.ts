import type { Constraint, Table } from '../model/schema';
import { columnList } from '../sql/context';
import { qualifiedName, quoteIdent } from '../sql/quote';
import { renderForeignKey } from '../sql/renderForeignKey';
import { renderIndex } from '../sql/renderIndex';
import { uniqueIndexBehind } from '../sql/referencedKey';
import { deferrableClause, tableConstraint } from '../sql/renderTable';
import { isNotValid, pairById } from './compare';
import { makeName } from './names';
import {
  addStep,
  afterName,
  afterTable,
  beforeName,
  beforeTable,
  schemaName,
  type PlanContext,
} from './planContext';

/** Constraints, foreign keys and indexes: drop, follow renames, add (safe mode: without long locks). */

const gone = (ctx: PlanContext, t: Table, id: string, part: 'constraints' | 'indexes') =>
  !ctx.to.tables[t.id]?.[part].some((x) => x.id === id) || ctx.rebuilt.has(id);

/** Foreign keys first (they hold on to the keys and columns dropped after them), then indexes, then the other constraints. */
export function dropKeys(ctx: PlanContext): void {
  for (const t of Object.values(ctx.before.design.tables)) {
    const kept = ctx.to.tables[t.id] !== undefined;
    for (const k of t.constraints) {
      if (k.kind !== 'foreignKey') continue;
      // A dropped table takes its own keys along, but not while another dropped table references it.
      const needed = kept
        ? gone(ctx, t, k.id, 'constraints')
        : k.refTableId !== t.id && !ctx.to.tables[k.refTableId];
      if (needed) dropConstraint(ctx, t, k, 'Drop foreign key');
    }
  }
  for (const t of Object.values(ctx.before.design.tables)) {
    if (!ctx.to.tables[t.id]) continue;
    for (const ix of t.indexes) {
      if (!gone(ctx, t, ix.id, 'indexes')) continue;
      const name = qualifiedName(schemaName(ctx, t.schemaId), ix.name ?? '');
      if (ctx.mode === 'safe' && !t.partitionBy) {
        addStep(
          ctx,
          `DROP INDEX CONCURRENTLY ${name};`,
          `Drop index ${ix.name} without blocking writes`,
          'SHARE UPDATE EXCLUSIVE',
          [t.id, ix.id],
          { transactional: false },
        );
      } else
        addStep(ctx, `DROP INDEX ${name};`, `Drop index ${ix.name}`, 'ACCESS EXCLUSIVE', [
          t.id,
          ix.id,
        ]);
    }
    for (const k of t.constraints)
      if (k.kind !== 'foreignKey' && gone(ctx, t, k.id, 'constraints'))
        dropConstraint(ctx, t, k, 'Drop constraint');
  }
}

function dropConstraint(ctx: PlanContext, t: Table, k: Constraint, what: string): void {
  addStep(
    ctx,
    `ALTER TABLE ${beforeName(ctx, t)} DROP CONSTRAINT ${quoteIdent(k.name ?? '')};`,
    `${what} ${k.name} on ${t.name}`,
    'ACCESS EXCLUSIVE',
    [t.id, k.id],
  );
}

/** Renamed constraints and indexes, and those whose PostgreSQL-chosen name follows a renamed table or column. */
export function renameKeys(ctx: PlanContext): void {
  for (const u of Object.values(ctx.after.design.tables)) {
    const t = beforeTable(ctx, u.id);
    if (!t) continue;
    const renames: {
      sql: (from: string, to: string) => string;
      from: string;
      to: string;
      id: string;
    }[] = [];
    for (const [k, l] of pairById(t.constraints, u.constraints).kept) {
      if (!ctx.rebuilt.has(k.id) && k.name !== l.name) {
        renames.push({
          sql: (a, b) =>
            `ALTER TABLE ${afterName(ctx, u)} RENAME CONSTRAINT ${quoteIdent(a)} TO ${quoteIdent(b)};`,
          from: k.name ?? '',
          to: l.name ?? '',
          id: k.id,
        });
      }
    }
    for (const [ix, iy] of pairById(t.indexes, u.indexes).kept) {
      if (!ctx.rebuilt.has(ix.id) && ix.name !== iy.name) {
        renames.push({
          sql: (a, b) =>
            `ALTER INDEX ${qualifiedName(schemaName(ctx, u.schemaId), a)} RENAME TO ${quoteIdent(b)};`,
          from: ix.name ?? '',
          to: iy.name ?? '',
          id: ix.id,
        });
      }
    }
    // Swapped names go through a temporary name, or the first rename would collide.
    const sources = new Set(renames.map((r) => r.from));
    const swap = renames.some((r) => sources.has(r.to));
    renames.forEach((r, i) => {
      const via = swap ? makeName(`tw_rename_${i}`, undefined, 'tmp') : r.to;
      addStep(ctx, r.sql(r.from, via), `Rename ${r.from} to ${r.to}`, 'ACCESS EXCLUSIVE', [
        u.id,
        r.id,
      ]);
    });
    if (swap)
      renames.forEach((r, i) =>
        addStep(
          ctx,
          r.sql(makeName(`tw_rename_${i}`, undefined, 'tmp'), r.to),
          `Rename ${r.from} to ${r.to} (second half)`,
          'ACCESS EXCLUSIVE',
          [u.id, r.id],
        ),
      );
  }
}

/** Whether a constraint of `to` must be added: its table is kept and it is new or rebuilt. */
function toAdd(
  ctx: PlanContext,
  t: Table,
  k: { id: string },
  part: 'constraints' | 'indexes',
): boolean {
  const before = ctx.from.tables[t.id];
  return (
    before !== undefined && (!before[part].some((x) => x.id === k.id) || ctx.rebuilt.has(k.id))
  );
}

/** A formerly NOT VALID constraint that is now valid. */
function toValidate(ctx: PlanContext, t: Table, k: Constraint): boolean {
  const old = ctx.from.tables[t.id]?.constraints.find((x) => x.id === k.id);
  return old !== undefined && !ctx.rebuilt.has(k.id) && isNotValid(old) && !isNotValid(k);
}

function validate(ctx: PlanContext, t: Table, k: Constraint, why: string): void {
  addStep(
    ctx,
    `ALTER TABLE ${afterName(ctx, t)} VALIDATE CONSTRAINT ${quoteIdent(k.name ?? '')};`,
    why,
    'SHARE UPDATE EXCLUSIVE',
    [t.id, k.id],
  );
}

/** Primary key, unique, check and exclusion constraints on kept tables; NOT VALID checks of new tables. */
export function addConstraints(ctx: PlanContext): void {
  for (const t of Object.values(ctx.after.design.tables)) {
    const isNew = !ctx.from.tables[t.id];
    const name = afterName(ctx, t);
    for (const k of t.constraints) {
      if (k.kind === 'foreignKey') continue;
      if (toValidate(ctx, t, k)) validate(ctx, t, k, `Validate ${k.name} on ${t.name}`);
      const add = isNew ? k.kind === 'check' && k.notValid : toAdd(ctx, t, k, 'constraints');
      if (!add) continue;
      const plain = () =>
        addStep(
          ctx,
          `ALTER TABLE ${name} ADD ${tableConstraint(ctx.after, t, k)};`,
          `Add ${k.kind} ${k.name} on ${t.name}`,
          'ACCESS EXCLUSIVE',
          [t.id, k.id],
        );
      if (ctx.mode === 'simple' || isNew || k.kind === 'exclude' || t.partitionBy) plain();
      else if (k.kind === 'check') {
        addStep(
          ctx,
          `ALTER TABLE ${name} ADD ${tableConstraint(ctx.after, t, { ...k, notValid: true })};`,
          `Add check ${k.name} on ${t.name} for new rows (no scan)`,
          'ACCESS EXCLUSIVE',
          [t.id, k.id],
        );
        if (!k.notValid)
          validate(ctx, t, k, `Validate ${k.name} on existing rows while writes go on`);
      } else {
        const index = quoteIdent(k.name ?? '');
        let create = `CREATE UNIQUE INDEX CONCURRENTLY ${index} ON ${name} ${columnList(ctx.after, t, k.columnIds)}`;
        if (k.include && k.include.length > 0)
          create += ` INCLUDE ${columnList(ctx.after, t, k.include)}`;
        if (k.kind === 'unique' && k.nullsNotDistinct) create += ' NULLS NOT DISTINCT';
        addStep(
          ctx,
          create + ';',
          `Build the index of ${k.name} without blocking writes (an interrupted build leaves an INVALID index to drop)`,
          'SHARE UPDATE EXCLUSIVE',
          [t.id, k.id],
          { transactional: false },
        );
        const kind = k.kind === 'primaryKey' ? 'PRIMARY KEY' : 'UNIQUE';
        addStep(
          ctx,
          `ALTER TABLE ${name} ADD CONSTRAINT ${index} ${kind} USING INDEX ${index}${deferrableClause(k.deferrable)};`,
          `Make the index ${k.name} a ${k.kind} constraint`,
          'ACCESS EXCLUSIVE',
          [t.id, k.id],
        );
      }
    }
  }
}

/**
 * Foreign keys of new tables, and new or rebuilt ones of kept tables (safe mode: NOT VALID, then
 * VALIDATE), in two phases: `onConstraints` before the indexes are created, for keys onto a
 * primary key or unique constraint; `onIndexes` after them, for keys onto columns unique only
 * through a unique index, which PostgreSQL refuses before the index exists (42830). In safe mode
 * that index is built CONCURRENTLY, committed on its own before the foreign key's step.
 */
export function addForeignKeys(ctx: PlanContext, phase: 'onConstraints' | 'onIndexes'): void {
  for (const t of Object.values(ctx.after.design.tables)) {
    const isNew = !ctx.from.tables[t.id];
    for (const k of t.constraints) {
      if (k.kind !== 'foreignKey') continue;
      const ref = afterTable(ctx, k.refTableId);
      if (!ref) continue;
      if ((uniqueIndexBehind(k, ref) !== undefined) !== (phase === 'onIndexes')) continue;
      if (toValidate(ctx, t, k)) validate(ctx, t, k, `Validate ${k.name} on ${t.name}`);
      if (!isNew && !toAdd(ctx, t, k, 'constraints')) continue;
      const ids = [t.id, k.id, ref.id];
      const lock = 'SHARE ROW EXCLUSIVE';
      if (ctx.mode === 'simple' || isNew) {
        addStep(
          ctx,
          renderForeignKey(ctx.after, t, k, ref),
          `Add foreign key ${k.name} ${t.name} -> ${ref.name}`,
          lock,
          ids,
        );
      } else {
        addStep(
          ctx,
          renderForeignKey(ctx.after, t, { ...k, notValid: true }, ref),
          `Add foreign key ${k.name} ${t.name} -> ${ref.name} for new rows (no scan)`,
          lock,
          ids,
        );
        if (!k.notValid)
          validate(ctx, t, k, `Validate ${k.name} on existing rows while writes go on`);
      }
    }
  }
}

/** Indexes of new tables (plain: nobody uses the table yet), new or rebuilt ones of kept tables. */
export function createIndexes(ctx: PlanContext): void {
  for (const t of Object.values(ctx.after.design.tables)) {
    const isNew = !ctx.from.tables[t.id];
    for (const ix of t.indexes) {
      if (!isNew && !toAdd(ctx, t, ix, 'indexes')) continue;
      const sql = renderIndex(ctx.after, t, ix);
      if (ctx.mode === 'safe' && !isNew && !t.partitionBy) {
        addStep(
          ctx,
          sql.replace(/^CREATE (UNIQUE )?INDEX /, 'CREATE $1INDEX CONCURRENTLY '),
          `Build index ${ix.name} on ${t.name} without blocking writes (an interrupted build leaves an INVALID index to drop)`,
          'SHARE UPDATE EXCLUSIVE',
          [t.id, ix.id],
          { transactional: false },
        );
      } else
        addStep(ctx, sql, `Create index ${ix.name} on ${t.name}`, isNew ? 'none' : 'SHARE', [
          t.id,
          ix.id,
        ]);
    }
  }
}
