import type { Design, Table } from '../model/schema';
import { createRenderContext, type RenderContext } from '../sql/context';
import { findOmissions } from '../sql/omissions';
import { qualifiedName } from '../sql/quote';
import {
  columnFieldsChanged,
  columnsUsed,
  constraintDefinition,
  indexDefinition,
  isNotValid,
  pairById,
  typeKey,
} from './compare';
import { isAppendOnly } from './diffDesigns';
import { resolveNames } from './names';
import type { LockLevel, MigrationMode, MigrationStep } from './types';

/**
 * Everything the step renderers share while planning one direction (`from` -> `to`): both designs
 * with every constraint and index named (given or predicted), render contexts, and the decisions
 * several phases depend on (which keys are rebuilt, which enums recreated).
 */
export interface PlanContext {
  from: Design;
  to: Design;
  mode: MigrationMode;
  /** `from` with every constraint/index named, its schemas already renamed (the drop phase's view). */
  before: RenderContext;
  /** `to` with every constraint/index named. */
  after: RenderContext;
  /** Ids of constraints and indexes dropped and added again (redefined, or their columns change type). */
  rebuilt: Set<string>;
  /** Enums whose labels were removed or reordered: recreated under the same name. */
  recreatedEnums: Set<string>;
  /** Columns whose type changes (including a recreated enum's columns). */
  retyped: Set<string>;
  steps: MigrationStep[];
}

/** A step with defaults: transactional, no lock. */
export function addStep(
  ctx: PlanContext,
  sql: string,
  description: string,
  lock: LockLevel,
  entityIds: string[],
  extra: Partial<MigrationStep> = {},
): void {
  ctx.steps.push({ sql, description, lock, transactional: true, entityIds, ...extra });
}

/** The design with every unnamed constraint and index given the name PostgreSQL would give it. */
function named(design: Design, names: Map<string, string>): Design {
  const tables: Record<string, Table> = {};
  for (const [id, t] of Object.entries(design.tables)) {
    tables[id] = {
      ...t,
      constraints: t.constraints.map((k) => ({ ...k, name: names.get(k.id) ?? k.name })),
      indexes: t.indexes.map((ix) => ({ ...ix, name: names.get(ix.id) ?? ix.name })),
    };
  }
  return { ...design, tables };
}

/**
 * The design as its DDL has it: what generateDdl leaves out (a foreign key to a missing table, a
 * name over 63 bytes ...) is not in the database either, so the migration must not touch it.
 */
export function asGenerated(design: Design): Design {
  const { omitted } = findOmissions(design);
  if (omitted.size === 0) return design;
  const keep = <T extends { id: string }>(xs: readonly T[]) => xs.filter((x) => !omitted.has(x.id));
  const pick = <T extends { id: string }>(r: Record<string, T>) =>
    Object.fromEntries(Object.entries(r).filter(([id]) => !omitted.has(id)));
  const tables: Record<string, Table> = {};
  for (const [id, t] of Object.entries(pick(design.tables))) {
    tables[id] = {
      ...t,
      columns: keep(t.columns),
      constraints: keep(t.constraints),
      indexes: keep(t.indexes),
    };
  }
  return { ...design, schemas: pick(design.schemas), enums: pick(design.enums), tables };
}

