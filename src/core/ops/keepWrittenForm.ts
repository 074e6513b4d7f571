import type { Design, Table } from '../model';
import { sameType, shortSpelling } from '../model/pgType';
import { resolveNames } from '../diff/names';

/**
 * A design read back from PostgreSQL's catalog spells every type the long way (`character
 * varying(20)`, `timestamp with time zone`) and names every constraint and index. After the person
 * edits the DDL, the design should still read as they wrote it where PostgreSQL means the same:
 * - a column whose type did not change keeps the spelling it had;
 * - a new column gets the usual short spelling (`timestamptz`, `varchar(20)`);
 * - a constraint or index that had no name (or is new) and got exactly the name PostgreSQL would
 *   choose anyway stays unnamed, so the DDL does not grow `CONSTRAINT t_pkey` lines nobody wrote.
 * Pure; `prev` and `next` share ids (see reconcileIds).
 */
export function keepWrittenForm(prev: Design, next: Design): Design {
  const withTypes = keepTypeSpellings(prev, next);
  return dropPredictableNames(prev, withTypes);
}

/** The short spelling people write for a catalog type name, when there is one; else the name. */
export function usualSpelling(type: string): string {
  return shortSpelling(type);
}

function keepTypeSpellings(prev: Design, next: Design): Design {
  const tables: Design['tables'] = {};
  for (const [id, table] of Object.entries(next.tables)) {
    const before = prev.tables[id];
    if (before === table) {
      tables[id] = table; // the same object: nothing to spell again
      continue;
    }
    const columns = table.columns.map((c) => {
      const old = before?.columns.find((o) => o.id === c.id);
      const type =
        old && sameType(old.type, c.type) ? old.type : old ? c.type : usualSpelling(c.type);
      return type === c.type ? c : { ...c, type };
    });
    tables[id] = columns.every((c, i) => c === table.columns[i]) ? table : { ...table, columns };
  }
  return { ...next, tables };
}

/** Ids of constraints and indexes that had no name before (or did not exist). */
function unnamedBefore(prev: Design, table: Table): Set<string> {
  const before = prev.tables[table.id];
  const ids = new Set<string>();
  for (const k of table.constraints) {
    const old = before?.constraints.find((o) => o.id === k.id);
    if (k.name && (!old || !old.name)) ids.add(k.id);
  }
  for (const ix of table.indexes) {
    const old = before?.indexes.find((o) => o.id === ix.id);
    if (ix.name && (!old || !old.name)) ids.add(ix.id);
  }
  return ids;
}

function dropPredictableNames(prev: Design, next: Design): Design {
  const candidates = new Map<string, string>(); // id -> the name the catalog gave
  for (const table of Object.values(next.tables)) {
    if (prev.tables[table.id] === table) continue; // the same object: nothing newly named
    for (const id of unnamedBefore(prev, table)) {
      const name =
        table.constraints.find((k) => k.id === id)?.name ??
        table.indexes.find((ix) => ix.id === id)?.name;
      if (name) candidates.set(id, name);
    }
  }
  if (candidates.size === 0) return next;
  // Strip the candidates, predict what PostgreSQL would name them, and put back every name the
  // prediction does not reproduce. Putting a name back can change other predictions (collisions),
  // so repeat until nothing changes (a few rounds at most).
  let stripped = new Set(candidates.keys());
  for (let round = 0; round < 5; round++) {
    const design = withoutNames(next, stripped);
    const predicted = resolveNames(design);
    const keep = [...stripped].filter((id) => predicted.get(id) !== candidates.get(id));
    if (keep.length === 0) return design;
    stripped = new Set([...stripped].filter((id) => !keep.includes(id)));
  }
  return next;
}

function withoutNames(design: Design, ids: ReadonlySet<string>): Design {
  const tables: Design['tables'] = {};
  for (const [id, t] of Object.entries(design.tables)) {
    const touches =
      t.constraints.some((k) => ids.has(k.id)) || t.indexes.some((ix) => ids.has(ix.id));
    tables[id] = touches
      ? {
          ...t,
          constraints: t.constraints.map((k) => (ids.has(k.id) ? unname(k) : k)),
          indexes: t.indexes.map((ix) => (ids.has(ix.id) ? unname(ix) : ix)),
        }
      : t;
  }
  return { ...design, tables };
}

function unname<T extends { name?: string }>(x: T): T {
  const { name: _name, ...rest } = x;
  return rest as T;
}
