import type { Oid } from './queries';

/**
 * Drivers differ in how they hand back values: PGlite parses json and arrays, node-postgres
 * returns oids as strings. These helpers accept either.
 */

/** An oid as a map key. */
export function key(oid: Oid): string {
  return String(oid);
}

/** A JSON array column, parsed if the driver returned text; [] for null. */
export function jsonArray<T>(value: unknown): T[] {
  if (value === null || value === undefined) return [];
  const parsed: unknown = typeof value === 'string' ? JSON.parse(value) : value;
  return Array.isArray(parsed) ? (parsed as T[]) : [];
}

/** A nullable text column as an optional field. */
export function optional(value: string | null | undefined): string | undefined {
  return value === null || value === undefined ? undefined : value;
}

/** A JSON object column, parsed if the driver returned text; undefined for null. */
export function jsonObject<T>(value: unknown): T | undefined {
  if (value === null || value === undefined) return undefined;
  const parsed: unknown = typeof value === 'string' ? JSON.parse(value) : value;
  return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
    ? (parsed as T)
    : undefined;
}
