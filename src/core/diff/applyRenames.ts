import type { Constraint, Design, Index, Table } from '../model/schema';
import { constraintDefinition, indexDefinition } from './compare';
import { tablePairs } from './inferRenames';
import type { Renames } from './renames';

/**
 * Design B with the old ids on what the renames say it renamed, so the planner (which pairs by
 * id) plans ALTER ... RENAME where it planned DROP and ADD. Followed through: a renamed table's
 * columns of the same name; in every table pair, the constraints and indexes that are the same
 * key under a new name (PostgreSQL named them after the old table or column); and every
 * reference to those ids (foreign keys from other tables, indexes, partitions, inheritance, the
 * raw objects on a table or depending on it).
 */
export function applyRenames(a: Design, b: Design, renames: Renames): Design {
  if (renames.tables.length === 0 && renames.columns.length === 0) return b;
  const ids = new Map<string, string>();
  for (const r of renames.tables) ids.set(r.toId, r.fromId);
  for (const r of renames.columns) ids.set(r.toId, r.fromId);
  const pairs = tablePairs(a, b, renames.tables);
  for (const [t, u] of pairs) {
    if (t.id === u.id) continue;
    for (const d of u.columns) {
      const c = t.columns.find((x) => x.name === d.name);
      if (c && !ids.has(d.id)) ids.set(d.id, c.id);
    }
  }
  // Keys are compared with their columns' new ids mapped, so they must follow the columns.
  const mapped = mapIds(b, ids);
  const keys = new Map<string, string>();
  for (const [t, u0] of pairs) {
    const u = mapped.tables[t.id] ?? u0;
    pairKeys(t.constraints, u.constraints, constraintDefinition, keys);
    pairKeys(t.indexes, u.indexes, indexDefinition, keys);
  }
  return keys.size === 0 ? mapped : mapIds(mapped, keys);
}

/**
 * For keys of the new table not in the old one by id: the old key of the same name, else the
 * one old key (not in the new table by id) with the same definition.
 */
function pairKeys<K extends Constraint | Index>(
  before: readonly K[],
  after: readonly K[],
  definition: (k: K) => string,
  out: Map<string, string>,
): void {
  const afterIds = new Set(after.map((k) => k.id));
  const free = before.filter((k) => !afterIds.has(k.id));
  for (const l of after) {
    if (before.some((k) => k.id === l.id)) continue;
    const byName = free.find((k) => k.name !== undefined && k.name === l.name);
    const sameDefinition = free.filter((k) => definition(k) === definition(l));
    const k = byName ?? (sameDefinition.length === 1 ? sameDefinition[0] : undefined);
    if (!k) continue;
    out.set(l.id, k.id);
    free.splice(free.indexOf(k), 1);
  }
}

/** The design with ids replaced, everywhere they appear. */
function mapIds(design: Design, ids: ReadonlyMap<string, string>): Design {
  const id = (x: string) => ids.get(x) ?? x;
  const tables: Record<string, Table> = {};
  for (const t of Object.values(design.tables)) {
    const table: Table = {
      ...t,
      id: id(t.id),
      columns: t.columns.map((c) => ({ ...c, id: id(c.id) })),
      constraints: t.constraints.map((k) => mapConstraint(k, id)),
      indexes: t.indexes.map((ix) => ({
        ...ix,
        id: id(ix.id),
        elements: ix.elements.map((e) =>
          e.kind === 'column' ? { ...e, columnId: id(e.columnId) } : e,
        ),
        include: ix.include.map(id),
        ...(ix.attachedTo !== undefined ? { attachedTo: id(ix.attachedTo) } : {}),
      })),
      inherits: t.inherits.map(id),
      ...(t.partitionOf
        ? { partitionOf: { ...t.partitionOf, tableId: id(t.partitionOf.tableId) } }
        : {}),
      ...(t.clusterOn !== undefined ? { clusterOn: id(t.clusterOn) } : {}),
    };
    tables[table.id] = table;
  }
  // Triggers, policies and views name their table by id too (the planner drops them with it).
  const extras = design.extras.map((x) => ({
    ...x,
    ...(x.tableId !== undefined ? { tableId: id(x.tableId) } : {}),
    dependsOn: x.dependsOn.map(id),
  }));
  return { ...design, tables, extras };
}

function mapConstraint(k: Constraint, id: (x: string) => string): Constraint {
  switch (k.kind) {
    case 'primaryKey':
    case 'unique':
      return { ...k, id: id(k.id), columnIds: k.columnIds.map(id), include: k.include.map(id) };
    case 'foreignKey':
      return {
        ...k,
        id: id(k.id),
        columnIds: k.columnIds.map(id),
        refTableId: id(k.refTableId),
        refColumnIds: k.refColumnIds.map(id),
      };
    default:
      return { ...k, id: id(k.id) };
  }
}