export function createPlanContext(
  fromDesign: Design,
  toDesign: Design,
  mode: MigrationMode,
): PlanContext {
  const from = asGenerated(fromDesign);
  const to = asGenerated(toDesign);
  const beforeDesign = named(from, resolveNames(from));
  // Schemas are renamed first, so the drop phase finds `from`'s objects under the new schema names.
  const schemas = { ...beforeDesign.schemas };
  for (const [id, s] of Object.entries(to.schemas)) if (schemas[id]) schemas[id] = { ...s };
  const before = createRenderContext({ ...beforeDesign, schemas }, new Set());
  const after = createRenderContext(named(to, resolveNames(to)), new Set());

  const recreatedEnums = new Set<string>();
  for (const e of Object.values(from.enums)) {
    const f = to.enums[e.id];
    if (f && !isAppendOnly(e.values, f.values)) recreatedEnums.add(e.id);
  }
  const retyped = new Set<string>();
  const rebuilt = new Set<string>();
  for (const [x, y] of pairById(Object.values(from.tables), Object.values(to.tables)).kept) {
    for (const [c, d] of pairById(x.columns, y.columns).kept) {
      const key = typeKey(from, c.type);
      const viaEnum =
        key.startsWith('enum:') && recreatedEnums.has(key.slice(5).replace(/\[.*$/, ''));
      if (viaEnum || columnFieldsChanged(from, to, c, d).includes('type')) retyped.add(c.id);
    }
    for (const [k, l] of pairById(x.constraints, y.constraints).kept) {
      const loosened = !isNotValid(k) && isNotValid(l);
      // Keys and checks on a retyped column are rebuilt by ALTER COLUMN TYPE itself.
      if (constraintDefinition(k) !== constraintDefinition(l) || loosened) rebuilt.add(k.id);
    }
    for (const [ix, iy] of pairById(x.indexes, y.indexes).kept) {
      if (indexDefinition(ix) !== indexDefinition(iy)) rebuilt.add(ix.id);
    }
  }
  markForeignKeys(from, to, retyped, rebuilt);
  return { from, to, mode, before, after, rebuilt, recreatedEnums, retyped, steps: [] };
}

/**
 * A foreign key must be dropped while the key it references is rebuilt, and is rebuilt when its
 * columns or the referenced ones change type (then it is validated again, NOT VALID first in safe mode).
 */
function markForeignKeys(
  from: Design,
  to: Design,
  retyped: Set<string>,
  rebuilt: Set<string>,
): void {
  for (const t of Object.values(from.tables)) {
    if (!to.tables[t.id]) continue;
    for (const k of t.constraints) {
      if (k.kind !== 'foreignKey' || rebuilt.has(k.id)) continue;
      const ref = from.tables[k.refTableId];
      const refKeyRebuilt =
        (ref?.constraints ?? []).some(
          (key) =>
            (key.kind === 'primaryKey' || key.kind === 'unique') &&
            sameSet(key.columnIds, k.refColumnIds) &&
            (rebuilt.has(key.id) || !to.tables[ref!.id]?.constraints.some((c) => c.id === key.id)),
        ) ||
        (ref?.indexes ?? []).some(
          (ix) =>
            ix.unique &&
            sameSet(columnsUsed(ix), k.refColumnIds) &&
            (rebuilt.has(ix.id) || !to.tables[ref!.id]?.indexes.some((i) => i.id === ix.id)),
        );
      if (refKeyRebuilt || [...k.columnIds, ...k.refColumnIds].some((id) => retyped.has(id)))
        rebuilt.add(k.id);
    }
  }
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

/** A table's name as SQL in `from`, under the schema's new name. */
export function beforeName(ctx: PlanContext, table: Table): string {
  return ctx.before.tableName(ctx.before.design.tables[table.id] ?? table);
}

/** A table's name as SQL in `to`. */
export function afterName(ctx: PlanContext, table: Table): string {
  return ctx.after.tableName(ctx.after.design.tables[table.id] ?? table);
}

/** The named copy (constraint and index names filled in) of a table in `from` / `to`. */
export function beforeTable(ctx: PlanContext, id: string): Table | undefined {
  return ctx.before.design.tables[id];
}
export function afterTable(ctx: PlanContext, id: string): Table | undefined {
  return ctx.after.design.tables[id];
}

/** A schema's name in `to`, or in `from` for one being dropped. */
export function schemaName(ctx: PlanContext, schemaId: string): string {
  return ctx.to.schemas[schemaId]?.name ?? ctx.from.schemas[schemaId]?.name ?? 'public';
}

/** `schema.name` of an index or sequence living in a table's schema, in `to`. */
export function inTableSchema(ctx: PlanContext, table: Table, name: string): string {
  return qualifiedName(schemaName(ctx, table.schemaId), name);
}
