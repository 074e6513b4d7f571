import type { Design } from '../model/schema';

/**
 * `next` with every table, enum and schema equal to `prev`'s (same id, same content) replaced by
 * `prev`'s own object. A design read back from SQL is all new objects; sharing the unchanged ones
 * lets everything that compares by identity (canvas nodes, the incremental check) skip them.
 * Pure: neither argument is modified.
 */
export function shareUnchanged(prev: Design, next: Design): Design {
  return {
    ...next,
    schemas: shareRecord(prev.schemas, next.schemas),
    enums: shareRecord(prev.enums, next.enums),
    tables: shareRecord(prev.tables, next.tables),
  };
}

function shareRecord<T>(prev: Record<string, T>, next: Record<string, T>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const [id, value] of Object.entries(next)) {
    const before = prev[id];
    out[id] = before !== undefined && deepEqual(before, value) ? before : value;
  }
  return out;
}

/** Equality of plain data (objects, arrays, primitives), as JSON would see it. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((x, i) => deepEqual(x, other[i]));
  }
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) =>
    deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
  );
}
