import type { RawObject } from '../model/extras';
import { kindRank } from '../sql/extraPhases';
import type { DependencyRow } from './dependencyQueries';
import type { PendingExtra } from './extraContext';

/**
 * Raw objects in dependency order, each with `dependsOn` listing the design ids it needs: other
 * raw objects, tables and enums. Creation (oid) order is the starting point: it is already a
 * dependency order for a freshly loaded script except where later statements added dependencies
 * (CREATE OR REPLACE, ALTER ... SET DEFAULT), which pg_depend knows about.
 *
 * @param known design ids of tables and enums by catalog key (`pg_class:…`, `pg_type:…`)
 */
export function orderExtras(
  pendingExtras: readonly PendingExtra[],
  dependencies: readonly DependencyRow[],
  known: ReadonlyMap<string, string>,
): RawObject[] {
  const idByKey = new Map(known);
  const byId = new Map<string, PendingExtra>();
  for (const p of pendingExtras) {
    byId.set(p.extra.id, p);
    for (const k of p.keys) idByKey.set(k, p.extra.id);
  }
  const needs = new Map<string, Set<string>>();
  for (const p of pendingExtras) needs.set(p.extra.id, new Set(p.extra.dependsOn));
  for (const d of dependencies) {
    const dependent = idByKey.get(d.dependent);
    const referenced = idByKey.get(d.referenced);
    if (dependent === undefined || referenced === undefined || dependent === referenced) continue;
    needs.get(dependent)?.add(referenced);
  }
  const order = topologicalOrder(pendingExtras, needs, byId);
  return order.map((p) => ({ ...p.extra, dependsOn: [...(needs.get(p.extra.id) ?? [])].sort() }));
}

/**
 * Kahn's algorithm, always taking the ready object that comes first by its kind's phase in the
 * DDL (see `extraPhases`), then by creation: reading back a database built from the design's own
 * DDL then gives the same order again. Objects caught in a cycle (which PostgreSQL itself would not allow, but a
 * damaged catalog read might show) follow in creation order.
 */
function topologicalOrder(
  items: readonly PendingExtra[],
  needs: ReadonlyMap<string, ReadonlySet<string>>,
  byId: ReadonlyMap<string, PendingExtra>,
): PendingExtra[] {
  const sorted = [...items].sort(compare);
  const waiting = new Map<string, number>();
  const dependents = new Map<string, string[]>();
  for (const item of sorted) {
    let count = 0;
    for (const dependency of needs.get(item.extra.id) ?? []) {
      if (!byId.has(dependency)) continue;
      count++;
      const list = dependents.get(dependency) ?? [];
      list.push(item.extra.id);
      dependents.set(dependency, list);
    }
    waiting.set(item.extra.id, count);
  }
  const ready = sorted.filter((item) => waiting.get(item.extra.id) === 0);
  const out: PendingExtra[] = [];
  const done = new Set<string>();
  while (ready.length > 0) {
    const next = ready.shift() as PendingExtra;
    out.push(next);
    done.add(next.extra.id);
    for (const dependentId of dependents.get(next.extra.id) ?? []) {
      const left = (waiting.get(dependentId) ?? 0) - 1;
      waiting.set(dependentId, left);
      const dependent = byId.get(dependentId);
      if (left === 0 && dependent) insertByOrder(ready, dependent);
    }
  }
  for (const item of sorted) if (!done.has(item.extra.id)) out.push(item);
  return out;
}

function compare(a: PendingExtra, b: PendingExtra): number {
  return kindRank(a.extra.kind) - kindRank(b.extra.kind) || a.order - b.order;
}

function insertByOrder(list: PendingExtra[], item: PendingExtra): void {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (compare(list[mid] as PendingExtra, item) <= 0) low = mid + 1;
    else high = mid;
  }
  list.splice(low, 0, item);
}
